using FFMpegCore;

namespace Asmr.Media.IO;

/// <summary>Finds ffmpeg and ffprobe before they are run, so a missing tool is reported as <see cref="MediaToolMissingException"/>.</summary>
internal static class MediaTools
{
    /// <summary>The full path of a tool.</summary>
    /// <param name="tool">"ffmpeg" or "ffprobe".</param>
    /// <param name="folder">A folder to look in (also its x64 subfolder, as FFMpegCore does); <see langword="null"/> searches PATH.</param>
    /// <param name="pathVariable">The PATH value to search; <see langword="null"/> for the process's own.</param>
    /// <exception cref="MediaToolMissingException">Not found.</exception>
    public static string Locate(string tool, string? folder, string? pathVariable = null)
    {
        string file = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        if (folder is not null)
        {
            foreach (string candidate in new[] { Path.Combine(folder, "x64", file), Path.Combine(folder, file) })
            {
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }

            throw new MediaToolMissingException(tool, $"in {folder}");
        }

        string path = pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new MediaToolMissingException(tool, "on PATH");
    }

    /// <summary>FFMpegCore options pointing at the folder that holds both tools.</summary>
    /// <exception cref="MediaToolMissingException">Either tool is missing.</exception>
    public static FFOptions Options(string? folder, bool needProbe = true)
    {
        string ffmpeg = Locate("ffmpeg", folder);
        if (needProbe)
        {
            Locate("ffprobe", folder);
        }

        return new FFOptions { BinaryFolder = Path.GetDirectoryName(ffmpeg) ?? string.Empty };
    }
}
