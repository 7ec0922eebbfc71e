using System.CommandLine;

namespace Asmr.Cli.Commands.Info;

/// <summary>The shape of <c>asmrc info</c>; no behaviour.</summary>
internal sealed class InfoCommandDefinition : Command
{
    public InfoCommandDefinition()
        : base("info", "Describe an .asmr file: video, segments, model architectures, entropy, metadata, sections.")
    {
        Arguments.Add(Input);
        Options.Add(Json);
    }

    public Argument<string> Input { get; } = new("FILE")
    {
        Description = "The .asmr file to describe, or - to read it from stdin.",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the same information as JSON on stdout (keys are listed in README.md).",
    };
}
