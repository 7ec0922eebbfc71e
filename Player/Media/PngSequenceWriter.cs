using Asmr.Container;
using Asmr.Player.Color;
using Asmr.Player.Video;

namespace Asmr.Player.Media;

/// <summary>
/// Writes each frame to its own PNG file named by a printf-style pattern such as <c>frame_%04d.png</c> (see
/// <see cref="PngWriter"/> for the encoding). Each file is written atomically; files of frames already written stay
/// when a later frame fails.
/// </summary>
public sealed class PngSequenceWriter : IVideoSink
{
    private readonly FramePathPattern _pattern;
    private readonly SequenceHeader _header;
    private readonly YuvToRgb _converter;
    private readonly int _startNumber;
    private bool _disposed;

    /// <summary>Prepares the sink; nothing is written until the first frame.</summary>
    /// <param name="pattern">File path pattern with exactly one %d or %0Nd (N = 1..9); %% is a literal percent sign.</param>
    /// <param name="header">Size, format and colour of the frames.</param>
    /// <param name="startNumber">The number of the first frame's file (1 by default, as ffmpeg's image2 muxer).</param>
    /// <exception cref="ArgumentException">The pattern is invalid.</exception>
    public PngSequenceWriter(string pattern, SequenceHeader header, int startNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentOutOfRangeException.ThrowIfNegative(startNumber);
        _pattern = FramePathPattern.Parse(pattern);
        _header = header;
        _startNumber = startNumber;
        _converter = new YuvToRgb(header.Color, header.BitDepth, header.Height, PngWriter.PngBitDepth(header.BitDepth));
    }

    /// <inheritdoc />
    public int FramesWritten { get; private set; }

    /// <summary>The file path of the frame with 0-based index <paramref name="index"/>.</summary>
    /// <param name="index">Frame index.</param>
    public string PathOf(int index) => _pattern.Format(_startNumber + index);

    /// <inheritdoc />
    public void WriteFrame(VideoFrame frame, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        RawFrameCodec.CheckMatches(frame, _header, nameof(frame));
        cancellationToken.ThrowIfCancellationRequested();
        using (AtomicFileWriter file = AtomicFileWriter.Create(PathOf(FramesWritten), overwrite: true))
        {
            PngWriter.Write(file.Stream, frame, _converter);
            file.Commit();
        }

        FramesWritten++;
    }

    /// <inheritdoc />
    public void Complete(CancellationToken cancellationToken = default) => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
