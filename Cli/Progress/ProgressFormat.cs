using System.Globalization;

namespace Asmr.Cli.Progress;

/// <summary>Formatting shared by the progress reporters.</summary>
internal static class ProgressFormat
{
    /// <summary>A duration as <c>45s</c>, <c>3m07s</c> or <c>1h02m</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m")
            : span.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(span.TotalSeconds)}s");
    }

    /// <summary>The estimated time left, from the time spent and the fraction done; null when nothing is done yet.</summary>
    public static TimeSpan? Remaining(TimeSpan elapsed, double fraction) =>
        fraction is > 0 and < 1 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction) : null;
}
