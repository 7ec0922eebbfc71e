namespace Asmr.Container;

/// <summary>Writes .asmr files (FORMAT.md). The whole file is checked and laid out before the first byte is written.</summary>
public static class AsmrWriter
{
    /// <summary>
    /// Writes <paramref name="file"/> to <paramref name="path"/> atomically: into a temporary file in the same
    /// directory, flushed to disk, then renamed over the destination. On any failure, including cancellation, the
    /// temporary file is deleted and an existing destination is left untouched. Invalid input raises
    /// <see cref="ArgumentException"/> before anything is created; with <see cref="AsmrWriterOptions.Overwrite"/>
    /// false an existing destination raises <see cref="IOException"/>.
    /// </summary>
    public static void Write(string path, AsmrFile file, AsmrWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= AsmrWriterOptions.Default;
        FileLayout layout = FileLayout.Build(file, options);
        cancellationToken.ThrowIfCancellationRequested();
        using AtomicFileWriter output = AtomicFileWriter.Create(path, options.Overwrite);
        layout.WriteTo(new OutputSink(output.Stream, options.Progress, cancellationToken));
        output.Commit();
    }

    /// <summary>
    /// Writes <paramref name="file"/> to <paramref name="stream"/> from its current position (the stream need not
    /// be seekable) and flushes it; the stream is left open. Offsets inside the file are relative to that position.
    /// </summary>
    public static void Write(Stream stream, AsmrFile file, AsmrWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= AsmrWriterOptions.Default;
        FileLayout layout = FileLayout.Build(file, options);
        layout.WriteTo(new OutputSink(stream, options.Progress, cancellationToken));
        stream.Flush();
    }
}
