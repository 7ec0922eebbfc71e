using System.CommandLine;

namespace Asmr.Cli.Commands.Merge;

/// <summary>The shape of <c>asmrc merge</c>; no behaviour.</summary>
internal sealed class MergeCommandDefinition : Command
{
    public MergeCommandDefinition()
        : base("merge", "Join the part files of asmrc encode --shard into the .asmr file a single encode writes, byte for byte.")
    {
        Arguments.Add(Output);
        Arguments.Add(Parts);
    }

    public Argument<string> Output { get; } = new("OUT")
    {
        Description = "The .asmr file to write (atomically; nothing is written when a part is missing, repeated, foreign or damaged).",
    };

    public Argument<string[]> Parts { get; } = new("PART")
    {
        Description = "The part files, in any order: together exactly one of each segment.",
        Arity = ArgumentArity.OneOrMore,
    };
}
