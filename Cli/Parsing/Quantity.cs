using System.Globalization;

namespace Asmr.Cli.Parsing;

/// <summary>
/// Parses counts with an SI or binary suffix, the way users write sizes and bitrates: <c>20000</c>, <c>20k</c>,
/// <c>1.5M</c>, <c>2G</c> (powers of 1000) and <c>64Ki</c>, <c>1.5Mi</c> (powers of 1024). The suffix letter is
/// case-insensitive; a unit after it (<c>B</c> for sizes, <c>bps</c> or <c>b/s</c> for bitrates) is allowed.
/// </summary>
internal static class Quantity
{
    /// <summary>Parses a size in bytes, e.g. <c>20k</c> = 20 000, <c>1.5M</c> = 1 500 000, <c>64KiB</c> = 65 536.</summary>
    public static bool TryParseBytes(string text, out long bytes, out string error) =>
        TryParse(text, ["B"], "size", "bytes", out bytes, out error);

    /// <summary>Parses a bitrate in bits per second, e.g. <c>500k</c>, <c>1.5M</c>, <c>800kbps</c>.</summary>
    public static bool TryParseBitsPerSecond(string text, out long bitsPerSecond, out string error) =>
        TryParse(text, ["bps", "b/s"], "bitrate", "bits per second", out bitsPerSecond, out error);

    private static bool TryParse(string text, string[] units, string what, string unitName, out long value, out string error)
    {
        value = 0;
        string original = text ?? string.Empty;
        string s = original.Trim();
        foreach (string unit in units)
        {
            if (s.Length > unit.Length && s.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^unit.Length];
                break;
            }
        }

        double multiplier = 1;
        if (s.EndsWith('i') || s.EndsWith('I'))
        {
            multiplier = s.Length >= 2 ? Binary(s[^2]) : 0;
            s = multiplier > 0 ? s[..^2] : s;
        }
        else if (s.Length > 0 && char.IsLetter(s[^1]))
        {
            multiplier = Decimal(s[^1]);
            s = multiplier > 0 ? s[..^1] : s;
        }

        if (multiplier <= 0
            || s.Length == 0
            || !double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number))
        {
            error = $"'{original}' is not a valid {what}; use {unitName} with an optional suffix, e.g. 20000, 20k, 1.5M.";
            return false;
        }

        double result = Math.Round(number * multiplier);
        if (result < 1 || result > long.MaxValue / 2)
        {
            error = $"{char.ToUpperInvariant(what[0])}{what[1..]} '{original}' is out of range; it must be at least 1 {unitName.Split(' ')[0][..^1]}.";
            return false;
        }

        value = (long)result;
        error = string.Empty;
        return true;
    }

    private static double Decimal(char suffix) => char.ToLowerInvariant(suffix) switch
    {
        'k' => 1e3,
        'm' => 1e6,
        'g' => 1e9,
        't' => 1e12,
        _ => 0,
    };

    private static double Binary(char suffix) => char.ToLowerInvariant(suffix) switch
    {
        'k' => 1024.0,
        'm' => 1024.0 * 1024,
        'g' => 1024.0 * 1024 * 1024,
        't' => 1024.0 * 1024 * 1024 * 1024,
        _ => 0,
    };
}
