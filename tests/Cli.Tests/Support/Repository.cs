using System.Reflection;

namespace Asmr.Cli.Tests.Support;

/// <summary>The repository the tests were built from (README.md, .ci/run, the launcher, samples/).</summary>
internal static class Repository
{
    public static string Root { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("RepositoryRoot metadata is missing.");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string ReadText(string relative) => File.ReadAllText(PathOf(relative));
}
