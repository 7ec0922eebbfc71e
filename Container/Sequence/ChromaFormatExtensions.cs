namespace Asmr.Container;

/// <summary>Plane geometry of each <see cref="ChromaFormat"/>.</summary>
public static class ChromaFormatExtensions
{
    /// <summary>Number of planes: 1 for 4:0:0, otherwise 3.</summary>
    public static int PlaneCount(this ChromaFormat format) => format == ChromaFormat.Mono400 ? 1 : 3;

    /// <summary>log2 of the horizontal chroma subsampling factor: 1 for 4:2:0 and 4:2:2, else 0.</summary>
    public static int ChromaShiftX(this ChromaFormat format) => format is ChromaFormat.Yuv420 or ChromaFormat.Yuv422 ? 1 : 0;

    /// <summary>log2 of the vertical chroma subsampling factor: 1 for 4:2:0, else 0.</summary>
    public static int ChromaShiftY(this ChromaFormat format) => format == ChromaFormat.Yuv420 ? 1 : 0;

    /// <summary>
    /// Width of a chroma plane for a luma width: ceil(width / 2) for 4:2:0 and 4:2:2, width for 4:4:4, 0 for 4:0:0.
    /// </summary>
    public static int ChromaWidth(this ChromaFormat format, int lumaWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lumaWidth);
        return format == ChromaFormat.Mono400 ? 0 : CeilShift(lumaWidth, format.ChromaShiftX());
    }

    /// <summary>Height of a chroma plane for a luma height: ceil(height / 2) for 4:2:0, height for 4:2:2 and 4:4:4, 0 for 4:0:0.</summary>
    public static int ChromaHeight(this ChromaFormat format, int lumaHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lumaHeight);
        return format == ChromaFormat.Mono400 ? 0 : CeilShift(lumaHeight, format.ChromaShiftY());
    }

    /// <summary>The luma width rounded up to a multiple of the horizontal chroma subsampling (spec §10.1's width_c).</summary>
    public static int CodedWidth(this ChromaFormat format, int lumaWidth) => format.ChromaShiftX() == 0 ? lumaWidth : RoundUpToEven(lumaWidth);

    /// <summary>The luma height rounded up to a multiple of the vertical chroma subsampling (spec §10.1's height_c).</summary>
    public static int CodedHeight(this ChromaFormat format, int lumaHeight) => format.ChromaShiftY() == 0 ? lumaHeight : RoundUpToEven(lumaHeight);

    /// <summary>Width of plane <paramref name="plane"/> (0 = luma) for a luma width.</summary>
    public static int PlaneWidth(this ChromaFormat format, int plane, int lumaWidth)
    {
        CheckPlane(format, plane);
        return plane == 0 ? lumaWidth : format.ChromaWidth(lumaWidth);
    }

    /// <summary>Height of plane <paramref name="plane"/> (0 = luma) for a luma height.</summary>
    public static int PlaneHeight(this ChromaFormat format, int plane, int lumaHeight)
    {
        CheckPlane(format, plane);
        return plane == 0 ? lumaHeight : format.ChromaHeight(lumaHeight);
    }

    /// <summary>Samples in one frame, all planes together.</summary>
    public static long SamplesPerFrame(this ChromaFormat format, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        long luma = (long)width * height;
        long chroma = (long)format.ChromaWidth(width) * format.ChromaHeight(height);
        return luma + (format == ChromaFormat.Mono400 ? 0 : 2 * chroma);
    }

    private static int CeilShift(int value, int shift) => (int)(((long)value + (1L << shift) - 1) >> shift);

    private static void CheckPlane(ChromaFormat format, int plane)
    {
        if (plane < 0 || plane >= format.PlaneCount())
        {
            throw new ArgumentOutOfRangeException(nameof(plane), plane, $"{format} has planes 0..{format.PlaneCount() - 1}.");
        }
    }

    private static int RoundUpToEven(int value) => (int)(((long)value + 1) & ~1L);
}
