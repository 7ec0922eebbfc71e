using System.Globalization;
using System.Text;
using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Media.IO;

/// <summary>
/// Writes YUV4MPEG2: header <c>YUV4MPEG2 W H F Ip A0:0 C</c> (+ <c>XCOLORRANGE=FULL</c> for full range), then
/// <c>FRAME\n</c> and the planar samples per frame (16-bit little-endian above 8 bits). The C tag follows
/// <see cref="Y4mChroma.ToTag"/>: 420jpeg/420mpeg2/420paldv by chroma siting at 8 bits, 422, 444, mono, and 420pN/422pN/444pN/monoN above.
/// </summary>
public sealed class Y4mWriter : IVideoSink
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly AtomicFileWriter? _file;
    private readonly SequenceHeader _header;
    private readonly byte[] _payload;
    private bool _completed;
    private bool _disposed;

    /// <summary>Starts a y4m stream and writes its header.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="header">Size, rate, format and colour; FrameCount is not used.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open on dispose.</param>
    public Y4mWriter(Stream stream, SequenceHeader header, bool leaveOpen = false)
        : this(stream, header, leaveOpen, null)
    {
    }

    private Y4mWriter(Stream stream, SequenceHeader header, bool leaveOpen, AtomicFileWriter? file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(header);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _file = file;
        _header = header;
        _payload = new byte[RawFrameCodec.FrameBytes(header)];
        _stream.Write(Encoding.ASCII.GetBytes(HeaderLine(header)));
    }

    /// <inheritdoc />
    public int FramesWritten { get; private set; }

    /// <summary>Creates a y4m file (atomically) or, for "-", writes to standard output.</summary>
    /// <param name="path">The file path, or "-" for standard output.</param>
    /// <param name="header">Size, rate, format and colour.</param>
    public static Y4mWriter Create(string path, SequenceHeader header)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path == "-")
        {
            return new Y4mWriter(new BufferedStream(Console.OpenStandardOutput(), 1 << 16), header, leaveOpen: false);
        }

        AtomicFileWriter file = AtomicFileWriter.Create(path, overwrite: true);
        try
        {
            return new Y4mWriter(file.Stream, header, leaveOpen: true, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The header line (with its newline) for a sequence.</summary>
    internal static string HeaderLine(SequenceHeader header)
    {
        var chroma = new Y4mChroma(header.ChromaFormat, header.BitDepth, header.Color.ChromaSamplePosition);
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"YUV4MPEG2 W{header.Width} H{header.Height} F{header.FrameRate.Numerator}:{header.FrameRate.Denominator} Ip A0:0 C{chroma.ToTag()}");
        if (header.BitDepth > 8)
        {
            line.Append(CultureInfo.InvariantCulture, $" XYSCSS={chroma.ToTag().ToUpperInvariant()}");
        }

        if (header.Color.FullRange)
        {
            line.Append(" XCOLORRANGE=FULL");
        }

        return line.Append('\n').ToString();
    }

    /// <inheritdoc />
    public void WriteFrame(VideoFrame frame, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The y4m output is already complete.");
        }

        RawFrameCodec.CheckMatches(frame, _header, nameof(frame));
        cancellationToken.ThrowIfCancellationRequested();
        RawFrameCodec.Pack(frame, _payload);
        _stream.Write("FRAME\n"u8);
        _stream.Write(_payload);
        FramesWritten++;
    }

    /// <inheritdoc />
    public void Complete(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        _stream.Flush();
        _file?.Commit();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_file is not null)
        {
            _file.Dispose();
        }
        else if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
