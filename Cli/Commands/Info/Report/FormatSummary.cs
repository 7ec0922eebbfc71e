namespace Asmr.Cli.Commands.Info.Report;

/// <summary>The file header's versions (FORMAT.md §5).</summary>
internal sealed record FormatSummary(int Version, int MinReaderVersion);
