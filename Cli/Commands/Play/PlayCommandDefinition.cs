using System.CommandLine;

namespace Asmr.Cli.Commands.Play;

/// <summary>The shape of <c>asmrc play</c>: arguments and options; no behaviour.</summary>
internal sealed class PlayCommandDefinition : Command
{
    public PlayCommandDefinition()
        : base("play", "Play an .asmr file in the terminal (truecolor half-blocks), or in a window with ffplay.")
    {
        Arguments.Add(Input);
        Options.Add(Window);
        Options.Add(Loop);
    }

    public Argument<string> Input { get; } = new("IN")
    {
        Description = "The .asmr file to play.",
    };

    public Option<bool> Window { get; } = new("--window")
    {
        Description = "Play in a window with ffplay (needs a display) instead of the terminal.",
    };

    public Option<bool> Loop { get; } = new("--loop")
    {
        Description = "Start again at the end, until q or Ctrl-C.",
    };
}
