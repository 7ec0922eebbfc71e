using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Codec.Training;

/// <summary>
/// Chooses the level structure of a segment: L and the per-axis bases of every level. Each axis is padded as little
/// as possible to last·(product of middle bases ∈ {1,2,3})·(level-0 base); level 0 (a table over its whole grid)
/// absorbs awkward factors such as the 11 of 352, so CIF needs no padding. Time is split like the spatial axes.
/// </summary>
internal static class LevelPlanner
{
    /// <summary>Splits a sequence into segments of at most <paramref name="segmentLength"/> frames, as even as possible.</summary>
    public static IReadOnlyList<(int First, int Count)> Segments(int totalFrames, int segmentLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalFrames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segmentLength);
        int count = (totalFrames + segmentLength - 1) / segmentLength;
        var result = new List<(int, int)>(count);
        int first = 0;
        for (int s = 0; s < count; s++)
        {
            int n = (totalFrames - first) / (count - s);
            result.Add((first, n));
            first += n;
        }

        return result;
    }

    public static ModelArchitecture Plan(int frames, int height, int width, ChromaFormat chroma, PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        int sy = 1 << chroma.ChromaShiftY();
        int sx = 1 << chroma.ChromaShiftX();
        int levels = options.Levels > 0 ? options.Levels : AutoLevels(Math.Max(height, width), options);
        levels = Math.Clamp(levels, ModelArchitecture.MinLevels, ModelArchitecture.MaxLevels);
        int[][] bases =
        [
            FactorAxis(frames, levels, options.LastTemporalBase, 1, options.MaxLevelZeroTemporalBase),
            FactorAxis(height, levels, options.LastSpatialBase, sy, options.MaxLevelZeroBase),
            FactorAxis(width, levels, options.LastSpatialBase, sx, options.MaxLevelZeroBase),
        ];
        if (options.TimeAtFinestSharedLevel && levels > 2)
        {
            int above = 1;
            for (int l = 0; l < levels - 1; l++)
            {
                above *= bases[0][l];
                bases[0][l] = 1;
            }

            bases[0][levels - 2] = above;
        }

        var kinds = Enumerable.Range(0, levels)
            .Select(l => l == levels - 1 ? options.LastModulation : options.CoarseModulation).ToArray();
        // Grids on the GridLevels levels ending at the finest shared level whose cells still span MinGridCell samples
        // on y and x (L−2 when none does), in increasing level order.
        bool LargeEnough(int level) =>
            CellSpan(bases[1], level) >= options.MinGridCell && CellSpan(bases[2], level) >= options.MinGridCell;
        int finest = levels - 2;
        while (finest > 0 && !LargeEnough(finest))
        {
            finest--;
        }

        if (!LargeEnough(finest))
        {
            finest = levels - 2;
        }

        int gridLevels = Math.Clamp(options.GridLevels, 0, finest + 1);
        var grids = Enumerable.Range(finest + 1 - gridLevels, gridLevels)
            .Select(level => new LatentGrid(level, options.GridRank, LargestDivisorAtMost(CellCount(bases[0], level), options.GridTemporalCells)))
            .ToArray();
        return new ModelArchitecture(bases, options.Width, chroma == ChromaFormat.Mono400 ? 1 : 3, kinds, grids);
    }

    /// <summary>
    /// Bases (level 0 first) of one axis of length n: the last base is a multiple of <paramref name="multiple"/>, at
    /// most <paramref name="preferredLast"/> (smaller for short axes); middle bases are 1, 2 or 3 (3s coarser); level 0
    /// takes the rest. Minimises padding, then prefers more splitting.
    /// </summary>
    public static int[] FactorAxis(int n, int levels, int preferredLast, int multiple, int maxLevelZero)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        int rounded = ((n + multiple - 1) / multiple) * multiple;
        int mids = levels - 2;
        (long Padded, int Last, int Twos, int Threes, int Zero)? best = null;
        for (int last = multiple; last <= Math.Max(preferredLast, multiple); last *= 2)
        {
            if (last > multiple && last > rounded)
            {
                break;
            }

            int m = (rounded + last - 1) / last;
            for (int threes = 0; threes <= mids; threes++)
            {
                for (int twos = 0; twos + threes <= mids; twos++)
                {
                    long unit = (long)Math.Pow(2, twos) * (long)Math.Pow(3, threes);
                    long r = (m + unit - 1) / unit;
                    if (r > maxLevelZero && (twos + threes) < mids)
                    {
                        continue;
                    }

                    long padded = r * unit * last;
                    bool fits = r <= maxLevelZero;
                    bool better = best is null
                        || (fits && best.Value.Zero > maxLevelZero)
                        || (fits == (best.Value.Zero <= maxLevelZero)
                            && (padded < best.Value.Padded
                                || (padded == best.Value.Padded && (last > best.Value.Last || (last == best.Value.Last && r < best.Value.Zero)))));
                    if (better)
                    {
                        best = (padded, last, twos, threes, (int)r);
                    }
                }
            }
        }

        var (_, chosenLast, t2, t3, zero) = best!.Value;
        var bases = new int[levels];
        bases[0] = zero;
        bases[levels - 1] = chosenLast;
        int ones = mids - t2 - t3;
        for (int l = 1; l <= mids; l++)
        {
            int i = l - 1;
            bases[l] = i < ones ? 1 : i < ones + t3 ? 3 : 2;
        }

        return bases;
    }

    /// <summary>Samples a level-<paramref name="level"/> cell spans on one axis: the product of the finer bases.</summary>
    /// <summary>C_a[level]: the level's cells along one axis.</summary>
    private static int CellCount(int[] axisBases, int level)
    {
        int count = 1;
        for (int l = 0; l <= level; l++)
        {
            count *= axisBases[l];
        }

        return count;
    }

    private static int LargestDivisorAtMost(int n, int limit)
    {
        int d = Math.Clamp(limit, 1, n);
        while (n % d != 0)
        {
            d--;
        }

        return d;
    }

    private static int CellSpan(int[] axisBases, int level)
    {
        int span = 1;
        for (int l = level + 1; l < axisBases.Length; l++)
        {
            span *= axisBases[l];
        }

        return span;
    }

    private static int AutoLevels(int size, PlannerOptions options)
    {
        double ratio = size / (double)(options.LastSpatialBase * 16);
        int mids = ratio <= 1 ? 1 : (int)Math.Ceiling(Math.Log2(ratio));
        return Math.Clamp(mids + 2, 3, 8);
    }
}
