namespace Asmr.Container;

/// <summary>
/// Random access to the bytes of one file held in a seekable stream. Offsets are relative to the stream position
/// at construction (the start of the file). Reads are serialized by a lock, so one source may serve several threads.
/// </summary>
internal sealed class ContainerSource : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _origin;
    private readonly Lock _lock = new();
    private bool _disposed;

    public ContainerSource(Stream stream, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("An .asmr reader needs a readable, seekable stream.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _origin = stream.Position;
        Length = stream.Length - _origin;
    }

    /// <summary>Length of the file in bytes, fixed when the source was opened.</summary>
    public long Length { get; }

    /// <summary>Fills <paramref name="destination"/> from the file starting at <paramref name="offset"/>.</summary>
    public void ReadExactly(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > Length - destination.Length)
        {
            throw FormatErrors.Corrupt(
                $"unexpected end of file: {destination.Length} bytes at offset {FormatErrors.Hex(offset)} lie past the end of the {Length}-byte file");
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _stream.Position = _origin + offset;
            try
            {
                _stream.ReadExactly(destination);
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException(
                    $"unexpected end of file while reading {destination.Length} bytes at offset {FormatErrors.Hex(offset)} (did the file shrink while open?)",
                    e);
            }
        }
    }

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/> into a new array.</summary>
    public byte[] ReadBytes(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset > Length - count)
        {
            throw FormatErrors.Corrupt(
                $"unexpected end of file: {count} bytes at offset {FormatErrors.Hex(offset)} lie past the end of the {Length}-byte file");
        }

        byte[] bytes = new byte[count];
        ReadExactly(offset, bytes);
        return bytes;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }
}
