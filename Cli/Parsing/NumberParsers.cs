using System.CommandLine.Parsing;
using System.Globalization;

namespace Asmr.Cli.Parsing;

/// <summary>
/// Custom parsers for numeric options that check their range while parsing, so a bad value is one parse error
/// ("--frames must be a whole number ≥ 1, got 'x'") rather than a conversion failure inside a validator.
/// </summary>
internal static class NumberParsers
{
    /// <summary>A whole number in <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static Func<ArgumentResult, int> Int(string option, int min, int max, string? meaning = null) => result =>
    {
        string text = Token(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{option} must be a whole number {Range(min, max)}{meaning}, got '{text}'.");
        return default;
    };

    /// <summary>As <see cref="Int"/>, for an option without a default.</summary>
    public static Func<ArgumentResult, int?> NullableInt(string option, int min, int max, string? meaning = null)
    {
        var parse = Int(option, min, max, meaning);
        return result => parse(result);
    }

    /// <summary>A finite number in <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static Func<ArgumentResult, double?> NullableDouble(string option, double min, double max, string? meaning = null) => result =>
    {
        string text = Token(result);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option} must be a number from {min} to {max}{meaning}, got '{text}'."));
        return null;
    };

    private static string Token(ArgumentResult result) => RepeatedOptions.LastToken(result);

    private static string Range(int min, int max) => max == int.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $"≥ {min}")
        : string.Create(CultureInfo.InvariantCulture, $"from {min} to {max}");
}
