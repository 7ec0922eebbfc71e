namespace Asmr.Cli.Commands.Info.Report;

/// <summary>The colour description (ITU-T H.273 code points with names).</summary>
internal sealed record ColourSummary(
    CodeName Primaries,
    CodeName Transfer,
    CodeName Matrix,
    bool FullRange,
    CodeName ChromaSamplePosition);
