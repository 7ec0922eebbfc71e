using System.Security.Cryptography;

namespace Asmr.Media.IO;

/// <summary>
/// An output that another process (ffmpeg) writes by name, made atomic: it writes to a temporary file in the destination's
/// folder, which replaces the destination only on <see cref="Commit"/>; disposing without committing deletes it.
/// </summary>
/// <remarks>
/// Streams we write ourselves use <c>Asmr.Container.AtomicFileWriter</c>. This variant exists because ffmpeg must open the
/// temporary file itself (so no stream is held open here) and picks the container from the file name, so the temporary
/// name <c>.{name}.{random}.tmp{extension}</c> keeps the destination's extension.
/// </remarks>
internal sealed class AtomicFile : IDisposable
{
    private bool _done;

    private AtomicFile(string destination, string tempPath)
    {
        Destination = destination;
        TempPath = tempPath;
    }

    /// <summary>The final path.</summary>
    public string Destination { get; }

    /// <summary>The temporary file for the writer to fill.</summary>
    public string TempPath { get; }

    /// <summary>Reserves (creates empty) the temporary file next to <paramref name="destination"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static AtomicFile Create(string destination)
    {
        ArgumentException.ThrowIfNullOrEmpty(destination);
        string full = Path.GetFullPath(destination);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"Not a file path: {destination}", nameof(destination));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Output folder does not exist: {folder}");
        }

        string temp = Path.Combine(
            folder,
            $".{Path.GetFileName(full)}.{RandomNumberGenerator.GetHexString(12, lowercase: true)}.tmp{Path.GetExtension(full)}");
        new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite).Dispose();
        return new AtomicFile(full, temp);
    }

    /// <summary>Moves the finished temporary file over the destination.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        File.Move(TempPath, Destination, overwrite: true);
        _done = true;
    }

    /// <summary>Deletes the temporary file unless <see cref="Commit"/> succeeded.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // Best effort: the file may be held by a process that is still exiting.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
