namespace Asmr.Cli.Commands.Info.Report;

/// <summary>The file as given on the command line, and its size.</summary>
internal sealed record FileSummary(string Path, long SizeBytes);
