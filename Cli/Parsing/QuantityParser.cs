namespace Asmr.Cli.Parsing;

/// <summary>The shape of <see cref="Quantity.TryParseBytes"/> and <see cref="Quantity.TryParseBitsPerSecond"/>.</summary>
internal delegate bool QuantityParser(string text, out long value, out string error);
