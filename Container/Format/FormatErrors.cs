using System.Globalization;

namespace Asmr.Container;

/// <summary>Helpers for the wording of format errors, so every message names offsets the same way.</summary>
internal static class FormatErrors
{
    /// <summary>An offset as "0x5C".</summary>
    public static string Hex(long offset) => "0x" + offset.ToString("X", CultureInfo.InvariantCulture);

    /// <summary>A 32-bit value as "0x0000ABCD".</summary>
    public static string Hex32(uint value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>A corrupt-data error.</summary>
    public static InvalidDataException Corrupt(string message) => new(message);
}
