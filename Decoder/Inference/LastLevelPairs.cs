namespace Asmr.Decoder.Inference;

/// <summary>
/// The last level's pattern values as (C(m), S(m)) int16 pairs, m = P_{L−1}[δ][j], laid out row j, column δ so the
/// kernel runs over pixels: <c>Table[j·Stride + δ]</c>. They are constant for the whole segment and computed once,
/// unless β_{L−1}·H exceeds the precompute limit; then <see cref="Fill"/> computes a block of columns on demand.
/// </summary>
internal sealed class LastLevelPairs
{
    private readonly ModulationPatterns _patterns;
    private readonly int _level;

    public LastLevelPairs(ModulationPatterns patterns, int level, int localCount, long precomputeLimit)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = patterns;
        _level = level;
        Width = patterns.Width;
        LocalCount = localCount;

        // One extra lane group lets a kernel start at any δ and still read whole vectors.
        Stride = PairDot.RoundUp(localCount) + PairDot.LaneGroup;
        if ((long)localCount * Width <= precomputeLimit)
        {
            Table = new int[(long)Stride * Width];
            Fill(0, localCount, Table, Stride);
        }
    }

    public int Width { get; }

    /// <summary>β_{L−1}.</summary>
    public int LocalCount { get; }

    /// <summary>The precomputed table, or null when it is computed per block.</summary>
    public int[]? Table { get; }

    public int Stride { get; }

    /// <summary>dest[j·destStride + (δ − start)] = (C(P[δ][j]), S(P[δ][j])) for δ in [start, start + count).</summary>
    public void Fill(int start, int count, Span<int> dest, int destStride)
    {
        Span<uint> row = Width <= 1024 ? stackalloc uint[Width] : new uint[Width];
        for (int i = 0; i < count; i++)
        {
            _patterns.Row(_level, start + i, row);
            for (int j = 0; j < Width; j++)
            {
                dest[(j * destStride) + i] = PairDot.Pack(SineTable.Cos(row[j]), SineTable.Sin(row[j]));
            }
        }
    }
}
