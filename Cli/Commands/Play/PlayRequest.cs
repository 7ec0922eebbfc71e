namespace Asmr.Cli.Commands.Play;

/// <summary>Everything <c>asmrc play</c> was asked to do.</summary>
/// <param name="Input">The .asmr path.</param>
/// <param name="Window">Play with ffplay in a window rather than in the terminal.</param>
/// <param name="Loop">Repeat until stopped.</param>
/// <param name="Threads">Decoder threads (≥ 1).</param>
internal sealed record PlayRequest(string Input, bool Window, bool Loop, int Threads);
