using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Training;

/// <summary>A run of source frames of one size and format: what the encoder fits one segment to.</summary>
internal sealed class VideoClip
{
    public VideoClip(IReadOnlyList<VideoFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentOutOfRangeException.ThrowIfZero(frames.Count);
        var first = frames[0];
        if (frames.Any(f => f.Width != first.Width || f.Height != first.Height || f.Chroma != first.Chroma || f.BitDepth != first.BitDepth))
        {
            throw new ArgumentException("The frames of a clip must share their size, chroma format and bit depth.", nameof(frames));
        }

        Frames = frames;
    }

    public IReadOnlyList<VideoFrame> Frames { get; }

    public int Width => Frames[0].Width;

    public int Height => Frames[0].Height;

    public ChromaFormat Chroma => Frames[0].Chroma;

    public int BitDepth => Frames[0].BitDepth;

    public int PlaneCount => Chroma.PlaneCount();

    /// <summary>Horizontal subsampling factor of a plane.</summary>
    public int SubsampleX(int plane) => plane == 0 ? 1 : 1 << Chroma.ChromaShiftX();

    /// <summary>Vertical subsampling factor of a plane.</summary>
    public int SubsampleY(int plane) => plane == 0 ? 1 : 1 << Chroma.ChromaShiftY();

    public int PlaneWidth(int plane) => Chroma.PlaneWidth(plane, Width);

    public int PlaneHeight(int plane) => Chroma.PlaneHeight(plane, Height);

    public VideoClip Slice(int first, int count) => new([.. Frames.Skip(first).Take(count)]);
}
