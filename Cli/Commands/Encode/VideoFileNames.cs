namespace Asmr.Cli.Commands.Encode;

/// <summary>File name extensions of ordinary video files, which an .asmr output should not wear.</summary>
internal static class VideoFileNames
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".m4v", ".mkv", ".webm", ".mov", ".avi", ".y4m", ".ts", ".mpg", ".mpeg", ".flv", ".wmv", ".ogv", ".h264", ".264", ".hevc", ".265", ".gif",
    };

    /// <summary>The name ends in a video extension (so players, and people, would take the file for a video).</summary>
    public static bool LooksLikeVideo(string path) => Extensions.Contains(Path.GetExtension(path));
}
