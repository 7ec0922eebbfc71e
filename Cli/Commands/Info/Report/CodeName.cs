namespace Asmr.Cli.Commands.Info.Report;

/// <summary>A stored code point with its human name, e.g. 1 = "BT.709".</summary>
internal readonly record struct CodeName(int Code, string Name);
