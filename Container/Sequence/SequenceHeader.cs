namespace Asmr.Container;

/// <summary>
/// What the whole sequence is: picture size, length, frame rate, sampling and colour (the SEQH section,
/// FORMAT.md §7.1).
/// </summary>
public sealed record SequenceHeader
{
    /// <summary>Luma width in samples, 1..65535.</summary>
    public required int Width { get; init; }

    /// <summary>Luma height in samples, 1..65535.</summary>
    public required int Height { get; init; }

    /// <summary>Number of frames, 1..2^24.</summary>
    public required int FrameCount { get; init; }

    /// <summary>Frames per second as a fraction; both parts 1..2^31−1.</summary>
    public required Rational FrameRate { get; init; }

    /// <summary>Chroma subsampling.</summary>
    public ChromaFormat ChromaFormat { get; init; } = ChromaFormat.Yuv420;

    /// <summary>Bits per sample, 8..16, the same for every plane.</summary>
    public int BitDepth { get; init; } = 8;

    /// <summary>Colour description.</summary>
    public ColorDescription Color { get; init; } = ColorDescription.Unspecified;

    /// <summary>Number of planes: 1 for 4:0:0, otherwise 3.</summary>
    public int PlaneCount => ChromaFormat.PlaneCount();

    /// <summary>Width of plane 0 (luma) or of planes 1 and 2 (chroma).</summary>
    public int PlaneWidth(int plane) => ChromaFormat.PlaneWidth(plane, Width);

    /// <summary>Height of plane 0 (luma) or of planes 1 and 2 (chroma).</summary>
    public int PlaneHeight(int plane) => ChromaFormat.PlaneHeight(plane, Height);
}
