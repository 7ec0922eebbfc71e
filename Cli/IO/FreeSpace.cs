using Asmr.Cli.Errors;

namespace Asmr.Cli.IO;

/// <summary>
/// Checks, before a long job, that the file system an output goes to has room for it, so a full disk is reported
/// at once instead of after all the work. Where the file system does not say (or the output is stdout), nothing is
/// checked; the atomic write still fails cleanly later.
/// </summary>
internal static class FreeSpace
{
    /// <summary>Bytes always asked for on top of the estimate: the file system's blocks and what else is written meanwhile.</summary>
    public const long FixedMarginBytes = 16 * 1024;

    /// <summary>How much larger than its estimate an output may turn out (a missed size target, the metadata).</summary>
    public const double Margin = 1.25;

    /// <summary>The bytes free for this user on the file system that holds <paramref name="path"/>'s folder, or null when unknown.</summary>
    public static long? Available(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == FileChecks.StandardStream)
        {
            return null;
        }

        try
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Refuses (exit 4) when the file system of <paramref name="path"/> has less room than <paramref name="estimatedBytes"/> with the margins.</summary>
    /// <exception cref="OutputException">Not enough room.</exception>
    public static void Require(string path, long estimatedBytes)
    {
        long needed = (long)Math.Ceiling(estimatedBytes * Margin) + FixedMarginBytes;
        if (Available(path) is { } free && free < needed)
        {
            throw new OutputException(
                $"Not enough space for '{path}': its file system has {free:N0} bytes free, and the file is expected to take about {estimatedBytes:N0} bytes ({needed:N0} with a margin).",
                hint: "free some space or write the output elsewhere");
        }
    }
}
