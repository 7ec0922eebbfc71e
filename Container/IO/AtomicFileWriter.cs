using System.Security.Cryptography;

namespace Asmr.Container;

/// <summary>
/// Writes a file so that readers of the destination see either the old file or the complete new one, never a
/// part: bytes go to a uniquely named temporary file in the destination's directory, which <see cref="Commit"/>
/// flushes to disk and renames over the destination. Disposing without committing deletes the temporary file.
/// <code>
/// using var w = AtomicFileWriter.Create(path, overwrite: true);
/// w.Stream.Write(bytes);
/// w.Commit();
/// </code>
/// </summary>
internal sealed class AtomicFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly bool _overwrite;
    private bool _committed;
    private bool _disposed;

    private AtomicFileWriter(string destinationPath, string temporaryPath, FileStream stream, bool overwrite)
    {
        DestinationPath = destinationPath;
        TemporaryPath = temporaryPath;
        _stream = stream;
        _overwrite = overwrite;
    }

    /// <summary>The full path the file will have after <see cref="Commit"/>.</summary>
    public string DestinationPath { get; }

    /// <summary>The full path of the temporary file ("name.tmp" + 16 random hex digits, in the same directory).</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream to write the new contents to.</summary>
    public Stream Stream => _stream;

    /// <summary>
    /// Starts writing <paramref name="path"/>. Without <paramref name="overwrite"/>, an existing destination raises
    /// <see cref="IOException"/> here (and again at <see cref="Commit"/> if one appeared meanwhile).
    /// </summary>
    public static AtomicFileWriter Create(string path, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string destination = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(destination)
            ?? throw new ArgumentException($"'{path}' names a root directory, not a file.", nameof(path));
        if (System.IO.Directory.Exists(destination))
        {
            throw new IOException($"Cannot write '{destination}': it is a directory.");
        }

        if (!overwrite && File.Exists(destination))
        {
            throw AlreadyExists(destination);
        }

        string temporary = Path.Combine(
            directory,
            Path.GetFileName(destination) + ".tmp" + RandomNumberGenerator.GetHexString(16, lowercase: true));
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        return new AtomicFileWriter(destination, temporary, stream, overwrite);
    }

    /// <summary>
    /// Flushes the temporary file to disk, closes it and renames it to the destination. If anything fails the
    /// temporary file is deleted and the destination is left as it was.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("The file was already committed.");
        }

        try
        {
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            if (!_overwrite && File.Exists(DestinationPath))
            {
                throw AlreadyExists(DestinationPath);
            }

            File.Move(TemporaryPath, DestinationPath, _overwrite);
            _committed = true;
        }
        finally
        {
            if (!_committed)
            {
                DeleteTemporary();
            }
        }
    }

    /// <summary>Closes the temporary file and, unless committed, deletes it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_committed)
        {
            _stream.Dispose();
        }
        else
        {
            DeleteTemporary();
        }
    }

    private static IOException AlreadyExists(string destination) =>
        new($"Cannot write '{destination}': the file already exists and overwriting was not requested.");

    private void DeleteTemporary()
    {
        try
        {
            // Closing flushes what is still buffered; when that fails (disk full) the handle is closed all the same,
            // and the bytes are being thrown away, so the failure must not keep the temporary file on disk.
            _stream.Dispose();
        }
        catch (IOException)
        {
        }

        try
        {
            File.Delete(TemporaryPath);
        }
        catch (IOException)
        {
            // Best effort: the destination is intact either way, and the name marks the file as temporary.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
