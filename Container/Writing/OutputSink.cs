namespace Asmr.Container;

/// <summary>
/// Where the writer puts bytes: writes in chunks of at most 1 MiB, checks for cancellation before each chunk and
/// reports progress after it (the progress hook also lets tests inject failures part way).
/// </summary>
internal sealed class OutputSink(Stream stream, Action<long>? progress, CancellationToken cancellationToken)
{
    private const int ChunkLength = 1 << 20;

    /// <summary>Bytes written so far.</summary>
    public long Written { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = Math.Min(bytes.Length, ChunkLength);
            stream.Write(bytes[..n]);
            Written += n;
            bytes = bytes[n..];
            progress?.Invoke(Written);
        }
    }
}
