using System.Globalization;

namespace Asmr.Cli.Parsing;

/// <summary>
/// A range of frames written <c>a:b</c>: frames a to b−1, counted from 0 (like a Python slice). <c>a:</c> runs to
/// the end, <c>:b</c> starts at 0.
/// </summary>
/// <param name="Start">The first frame, ≥ 0.</param>
/// <param name="End">One past the last frame, or null for "to the end".</param>
internal readonly record struct FrameRange(int Start, int? End)
{
    /// <summary>Every frame.</summary>
    public static FrameRange All { get; } = new(0, null);

    /// <summary>The number of frames, if the end is given.</summary>
    public int? Count => End - Start;

    public static bool TryParse(string text, out FrameRange range, out string error)
    {
        range = All;
        string s = (text ?? string.Empty).Trim();
        int colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || s.IndexOf(':', colon + 1) >= 0)
        {
            error = $"'{text}' is not a frame range; write a:b (frames a to b-1, from 0), a: or :b.";
            return false;
        }

        string first = s[..colon];
        string last = s[(colon + 1)..];
        int start = 0;
        int? end = null;
        if ((first.Length > 0 && !TryFrame(first, out start)) || (last.Length > 0 && !TryFrameNullable(last, out end)))
        {
            error = $"'{text}' is not a frame range; frame numbers must be whole numbers ≥ 0 (a:b, a: or :b).";
            return false;
        }

        if (end is { } e && e <= start)
        {
            error = $"Frame range '{text}' is empty; the end ({e}) must be greater than the start ({start}).";
            return false;
        }

        range = new FrameRange(start, end);
        error = string.Empty;
        return true;
    }

    /// <summary>Checks the range against a video of <paramref name="frameCount"/> frames and returns it with the end filled in.</summary>
    /// <exception cref="Errors.UsageException">The range starts or ends beyond the last frame.</exception>
    public FrameRange Resolve(int frameCount)
    {
        if (Start >= frameCount || End > frameCount)
        {
            throw new Errors.UsageException(
                $"--frames {this} is outside the video, which has {frameCount} frames (0:{frameCount}).");
        }

        return new FrameRange(Start, End ?? frameCount);
    }

    public override string ToString() => End is { } e
        ? string.Create(CultureInfo.InvariantCulture, $"{Start}:{e}")
        : string.Create(CultureInfo.InvariantCulture, $"{Start}:");

    private static bool TryFrame(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool TryFrameNullable(string text, out int? value)
    {
        bool ok = TryFrame(text, out int v);
        value = v;
        return ok;
    }
}
