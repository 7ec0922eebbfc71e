using Asmr.Cli.Errors;

namespace Asmr.Cli.IO;

/// <summary>
/// The checks a command makes before any work starts, so the common mistakes end at once with a clear message
/// and the right exit code (2 for inputs, 4 for outputs). The libraries still write outputs atomically.
/// </summary>
internal static class FileChecks
{
    /// <summary>The name that means stdin or stdout.</summary>
    public const string StandardStream = "-";

    /// <summary>Checks that <paramref name="path"/> is a readable file (or <c>-</c> when <paramref name="allowStdin"/>).</summary>
    /// <exception cref="InputException">It is missing, a folder, or unreadable.</exception>
    public static void RequireInputFile(string path, bool allowStdin = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == StandardStream)
        {
            if (!allowStdin)
            {
                throw new InputException("This command cannot read from stdin ('-'); give a file name.");
            }

            return;
        }

        if (Directory.Exists(path))
        {
            throw new InputException($"'{path}' is a folder, not a file.");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"'{path}': no such file.");
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException($"'{path}' cannot be read: {e.Message}", innerException: e);
        }
    }

    /// <summary>Checks that <paramref name="path"/> is an existing folder.</summary>
    /// <exception cref="InputException">It is not.</exception>
    public static void RequireInputDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            throw new InputException(File.Exists(path) ? $"'{path}' is a file, not a folder." : $"'{path}': no such folder.");
        }
    }

    /// <summary>
    /// Checks that <paramref name="path"/> can be written: its folder exists and accepts new files, and it does
    /// not exist yet unless <paramref name="overwrite"/>. <c>-</c> (stdout) always passes.
    /// </summary>
    /// <exception cref="OutputException">It cannot be written.</exception>
    public static void RequireWritableOutput(string path, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == StandardStream)
        {
            return;
        }

        if (Directory.Exists(path))
        {
            throw new OutputException($"Output '{path}' is a folder.");
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new OutputException($"Cannot write '{path}': folder '{folder}' does not exist.");
        }

        if (File.Exists(path) && !overwrite)
        {
            throw new OutputException($"Output '{path}' already exists.", hint: "use -y (--overwrite) to replace it");
        }

        string probe = Path.Combine(folder, $".asmrc-write-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // The system's message names the probe, a file the user never asked for: name their output instead.
            throw new OutputException($"Cannot write '{path}' in folder '{folder}': {e.Message.Replace(probe, path, StringComparison.Ordinal)}", innerException: e);
        }
    }

    /// <summary>True when the two names are the same file (so encoding/decoding would destroy its own input).</summary>
    public static bool SameFile(string first, string second) =>
        first != StandardStream && second != StandardStream
        && string.Equals(Path.GetFullPath(first), Path.GetFullPath(second), StringComparison.Ordinal);
}
