using System.CommandLine;
using Asmr.Cli.Help;

namespace Asmr.Cli.Commands.Conform;

/// <summary>The shape of <c>asmrc conform</c>; no behaviour.</summary>
internal sealed class ConformCommandDefinition : Command, IOwnExitCodes
{
    public ConformCommandDefinition()
        : base("conform", "Decode the conformance vectors and check each decoded-output hash; the exit code is the number of failing vectors (at most 125).")
    {
        Arguments.Add(Directory);
        Options.Add(Scalar);
    }

    /// <summary>Conform's exit code counts failures, so the usual table would mislead; README.md says the same.</summary>
    public string ExitCodesHelp =>
        "Exit codes (conform's own, not asmrc's usual table):\n"
        + "  0    every vector passes\n"
        + "  N    the number of failing vectors, 1 to 125 (more than 125 failures also exit 125)\n"
        + "  A problem before any vector is checked (a bad argument, a missing folder or manifest) exits with\n"
        + "  asmrc's usual code and an 'asmrc: error:' line; Ctrl-C or SIGTERM exits 130.\n";

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
