using System.CommandLine.Parsing;
using System.Globalization;

namespace Asmr.Cli.Parsing;

/// <summary>
/// A position or length in the input given as frames (<c>50</c>) or as time, as ffmpeg's <c>-ss</c>/<c>-t</c> take it
/// (<c>2.5s</c>, <c>1:02.5</c>, <c>00:01:02.5</c>). A time becomes frames with the input's frame rate, rounding up:
/// frame k is shown at k / rate, so a start time selects the first frame at or after it, and a duration the frames
/// shown before it ends, counted from the start (2.5 s at 25 fps is 63 frames, as <c>ffmpeg -t 2.5</c> gives).
/// </summary>
internal readonly record struct FrameOrTime(int? Frames, decimal? Seconds)
{
    public static FrameOrTime FromFrames(int frames) => new(frames, null);

    /// <summary>True when the value is a time (and needs the frame rate).</summary>
    public bool IsTime => Seconds is not null;

    /// <summary>The frame count this stands for at <paramref name="rateNumerator"/>/<paramref name="rateDenominator"/> frames per second.</summary>
    public int ToFrames(int rateNumerator, int rateDenominator)
    {
        if (Frames is { } frames)
        {
            return frames;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rateNumerator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rateDenominator);
        decimal exact = Seconds!.Value * rateNumerator / rateDenominator;
        return (int)Math.Min(int.MaxValue, decimal.Ceiling(exact));
    }

    /// <summary>
    /// The frame after the last one selected by <paramref name="start"/> and <paramref name="length"/>: as ffmpeg's
    /// <c>-ss S -t T</c>, the frames shown from S until S + T (a start in frames is at k / rate).
    /// </summary>
    public static int EndFrame(FrameOrTime start, FrameOrTime length, int rateNumerator, int rateDenominator)
    {
        if (!length.IsTime)
        {
            return start.ToFrames(rateNumerator, rateDenominator) + length.Frames!.Value;
        }

        decimal startSeconds = start.Seconds ?? ((decimal)start.Frames!.Value * rateDenominator / rateNumerator);
        return new FrameOrTime(null, startSeconds + length.Seconds!.Value).ToFrames(rateNumerator, rateDenominator);
    }

    public override string ToString() =>
        Frames is { } f ? f.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Seconds}s");

    /// <summary>Parses frames (a whole number ≥ <paramref name="minFrames"/>) or a time (positive, or zero when frames may be 0).</summary>
    public static bool TryParse(string text, int minFrames, out FrameOrTime value)
    {
        value = default;
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int frames))
        {
            value = FromFrames(frames);
            return frames >= minFrames;
        }

        decimal seconds;
        if (text.EndsWith('s'))
        {
            if (!decimal.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds))
            {
                return false;
            }
        }
        else if (!TryParseClock(text, out seconds))
        {
            return false;
        }

        value = new FrameOrTime(null, seconds);
        return minFrames == 0 ? seconds >= 0 : seconds > 0;
    }

    /// <summary>A parser for System.CommandLine; the error says both forms.</summary>
    public static Func<ArgumentResult, FrameOrTime?> Parser(string option, int minFrames) => result =>
    {
        string text = RepeatedOptions.LastToken(result);
        if (TryParse(text, minFrames, out var value))
        {
            return value;
        }

        result.AddError($"{option} takes frames (a whole number ≥ {minFrames}) or a time such as 2.5s or 00:01:02.5, got '{text}'.");
        return null;
    };

    /// <summary>[[HH:]MM:]SS[.fff], minutes and seconds below 60 when a larger field is given.</summary>
    private static bool TryParseClock(string text, out decimal seconds)
    {
        seconds = 0;
        string[] parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            return false;
        }

        if (!decimal.TryParse(parts[^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal s) || s >= 60)
        {
            return false;
        }

        if (!int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out int minutes) || (parts.Length == 3 && minutes >= 60))
        {
            return false;
        }

        int hours = 0;
        if (parts.Length == 3 && !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hours))
        {
            return false;
        }

        seconds = (hours * 3600m) + (minutes * 60m) + s;
        return true;
    }
}
