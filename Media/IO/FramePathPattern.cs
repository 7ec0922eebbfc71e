using System.Globalization;
using System.Text;

namespace Asmr.Media.IO;

/// <summary>
/// A printf-style file name pattern for numbered frames, such as <c>frame_%04d.png</c>: exactly one <c>%d</c>,
/// <c>%0Nd</c> or <c>%Nd</c> (N = 1..9, zero-padded to N digits, as ffmpeg does), and <c>%%</c> for a literal percent sign. Anything else after a
/// <c>%</c> is rejected.
/// </summary>
internal sealed class FramePathPattern
{
    private readonly string _prefix;
    private readonly string _suffix;
    private const int NoNumber = -1;
    private readonly int _width;

    private FramePathPattern(string prefix, string suffix, int width)
    {
        _prefix = prefix;
        _suffix = suffix;
        _width = width;
    }

    /// <summary>Parses and validates a pattern.</summary>
    /// <exception cref="ArgumentException">No number field, more than one, or an unsupported % sequence.</exception>
    public static FramePathPattern Parse(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var prefix = new StringBuilder();
        var suffix = new StringBuilder();
        StringBuilder current = prefix;
        int width = -1;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c != '%')
            {
                current.Append(c);
                continue;
            }

            if (i + 1 < pattern.Length && pattern[i + 1] == '%')
            {
                current.Append('%');
                i++;
                continue;
            }

            // As ffmpeg's image2 muxer: %Nd pads with zeros like %0Nd.
            int j = i + 1;
            int w = 0;
            if (j < pattern.Length && pattern[j] == '0')
            {
                j++;
            }

            if (j < pattern.Length && pattern[j] is >= '1' and <= '9')
            {
                w = pattern[j] - '0';
                j++;
            }

            if (j >= pattern.Length || pattern[j] != 'd')
            {
                throw Invalid(pattern);
            }

            if (width >= 0)
            {
                throw new ArgumentException($"The frame file pattern \"{pattern}\" has more than one number field.", nameof(pattern));
            }

            width = w;
            current = suffix;
            i = j;
        }

        if (width < 0)
        {
            throw new ArgumentException($"The frame file pattern \"{pattern}\" has no number field; use %d or %0Nd, as in frame_%04d.png.", nameof(pattern));
        }

        return new FramePathPattern(prefix.ToString(), suffix.ToString(), width);
    }

    /// <summary>A single file name with no number field (a <c>%</c> in it is taken literally), for one picture.</summary>
    public static FramePathPattern Single(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FramePathPattern(path, string.Empty, NoNumber);
    }

    /// <summary>False for a <see cref="Single"/> name, which holds one frame only.</summary>
    public bool HasNumber => _width != NoNumber;

    /// <summary>The path for a frame number (for a single name, the name itself).</summary>
    public string Format(int number) => HasNumber
        ? _prefix + number.ToString(_width > 0 ? new string('0', _width) : "0", CultureInfo.InvariantCulture) + _suffix
        : _prefix;

    private static ArgumentException Invalid(string pattern) =>
        new($"The frame file pattern \"{pattern}\" has an unsupported % sequence; only %d, %0Nd or %Nd (N = 1..9) and %% are allowed.", nameof(pattern));
}
