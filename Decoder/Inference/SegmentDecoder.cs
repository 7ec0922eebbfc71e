using System.IO;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Filtering;
using Asmr.Decoder.Motion;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Inference;

/// <summary>
/// Decodes the frames of one segment from its model with the normative fixed-point process of spec §11: every
/// sample is a pure integer function of the model and its position, so the output is bit-exact on every machine,
/// SIMD width and thread count. A frame range and a crop rectangle cost work in proportion to their size.
/// An instance is immutable after construction; any number of decodes may run on it at once.
/// </summary>
public sealed class SegmentDecoder
{
    private readonly FixedPointNetwork _network;
    private readonly DecoderOptions _options;
    private readonly SimdPath _path;

    /// <param name="model">The segment's network.</param>
    /// <param name="width">The sequence's picture width in luma samples.</param>
    /// <param name="height">The sequence's picture height in luma samples.</param>
    /// <param name="chroma">The sequence's chroma format (4:0:0 needs a 1-channel model, the others 3).</param>
    /// <param name="bitDepth">D, 8..16.</param>
    /// <param name="options">Threads and instruction-set choices; they never change the output.</param>
    /// <exception cref="InvalidDataException">The model does not fit the sequence or breaks a §10 bound.</exception>
    public SegmentDecoder(SegmentModel model, int width, int height, ChromaFormat chroma, int bitDepth, DecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (bitDepth is < 8 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(bitDepth), bitDepth, "Bit depth must be 8..16.");
        }

        if (!Enum.IsDefined(chroma))
        {
            throw new ArgumentOutOfRangeException(nameof(chroma), chroma, "Unknown chroma format.");
        }

        var arch = model.Architecture;
        int channels = chroma == ChromaFormat.Mono400 ? 1 : 3;
        if (arch.OutputChannels != channels)
        {
            throw new InvalidDataException($"A {chroma} sequence needs {channels} output channels; the model has {arch.OutputChannels}.");
        }

        int roundedWidth = chroma.CodedWidth(width);
        int roundedHeight = chroma.CodedHeight(height);
        if (arch.GridSize(Axis.X) < roundedWidth || arch.GridSize(Axis.Y) < roundedHeight)
        {
            throw new InvalidDataException(
                $"The model's grid {arch.GridSize(Axis.X)}×{arch.GridSize(Axis.Y)} does not cover the picture {roundedWidth}×{roundedHeight} (spec §10.1).");
        }

        _options = options ?? DecoderOptions.Default;
        _path = _options.EffectivePath;
        Model = model;
        Width = width;
        Height = height;
        Chroma = chroma;
        BitDepth = bitDepth;
        if (model.Motion is { } field
            && (field.BlocksY != MotionField.Blocks(height, field.BlockLog2) || field.BlocksX != MotionField.Blocks(width, field.BlockLog2)))
        {
            throw new InvalidDataException(
                $"The model's motion field has {field.BlocksX}×{field.BlocksY} blocks; a {width}×{height} picture has {MotionField.Blocks(width, field.BlockLog2)}×{MotionField.Blocks(height, field.BlockLog2)} (spec §10.8).");
        }

        _network = new FixedPointNetwork(model, _options.PrecomputeLimit);
        Statistics = new DecoderStatistics(arch.Levels);
    }

    public SegmentModel Model { get; }

    public int Width { get; }

    public int Height { get; }

    public ChromaFormat Chroma { get; }

    public int BitDepth { get; }

    /// <summary>Frames the segment covers; frame indices below are relative to the segment's first frame.</summary>
    public int FrameCount => Model.FrameCount;

    /// <summary>Cells evaluated per level, cumulative over this decoder's calls.</summary>
    internal DecoderStatistics Statistics { get; }

    /// <summary>The instruction-set path this decoder's kernels use.</summary>
    internal SimdPath Path => _path;

    /// <summary>
    /// Decodes one frame (segment-relative), whole or cropped. For playback enumerate <see cref="DecodeFrames"/>
    /// instead: it shares the coarse levels between frames, which separate calls recompute.
    /// </summary>
    public VideoFrame DecodeFrame(int frame, CropRectangle? crop = null)
    {
        using var frames = DecodeFrames(frame, frame + 1, crop).GetEnumerator();
        frames.MoveNext();
        return frames.Current;
    }

    /// <summary>
    /// Decodes frames [<paramref name="start"/>, <paramref name="end"/>) of the segment, in order, optionally only
    /// <paramref name="crop"/> of each. Frames are produced lazily a few at a time (the frames one coarse time cell
    /// spans), so enumerating a long range holds only a bounded number of frames.
    /// </summary>
    public IEnumerable<VideoFrame> DecodeFrames(int start, int end, CropRectangle? crop = null)
    {
        if (start < 0 || end > FrameCount || start >= end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Frame range [{start}, {end}) is not a non-empty part of [0, {FrameCount}).");
        }

        var rect = crop ?? new CropRectangle(0, 0, Width, Height);
        ValidateCrop(rect);
        return Enumerate(start, end, rect);
    }

    /// <summary>Decodes all frames of the segment.</summary>
    public IEnumerable<VideoFrame> DecodeAll() => DecodeFrames(0, FrameCount);

    /// <summary>
    /// Each enumeration gets its own region state, so an enumerable may be enumerated again or concurrently. A frame is
    /// decoded by the network (§11.5), read along the motion field (§11.8) and filtered (§11.9), each stage on its crop
    /// grown by what the stages after it read around it.
    /// </summary>
    private IEnumerable<VideoFrame> Enumerate(int start, int end, CropRectangle rect)
    {
        var filtered = rect;
        if (Model.Filter is { } filter)
        {
            rect = Grown(rect, OutputFiltering.Margin(filter, Chroma));
        }

        IEnumerable<VideoFrame> frames;
        if (Model.Motion is { } motion)
        {
            var source = Grown(rect, MotionCompensation.Margin(motion, start, end));
            var shownRect = rect;
            frames = Decode(start, end, source).Select((decoded, i) =>
                MotionCompensation.Apply(decoded, source, shownRect, Width, Height, motion, start + i, _options.EffectiveThreads));
        }
        else
        {
            frames = Decode(start, end, rect);
        }

        if (Model.Filter is { } outputFilter)
        {
            var shown = rect;
            frames = frames.Select(frame => OutputFiltering.Apply(frame, shown, filtered, Width, Height, outputFilter, _options.EffectiveThreads));
        }

        return frames;
    }

    /// <summary>The crop grown by <paramref name="margin"/> luma samples each way, clamped to the picture, starting where a crop may start.</summary>
    private CropRectangle Grown(CropRectangle rect, int margin)
    {
        int alignX = (1 << Chroma.ChromaShiftX()) - 1, alignY = (1 << Chroma.ChromaShiftY()) - 1;
        int x0 = Math.Max(0, rect.X - margin) & ~alignX, y0 = Math.Max(0, rect.Y - margin) & ~alignY;
        int x1 = (int)Math.Min(Width, (long)rect.X + rect.Width + margin), y1 = (int)Math.Min(Height, (long)rect.Y + rect.Height + margin);
        return new CropRectangle(x0, y0, x1 - x0, y1 - y0);
    }

    private IEnumerable<VideoFrame> Decode(int start, int end, CropRectangle rect)
    {
        var region = new RegionDecoder(
            _network,
            _path,
            _options.EffectiveThreads,
            _options.ParallelThreshold,
            _options.MaxBlockCells,
            Statistics,
            Chroma,
            BitDepth,
            start,
            end,
            rect);
        foreach (var frame in region.Run())
        {
            yield return frame;
        }
    }

    private void ValidateCrop(CropRectangle rect)
    {
        if (rect.X < 0 || rect.Y < 0 || rect.Width <= 0 || rect.Height <= 0 ||
            (long)rect.X + rect.Width > Width || (long)rect.Y + rect.Height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(rect), rect, $"The crop is not a non-empty part of the {Width}×{Height} picture.");
        }

        if (rect.MisalignedAxis(Chroma) is { } axis)
        {
            throw new ArgumentException($"With {Chroma} chroma a crop must start on an even luma {axis}.", nameof(rect));
        }
    }
}
