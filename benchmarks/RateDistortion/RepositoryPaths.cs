using System.Reflection;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>The repository (the folder holding AsmrCodec.sln) and the shared media folder beside it (../shared/media).</summary>
internal sealed record RepositoryPaths(string Root, string Media)
{
    /// <summary>The solution file that marks the repository root.</summary>
    public const string SolutionFile = "AsmrCodec.sln";

    /// <summary>docs/ under the root: where a full run writes BENCHMARKS.md and the plots.</summary>
    public string Docs => Path.Combine(Root, "docs");

    /// <summary>
    /// Finds the root by walking up from the current folder to <see cref="SolutionFile"/>, else from the folder this
    /// assembly was built from (stored at build time); the media folder is $ASMR_MEDIA if set, else ../shared/media.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No repository root can be found.</exception>
    public static RepositoryPaths Locate()
    {
        string? root = WalkUp(Environment.CurrentDirectory) ?? WalkUp(BuiltFrom() ?? AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException($"Cannot find the repository root ({SolutionFile}) above {Environment.CurrentDirectory}.");
        string media = Environment.GetEnvironmentVariable("ASMR_MEDIA") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(root, "..", "shared", "media"));
        return new RepositoryPaths(root, media);
    }

    /// <summary><paramref name="path"/> relative to the root when it lies at or beside it (../shared/media/…), else as is.</summary>
    public string Display(string path)
    {
        string relative = Path.GetRelativePath(Root, path);
        return relative.StartsWith("../..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string? BuiltFrom() =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;

    private static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
