using System.CommandLine;

namespace Asmr.Cli.Commands.Conform;

/// <summary>The shape of <c>asmrc conform</c>; no behaviour.</summary>
internal sealed class ConformCommandDefinition : Command
{
    public ConformCommandDefinition()
        : base("conform", "Decode the conformance vectors and check each decoded-output hash.")
    {
        Arguments.Add(Directory);
    }

    public Argument<string?> Directory { get; } = new("DIR")
    {
        Description = "Folder with vectors/*.asmr and expected/*.sha256 (default: the repository's conformance vectors).",
        Arity = ArgumentArity.ZeroOrOne,
    };
}
