namespace Asmr.Cli.Commands.Info;

/// <summary>What <c>asmrc info</c> was asked to do.</summary>
/// <param name="Input">The .asmr path.</param>
/// <param name="Json">Print JSON instead of text.</param>
internal sealed record InfoRequest(string Input, bool Json);
