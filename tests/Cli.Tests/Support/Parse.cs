using System.CommandLine;
using Asmr.Cli.Hosting;

namespace Asmr.Cli.Tests.Support;

/// <summary>Parses command lines against the real command tree, without running anything.</summary>
internal sealed class Parse
{
    private Parse(string[] args)
    {
        Globals = new GlobalOptions();
        Root = AsmrcRootCommand.Create(Globals, CliConsole.Redirected(TextWriter.Null, TextWriter.Null), []);
        Result = Root.Parse(args);
    }

    public GlobalOptions Globals { get; }

    public RootCommand Root { get; }

    public ParseResult Result { get; }

    public IReadOnlyList<string> Errors => [.. Result.Errors.Select(e => e.Message)];

    public GlobalSettings Settings => Globals.Read(Result);

    public static Parse Args(params string[] args) => new(args);

    public T Definition<T>()
        where T : Command => Root.Subcommands.OfType<T>().Single();

    /// <summary>Asserts there was no error and returns this.</summary>
    public Parse Valid()
    {
        Assert.True(Errors.Count == 0, "Unexpected parse errors: " + string.Join(" | ", Errors));
        return this;
    }

    /// <summary>Asserts there was an error containing <paramref name="fragment"/>.</summary>
    public void FailsWith(string fragment)
    {
        Assert.NotEmpty(Errors);
        Assert.Contains(Errors, e => e.Contains(fragment, StringComparison.OrdinalIgnoreCase));
    }
}
