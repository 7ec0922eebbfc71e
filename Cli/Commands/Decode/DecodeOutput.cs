using Asmr.Media.IO;

namespace Asmr.Cli.Commands.Decode;

/// <summary>The decode destination: its kind and path (or pattern).</summary>
/// <param name="Kind">What to write.</param>
/// <param name="Path">The file, the PNG pattern, or <c>-</c>.</param>
internal sealed record DecodeOutput(DecodeOutputKind Kind, string Path)
{
    /// <summary>The container extensions handed to ffmpeg.</summary>
    public static IReadOnlyList<string> FfmpegExtensions { get; } = [".mp4", ".mkv", ".mov", ".webm", ".avi"];

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
        bool hasPercent = text.Contains('%', StringComparison.Ordinal);
        if (extension == ".png")
        {
            if (!hasPercent)
            {
                output = new DecodeOutput(DecodeOutputKind.PngSingle, text);
                return true;
            }

            try
            {
                FramePathPattern.Parse(text);
            }
            catch (ArgumentException e)
            {
                error = $"PNG output '{text}': {e.Message}";
                return false;
            }

            output = new DecodeOutput(DecodeOutputKind.PngSequence, text);
            return true;
        }

        if (hasPercent && text.Replace("%%", string.Empty, StringComparison.Ordinal).Contains('%', StringComparison.Ordinal))
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

        error = $"Cannot tell the output format from '{text}'; use a .y4m, .mp4, .mkv, .mov, .webm or .avi file, a PNG pattern like frame_%04d.png (or one .png for a single frame), or - for y4m on stdout.";
        return false;
    }

    /// <summary>
    /// The file that frame number <paramref name="number"/> goes to: the PNG pattern expanded (printf <c>%d</c>,
    /// <c>%0Nd</c>, <c>%Nd</c> zero-padded as ffmpeg does; <c>%%</c> is a literal %), else the one output file.
    /// </summary>
    public string FileForFrame(int number) =>
        Kind == DecodeOutputKind.PngSequence ? FramePathPattern.Parse(Path).Format(number) : Path;
}
