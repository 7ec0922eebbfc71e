using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Files;

/// <summary>
/// Decodes frames of an .asmr file: finds the segments a frame range touches through the segment index, reads and
/// checks only those segments' models, and decodes with the fixed-point <see cref="SegmentDecoder"/>. Only one
/// segment's model is held at a time, so a long video never needs more memory than one segment's working set.
/// </summary>
public sealed class AsmrFileDecoder : IDisposable
{
    private readonly AsmrReader _reader;
    private readonly DecoderOptions _options;
    private readonly Lock _cacheLock = new();
    private (int Segment, SegmentDecoder Decoder)? _cached;

    private AsmrFileDecoder(AsmrReader reader, DecoderOptions options)
    {
        _reader = reader;
        _options = options;
    }

    /// <summary>The sequence header: size, frame count and rate, colour description.</summary>
    public SequenceHeader Header => _reader.SequenceHeader;

    /// <summary>The container reader (segment index, metadata, sections).</summary>
    public AsmrReader Reader => _reader;

    /// <summary>Opens a file; the header, sequence header and segment index are read and checked.</summary>
    /// <exception cref="InvalidDataException">The file is corrupt.</exception>
    /// <exception cref="NotSupportedException">The file needs a newer reader.</exception>
    public static AsmrFileDecoder Open(string path, DecoderOptions? options = null) =>
        new(AsmrReader.Open(path), options ?? DecoderOptions.Default);

    /// <summary>Opens a file held in a seekable stream.</summary>
    public static AsmrFileDecoder Open(Stream stream, DecoderOptions? options = null, bool leaveOpen = false) =>
        new(AsmrReader.Open(stream, leaveOpen), options ?? DecoderOptions.Default);

    /// <summary>Reads and checks segment <paramref name="segment"/>'s model.</summary>
    /// <exception cref="InvalidDataException">The model section is corrupt or does not fit the sequence.</exception>
    public SegmentModel ReadModel(int segment)
    {
        var entry = _reader.Segments[segment];
        ReadOnlyMemory<byte> payload = _reader.ReadSegmentModel(segment);
        var expected = new ModelPayloadExpectations(entry.FirstFrame, entry.FrameCount, Header.Width, Header.Height, Header.ChromaFormat)
        {
            FileMinReaderVersion = _reader.Header.MinReaderVersion,
        };
        try
        {
            return ModelPayloadReader.Read(payload.Span, expected);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException(
                $"MODL of segment {segment} (section at 0x{entry.ModelSectionOffset:X}): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Decodes frames [<paramref name="start"/>, <paramref name="end"/>) of the sequence in order, whole or cropped
    /// (luma coordinates), segment by segment.
    /// </summary>
    public IEnumerable<VideoFrame> DecodeFrames(int start, int end, CropRectangle? crop = null, CancellationToken cancellationToken = default)
    {
        if (start < 0 || end > Header.FrameCount || start >= end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Frame range [{start}, {end}) is not a non-empty part of [0, {Header.FrameCount}).");
        }

        return Iterate(start, end, crop, cancellationToken);
    }

    /// <summary>Decodes one frame of the sequence; decoding frames of the same segment in a row reuses its model.</summary>
    public VideoFrame DecodeFrame(int frame, CropRectangle? crop = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, Header.FrameCount);
        int segment = _reader.FindSegment(frame);
        return DecoderFor(segment).DecodeFrame(frame - _reader.Segments[segment].FirstFrame, crop);
    }

    public void Dispose() => _reader.Dispose();

    private IEnumerable<VideoFrame> Iterate(int start, int end, CropRectangle? crop, CancellationToken cancellationToken)
    {
        for (int segment = _reader.FindSegment(start); segment < _reader.Segments.Count; segment++)
        {
            var entry = _reader.Segments[segment];
            if (entry.FirstFrame >= end)
            {
                yield break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var decoder = DecoderFor(segment);
            int from = Math.Max(start, entry.FirstFrame) - entry.FirstFrame;
            int to = Math.Min(end, entry.FirstFrame + entry.FrameCount) - entry.FirstFrame;
            foreach (var frame in decoder.DecodeFrames(from, to, crop))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return frame;
            }
        }
    }

    private SegmentDecoder DecoderFor(int segment)
    {
        lock (_cacheLock)
        {
            if (_cached is { } cached && cached.Segment == segment)
            {
                return cached.Decoder;
            }
        }

        var decoder = new SegmentDecoder(ReadModel(segment), Header.Width, Header.Height, Header.ChromaFormat, Header.BitDepth, _options);
        lock (_cacheLock)
        {
            _cached = (segment, decoder);
        }

        return decoder;
    }
}
