using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>
/// Builds a synthetic segment model from a <see cref="SegmentRecipe"/>: seeded random integers whose ranges are
/// chosen so that the picture is a smooth colour pattern with some texture, around mid-grey, rarely clipped.
/// Everything is integer arithmetic on <see cref="SplitMix64"/> output, so the model is the same everywhere.
/// </summary>
/// <remarks>
/// Target dequantized ranges (before dividing by μ), per tensor role:
/// <list type="bullet">
/// <item>linear modulation of level l, axis a: a phase step per digit of ±2^32·2^−(1+min(l,4)) / B[a][l], so a
/// coarse level sweeps up to half a turn across the picture and finer levels less;</item>
/// <item>table modulation: ±2^32·2^−(2+min(l,3)) for levels before the last, ±2^27 (1/32 turn) at the last level;</item>
/// <item>phase biases: any phase (±2^31);</item>
/// <item>hidden weights: ±2^17/H phase per Q14 unit, so a layer moves phases by at most about a half turn;</item>
/// <item>output weights: ±0.4·2^28/⌈√H⌉ times the recipe's output gain (1 unless a vector wants a picture of high
/// contrast); output biases 2^27 ± 2^24 (mid-grey);</item>
/// <item>latent grid projections (model_version 2): ±2^32·2^−(4+min(g,3)) per latent unit, divided by the rank, so a
/// latent of ±1 moves a level-g phase by up to 1/16 turn (less on finer levels); an interpolated grid's (model_version
/// 5) also divided by 4·B[y][g+1]·B[x][g+1], the sum of its interpolation weights;</item>
/// <item>grid latents (μ = 1): like a trained, rounded grid, mostly 0, often ±1..±3, sometimes ±4..±14 and rarely
/// ±15..±300 (escape codes);</item>
/// <item>context models (model_version 3, μ = 1): see <see cref="ContextRange"/>;</item>
/// <item>output filters (model_version 6, μ = 1; drawn from the filter recipe's own seed): see <see cref="FilterValues"/>.</item>
/// </list>
/// q is drawn uniformly from ±⌊range/μ⌋ (at least ±2) and, for the output bias, rounded from the target. Grid tensors
/// come after every model_version 1 tensor, so adding grids to a recipe leaves the other tensors' integers unchanged.
/// </remarks>
internal static class ModelSynthesizer
{
    private static readonly uint[] MixedPhaseSteps = [1, 3, 255, 4096, 65537, 1u << 20, 0x9E3779B9];
    private static readonly uint[] MixedOutputSteps = [1, 5, 1000, 1u << 12, 1u << 20];

    /// <summary>
    /// The model of a recipe for a picture of <paramref name="sequence"/>'s size: with the recipe's motion field, if it
    /// has one (model_version 4), whose blocks cover that picture (§10.8), its output filter, if it has one
    /// (model_version 6, §10.9), whose offsets follow the sequence's bit depth (<see cref="FilterValues"/>), and compact
    /// record headers if it asks for them (model_version 7, §10.2).
    /// </summary>
    public static SegmentModel Synthesize(SegmentRecipe recipe, int firstFrame, SequenceHeader sequence)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(sequence);
        int outputChannels = sequence.ChromaFormat == ChromaFormat.Mono400 ? 1 : 3;
        var model = Synthesize(recipe with { Motion = null, Filter = null, CompactRecords = false }, firstFrame, outputChannels);

        // The motion and filter records come after every other record and draw no integers from the network's seed, so
        // the network is the same with or without them.
        if (recipe.Motion is { } motion)
        {
            model = model.WithMotion(new MotionField(motion.BlockLog2, sequence.Width, sequence.Height, motion.Vectors), motion.Coding);
        }

        if (recipe.Filter is { } filter)
        {
            model = model.WithFilter(new OutputFilter(filter.Radius, outputChannels, FilterValues(filter, outputChannels, sequence.BitDepth)), filter.Coding);
        }

        // Compact record headers change how the records are stored, not what they hold.
        return recipe.CompactRecords ? model.WithCompactRecords() : model;
    }

    /// <summary>
    /// The output filter record's values (§10.9), plane by plane: the taps in stored order, then the offset. Every tap but
    /// (0, 0) is drawn from ±<see cref="FilterRecipe.TapRange"/>; (0, 0) takes the rest of the plane's gain (in the
    /// recipe's limit plane it is 2^15 − 1 and the other taps share out the rest); the offset maps the plane's pivot (mid-grey
    /// unless the recipe says otherwise) onto itself, (4096 − gain)·pivot, plus a jitter of up to 1/32 of full scale; each
    /// value is kept within its limit.
    /// </summary>
    public static int[] FilterValues(FilterRecipe recipe, int planes, int bitDepth)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        if (recipe.Gains.Length != planes)
        {
            throw new ArgumentException($"The filter recipe has {recipe.Gains.Length} gains for {planes} planes.", nameof(recipe));
        }

        const int TapMax = OutputFilter.TapLimit - 1, OffsetMax = OutputFilter.OffsetLimit - 1;
        var taps = OutputFilter.Taps(recipe.Radius);
        int n = taps.Length, centre = Array.IndexOf(taps, (0, 0));
        var random = new SplitMix64(recipe.Seed);
        int[] values = new int[planes * (n + 1)];
        for (int o = 0; o < planes; o++)
        {
            var plane = values.AsSpan(o * (n + 1), n + 1);
            for (int k = 0; k < n; k++)
            {
                plane[k] = k == centre ? 0 : (int)random.Between(-recipe.TapRange, recipe.TapRange);
            }

            long rest = recipe.Gains[o] - Sum(plane[..n]);
            if (o == recipe.LimitPlane)
            {
                // (0, 0) at the limit; the other n − 1 taps share out what is left, the first of them any remainder.
                plane[centre] = TapMax;
                rest -= TapMax;
                long share = rest / (n - 1);
                for (int k = 0; k < n; k++)
                {
                    if (k != centre)
                    {
                        plane[k] = (int)Math.Clamp(plane[k] + share, -TapMax, TapMax);
                    }
                }

                plane[centre == 0 ? 1 : 0] += (int)(recipe.Gains[o] - Sum(plane[..n]));
            }
            else
            {
                plane[centre] = (int)Math.Clamp(rest, -TapMax, TapMax);
            }

            long jitter = random.Between(-(1L << (bitDepth + 7)), 1L << (bitDepth + 7));
            long pivot = recipe.Pivots?[o] ?? 1L << (bitDepth - 1);
            plane[n] = (int)Math.Clamp(((4096 - Sum(plane[..n])) * pivot) + jitter, -OffsetMax, OffsetMax);
        }

        return values;
    }

    private static long Sum(ReadOnlySpan<int> values)
    {
        long sum = 0;
        foreach (int v in values)
        {
            sum += v;
        }

        return sum;
    }

    public static SegmentModel Synthesize(SegmentRecipe recipe, int firstFrame, int outputChannels)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        if (recipe.Motion is not null || recipe.Filter is not null || recipe.CompactRecords)
        {
            throw new ArgumentException("A recipe with a motion field, an output filter or compact records needs the sequence header: use the overload that takes it.", nameof(recipe));
        }

        var architecture = new ModelArchitecture([recipe.BasesT, recipe.BasesY, recipe.BasesX], recipe.HiddenWidth, outputChannels, recipe.Modulation, recipe.Grids);
        var random = new SplitMix64(recipe.Seed);
        var layout = architecture.TensorLayout();
        var tensors = new QuantizedTensor[layout.Count];
        for (int i = 0; i < layout.Count; i++)
        {
            var (role, level, rows, columns) = layout[i];
            bool integers = role is TensorRole.GridLatents or >= TensorRole.ContextWeight;
            uint mu = integers ? 1 : Multiplier(recipe.Multipliers, role, random);
            var coding = recipe.Coding switch
            {
                CodingStyle.Raw => EntropyCoding.Raw,
                CodingStyle.Adaptive => EntropyCoding.Adaptive,
                _ => i % 2 == 0 ? EntropyCoding.Raw : EntropyCoding.Adaptive,
            };
            if (role == TensorRole.GridLatents && architecture.ModelVersion >= 3)
            {
                coding = EntropyCoding.Context;
            }

            int[] values = new int[rows * columns];
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = role switch
                {
                    TensorRole.OutputBias => OutputBias(mu, random),
                    TensorRole.GridLatents => Latent(random),
                    >= TensorRole.ContextWeight => (int)random.Between(-ContextRange(role, k / columns, k % columns), ContextRange(role, k / columns, k % columns)),
                    TensorRole.OutputWeight => Draw(Range(architecture, role, level, k % columns) * recipe.OutputGain, mu, random),
                    _ => Draw(Range(architecture, role, level, k % columns), mu, random),
                };
            }

            tensors[i] = new QuantizedTensor(role, level, rows, columns, mu, values, coding);
        }

        return new SegmentModel(firstFrame, recipe.FrameCount, architecture, tensors);
    }

    /// <summary>The largest |q·μ| the role should reach (see the remarks).</summary>
    private static long Range(ModelArchitecture architecture, TensorRole role, int level, int column)
    {
        const long Turn = 1L << 32;
        int h = architecture.Width;
        switch (role)
        {
            case TensorRole.Modulation when architecture.Modulation(level) == ModulationKind.Linear:
                // Column = axis t, y, x.
                return (Turn >> (1 + Math.Min(level, 4))) / architecture.Base((Axis)column, level);
            case TensorRole.Modulation:
                return level == architecture.Levels - 1 ? Turn >> 5 : Turn >> (2 + Math.Min(level, 3));
            case TensorRole.Bias:
                return 1L << 31;
            case TensorRole.Weight:
                return (1L << 17) / h;
            case TensorRole.GridProjection:
                var grid = architecture.Grids[architecture.GridIndex(level)];
                // An interpolated grid's latents reach the phases as ẑ, up to 4·B_y·B_x of the next level times a latent.
                long interpolation = grid.Interpolated ? 4L * architecture.Base(Axis.Y, level + 1) * architecture.Base(Axis.X, level + 1) : 1;
                return (Turn >> (4 + Math.Min(level, 3))) / grid.Rank / interpolation;
            default:
                int root = 1;
                while (root * root < h)
                {
                    root++;
                }

                return (2L << 28) / 5 / root;
        }
    }

    /// <summary>
    /// The largest |q| of a context model parameter (Q8, μ = 1): small weights that predict a mean and scale from the
    /// neighbours, except that hidden unit 0 has large input weights (so it clamps at 0 and at 2^15) and large output
    /// weights (so that, when it saturates, the mean clamps at ±2^14 and the scale bin at 0 or 79).
    /// </summary>
    private static long ContextRange(TensorRole role, int row, int column) => role switch
    {
        TensorRole.ContextWeight => row == 0 ? 1 << 14 : 1 << 9,
        TensorRole.ContextBias => 1 << 11,
        TensorRole.ContextOutputWeight => column == 0 ? (row == 0 ? 1 << 7 : 1 << 8) : 1 << 5,
        _ => 1 << 9,
    };

    private static int Draw(long range, uint mu, SplitMix64 random)
    {
        long limit = Math.Max(2, range / mu);
        limit = Math.Min(limit, int.MaxValue);
        return (int)random.Between(-limit, limit);
    }

    /// <summary>A latent integer as a trained, rounded grid has them: mostly 0, a few large ones of either sign.</summary>
    private static int Latent(SplitMix64 random)
    {
        long kind = random.Between(0, 99);
        long magnitude = kind switch
        {
            < 60 => 0,
            < 90 => random.Between(1, 3),
            < 98 => random.Between(4, 14),
            _ => random.Between(15, 300),
        };
        return (int)(random.Between(0, 1) == 0 ? magnitude : -magnitude);
    }

    /// <summary>q with q·μ ≈ 2^27 ± 2^24 (mid-grey ± 1/16 of full scale), rounded to the nearest multiple of μ.</summary>
    private static int OutputBias(uint mu, SplitMix64 random)
    {
        long target = (1L << 27) + random.Between(-(1L << 24), 1L << 24);
        return (int)((target + (mu / 2)) / mu);
    }

    private static uint Multiplier(MultiplierStyle style, TensorRole role, SplitMix64 random)
    {
        bool output = role is TensorRole.OutputWeight or TensorRole.OutputBias;
        return style switch
        {
            MultiplierStyle.Typical => role switch
            {
                TensorRole.Weight => 16,
                TensorRole.OutputWeight or TensorRole.OutputBias => 256,
                _ => 4096,
            },
            MultiplierStyle.One => 1,
            MultiplierStyle.Large => output ? (1u << 20) + 1 : role == TensorRole.Weight ? 0x00F00001u : 0x9E3779B9u,
            _ => random.Pick(output ? MixedOutputSteps : MixedPhaseSteps),
        };
    }
}
