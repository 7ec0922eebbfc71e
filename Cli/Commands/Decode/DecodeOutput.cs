using System.Globalization;
using System.Text.RegularExpressions;

namespace Asmr.Cli.Commands.Decode;

/// <summary>The decode destination: its kind and path (or pattern).</summary>
/// <param name="Kind">What to write.</param>
/// <param name="Path">The file, the PNG pattern, or <c>-</c>.</param>
internal sealed partial record DecodeOutput(DecodeOutputKind Kind, string Path)
{
    /// <summary>The container extensions handed to ffmpeg.</summary>
    public static IReadOnlyList<string> FfmpegExtensions { get; } = [".mp4", ".mkv"];

    public static bool TryParse(string text, out DecodeOutput? output, out string error)
    {
        output = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The output name is empty.";
            return false;
        }

        if (text == "-")
        {
            output = new DecodeOutput(DecodeOutputKind.Y4mStdout, text);
            return true;
        }

        string extension = System.IO.Path.GetExtension(text).ToLowerInvariant();
        bool hasPercent = text.Replace("%%", string.Empty, StringComparison.Ordinal).Contains('%', StringComparison.Ordinal);
        if (extension == ".png")
        {
            Expand(text, 0, out int fields);
            if (fields != 1)
            {
                error = $"PNG output '{text}' needs exactly one frame-number field such as %d or %04d, e.g. frame_%04d.png.";
                return false;
            }

            output = new DecodeOutput(DecodeOutputKind.PngSequence, text);
            return true;
        }

        if (hasPercent)
        {
            error = $"Only PNG output takes a %d pattern; '{text}' is not a .png pattern.";
            return false;
        }

        if (extension == ".y4m")
        {
            output = new DecodeOutput(DecodeOutputKind.Y4mFile, text);
            return true;
        }

        if (FfmpegExtensions.Contains(extension))
        {
            output = new DecodeOutput(DecodeOutputKind.FfmpegFile, text);
            return true;
        }

        error = $"Cannot tell the output format from '{text}'; use a .y4m, .mp4 or .mkv file, a PNG pattern like frame_%04d.png, or - for y4m on stdout.";
        return false;
    }

    /// <summary>The file name for frame <paramref name="index"/> of a PNG pattern (printf <c>%d</c>/<c>%0Nd</c>; <c>%%</c> is a literal %).</summary>
    public string FileForFrame(int index) =>
        Kind == DecodeOutputKind.PngSequence ? Expand(Path, index, out _) : Path;

    /// <summary>Expands a printf-style frame pattern and counts its number fields; null when it has another % field.</summary>
    private static string Expand(string pattern, int index, out int fields)
    {
        var result = new System.Text.StringBuilder();
        fields = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%')
            {
                result.Append(pattern[i]);
                continue;
            }

            var field = FrameNumberField().Match(pattern, i);
            if (field.Success && field.Index == i)
            {
                int width = field.Groups["width"].Value.Length > 0
                    ? int.Parse(field.Groups["width"].Value, CultureInfo.InvariantCulture)
                    : 0;
                result.Append(index.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
                fields++;
                i += field.Length - 1;
            }
            else if (i + 1 < pattern.Length && pattern[i + 1] == '%')
            {
                result.Append('%');
                i++;
            }
            else
            {
                fields = -1;
                return pattern;
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"%0?(?<width>[1-9]?)d")]
    private static partial Regex FrameNumberField();
}
