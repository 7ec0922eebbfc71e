namespace Asmr.Container.Model;

/// <summary>
/// Block motion of one segment: per frame and block, the displacement (quarter luma samples, y then x) at which the
/// decoder reads its decoded frame to produce the picture shown. Blocks are 2^<see cref="BlockLog2"/> luma samples
/// square, in raster order, covering the picture (the last row and column may stick out).
/// </summary>
internal sealed class MotionField
{
    /// <summary>Smallest and largest block size exponent (8 to 64 luma samples).</summary>
    public const int MinBlockLog2 = 3, MaxBlockLog2 = 6;

    /// <summary>The largest displacement a vector component may hold, in quarter samples (256 luma samples, §10.8).</summary>
    public const int MaxVector = 1024;

    private readonly int[][] _vectors;

    /// <param name="blockLog2">Block size exponent, <see cref="MinBlockLog2"/>..<see cref="MaxBlockLog2"/>.</param>
    /// <param name="width">Picture width in luma samples.</param>
    /// <param name="height">Picture height in luma samples.</param>
    /// <param name="vectors">Per frame, 2 × blocks values: (y, x) of each block in raster order, quarter samples.</param>
    public MotionField(int blockLog2, int width, int height, int[][] vectors)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockLog2, MinBlockLog2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockLog2, MaxBlockLog2);
        BlockLog2 = blockLog2;
        BlocksY = Blocks(height, blockLog2);
        BlocksX = Blocks(width, blockLog2);
        _vectors = Checked(vectors);
    }

    /// <summary>A field of the same blocks as <paramref name="shape"/> with other vectors.</summary>
    private MotionField(MotionField shape, int[][] vectors)
    {
        BlockLog2 = shape.BlockLog2;
        BlocksY = shape.BlocksY;
        BlocksX = shape.BlocksX;
        _vectors = Checked(vectors);
    }

    public int BlockLog2 { get; }

    public int BlocksY { get; }

    public int BlocksX { get; }

    public int FrameCount => _vectors.Length;

    /// <summary>Frame <paramref name="frame"/>'s vectors: (y, x) per block in raster order, quarter samples.</summary>
    public ReadOnlySpan<int> Frame(int frame) => _vectors[frame];

    /// <summary>
    /// The values of the field's record (§10.8): frame by frame, each block's (y, x) as its difference to the same
    /// block's in the frame before (frame 0: to zero).
    /// </summary>
    public int[] Differences()
    {
        int perFrame = 2 * BlocksY * BlocksX;
        int[] values = new int[FrameCount * perFrame];
        for (int f = 0; f < FrameCount; f++)
        {
            for (int i = 0; i < perFrame; i++)
            {
                values[(f * perFrame) + i] = _vectors[f][i] - (f == 0 ? 0 : _vectors[f - 1][i]);
            }
        }

        return values;
    }

    /// <summary>A field of the same blocks with other vectors (per frame, 2 × blocks values).</summary>
    public MotionField WithVectors(int[][] vectors) => new(this, vectors);

    /// <summary>The field with every vector reversed (what moves a picture back where this one moves it).</summary>
    public MotionField Negated() => new(this, [.. _vectors.Select(f => f.Select(v => -v).ToArray())]);

    /// <summary>Blocks of 2^<paramref name="blockLog2"/> samples that cover <paramref name="size"/> samples.</summary>
    public static int Blocks(int size, int blockLog2) => (int)(((long)size + (1 << blockLog2) - 1) >> blockLog2);

    private int[][] Checked(int[][] vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        foreach (var frame in vectors)
        {
            if (frame is null || frame.Length != 2 * BlocksY * BlocksX)
            {
                throw new ArgumentException($"Each frame needs {2 * BlocksY * BlocksX} vector components.", nameof(vectors));
            }

            if (frame.Any(v => Math.Abs(v) > MaxVector))
            {
                throw new ArgumentException($"A vector component exceeds ±{MaxVector} quarter samples.", nameof(vectors));
            }
        }

        return vectors;
    }
}
