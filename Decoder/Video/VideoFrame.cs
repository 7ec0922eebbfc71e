using Asmr.Container;

namespace Asmr.Decoder.Video;

/// <summary>
/// One decoded or source picture as planes of samples (Y, Cb, Cr; or G, B, R; or Y alone for 4:0:0).
/// Every bit depth from 8 to 16 is held in <see cref="ushort"/> samples, rows top to bottom with no padding.
/// </summary>
public sealed class VideoFrame
{
    public VideoFrame(int width, int height, ChromaFormat chroma, int bitDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (bitDepth is < 8 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(bitDepth), bitDepth, "Bit depth must be 8..16.");
        }

        Width = width;
        Height = height;
        Chroma = chroma;
        BitDepth = bitDepth;
        int planes = chroma.PlaneCount();
        Planes = new ushort[planes][];
        for (int p = 0; p < planes; p++)
        {
            Planes[p] = new ushort[(long)PlaneWidth(p) * PlaneHeight(p)];
        }
    }

    public int Width { get; }

    public int Height { get; }

    public ChromaFormat Chroma { get; }

    public int BitDepth { get; }

    /// <summary>The largest sample value, 2^BitDepth − 1.</summary>
    public int MaxValue => (1 << BitDepth) - 1;

    /// <summary>Plane 0 is luma (or G); planes 1 and 2 are chroma (or B, R).</summary>
#pragma warning disable CA1819 // Planes are the frame's storage; copying them on access would defeat the purpose.
    public ushort[][] Planes { get; }
#pragma warning restore CA1819

    public int PlaneCount => Planes.Length;

    public int PlaneWidth(int plane) => Chroma.PlaneWidth(plane, Width);

    public int PlaneHeight(int plane) => Chroma.PlaneHeight(plane, Height);

    public Span<ushort> Row(int plane, int y) => Planes[plane].AsSpan(y * PlaneWidth(plane), PlaneWidth(plane));
}
