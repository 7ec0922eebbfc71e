using System.CommandLine;

namespace Asmr.Cli.Commands.Conform;

/// <summary>The shape of <c>asmrc conform</c>; no behaviour.</summary>
internal sealed class ConformCommandDefinition : Command
{
    public ConformCommandDefinition()
        : base("conform", "Decode the conformance vectors and check each decoded-output hash; the exit code is the number of failing vectors (at most 125).")
    {
        Arguments.Add(Directory);
        Options.Add(Scalar);
    }

    public Argument<string?> Directory { get; } = new("DIR")
    {
        Description = "Folder with manifest.json and the vectors it lists (default: the repository's Conformance/vectors).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<bool> Scalar { get; } = new("--scalar")
    {
        Description = "Decode with the scalar path instead of SIMD (the hashes must be the same).",
    };
}
