using Asmr.Container;

namespace Asmr.Codec.Training;

/// <summary>Frames as planes of samples (plane 0 luma/G, 1–2 chroma/B,R), the engine's view of a source.</summary>
internal sealed class PlanarVideo
{
    public PlanarVideo(int width, int height, ChromaFormat chroma, int bitDepth, IReadOnlyList<ushort[][]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        Chroma = chroma;
        BitDepth = bitDepth;
        Frames = frames;
    }

    public int Width { get; }

    public int Height { get; }

    public ChromaFormat Chroma { get; }

    public int BitDepth { get; }

    /// <summary>Frames[f][plane][row·planeWidth + column].</summary>
    public IReadOnlyList<ushort[][]> Frames { get; }

    public int PlaneCount => Chroma == ChromaFormat.Mono400 ? 1 : 3;

    /// <summary>Horizontal subsampling factor of a plane.</summary>
    public int SubsampleX(int plane) => plane == 0 ? 1 : Chroma is ChromaFormat.Yuv420 or ChromaFormat.Yuv422 ? 2 : 1;

    /// <summary>Vertical subsampling factor of a plane.</summary>
    public int SubsampleY(int plane) => plane == 0 ? 1 : Chroma == ChromaFormat.Yuv420 ? 2 : 1;

    public int PlaneWidth(int plane) => (Width + SubsampleX(plane) - 1) / SubsampleX(plane);

    public int PlaneHeight(int plane) => (Height + SubsampleY(plane) - 1) / SubsampleY(plane);

    public PlanarVideo Slice(int first, int count) =>
        new(Width, Height, Chroma, BitDepth, [.. Frames.Skip(first).Take(count)]);
}
