using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>Random small models for the decoder tests, all derived from a seed.</summary>
internal static class TestModels
{
    /// <summary>A random architecture and sequence: L 2..5, H 1..40, bases 1..4 (incl. 1s), any chroma, D 8 or 10.</summary>
    public static ModelConfig RandomConfig(TestRandom rng, int maxSpatial = 24, int maxTime = 6)
    {
        int levels = rng.Next(2, 5);
        var bases = new int[3][];
        for (int a = 0; a < 3; a++)
        {
            int cap = a == 0 ? maxTime : maxSpatial;
            bases[a] = new int[levels];
            int product = 1;
            for (int l = 0; l < levels; l++)
            {
                int b = rng.Next(1, Math.Max(1, Math.Min(4, cap / product)));
                bases[a][l] = b;
                product *= b;
            }
        }

        int width = rng.Next(1, 40);
        var kinds = new ModulationKind[levels];
        for (int l = 0; l < levels; l++)
        {
            kinds[l] = rng.NextBool() ? ModulationKind.Linear : ModulationKind.Table;
        }

        int nt = bases[0].Aggregate(1, (x, y) => x * y);
        int ny = bases[1].Aggregate(1, (x, y) => x * y);
        int nx = bases[2].Aggregate(1, (x, y) => x * y);
        var formats = new List<ChromaFormat> { ChromaFormat.Mono400, ChromaFormat.Yuv444 };
        if (nx >= 2)
        {
            formats.Add(ChromaFormat.Yuv422);
            if (ny >= 2)
            {
                formats.Add(ChromaFormat.Yuv420);
            }
        }

        var chroma = rng.Pick(formats);
        int pw = PictureSize(rng, nx, chroma is ChromaFormat.Yuv420 or ChromaFormat.Yuv422);
        int ph = PictureSize(rng, ny, chroma == ChromaFormat.Yuv420);
        return new ModelConfig(bases, width, kinds, chroma, rng.NextBool() ? 8 : 10, pw, ph, rng.Next(1, nt));
    }

    /// <summary>
    /// Random latent grids for <paramref name="bases"/>: one on each level 0..L−2 with probability 1/2 (at least one),
    /// rank 1..4, τ = 1, C[t][g] or a divisor in between when there is one.
    /// </summary>
    public static LatentGrid[] RandomGrids(TestRandom rng, int[][] bases)
    {
        int levels = bases[0].Length;
        var grids = new List<LatentGrid>();
        int forced = rng.Next(0, levels - 2);
        for (int g = 0; g <= levels - 2; g++)
        {
            if (g != forced && !rng.NextBool())
            {
                continue;
            }

            int ct = bases[0].Take(g + 1).Aggregate(1, (a, b) => a * b);
            var between = Enumerable.Range(2, Math.Max(0, ct - 2)).Where(d => ct % d == 0).ToList();
            int tau = rng.Next(0, 2) switch
            {
                0 => 1,
                1 => ct,
                _ => between.Count > 0 ? rng.Pick(between) : ct,
            };
            grids.Add(new LatentGrid(g, rng.NextBool() ? 1 : rng.Next(2, 4), tau));
        }

        return [.. grids];
    }

    /// <summary>Integers for every tensor of <paramref name="config"/>'s architecture, in layout order.</summary>
    public static SegmentModel Build(ModelConfig config, TestRandom rng, ValueStyle style)
    {
        var arch = config.Architecture();
        int h = config.Width;
        var tensors = new List<QuantizedTensor>();
        foreach (var (role, level, rows, columns) in arch.TensorLayout())
        {
            var values = new int[rows * columns];
            uint mu;
            switch (role)
            {
                case TensorRole.Modulation:
                case TensorRole.Bias:
                case TensorRole.GridProjection:
                    mu = rng.NextBool() ? 1u : (uint)rng.Next(1, 1 << 16);
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] = (int)rng.NextUInt32();
                    }

                    break;
                case TensorRole.Weight:
                    mu = (uint)rng.Next(1, 1 << 12);
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] = style == ValueStyle.Extreme
                            ? (rng.NextBool() ? (int)rng.NextUInt32() : rng.Next(-(1 << 20), 1 << 20))
                            : rng.Next(0, 15) switch
                            {
                                0 => short.MinValue,
                                1 => short.MaxValue,
                                _ => rng.Next(short.MinValue, short.MaxValue),
                            };
                    }

                    if (style == ValueStyle.Extreme && values.All(v => v is >= short.MinValue and <= short.MaxValue))
                    {
                        values[0] = 1 << 20;
                    }

                    break;
                case TensorRole.OutputWeight:
                    if (style == ValueStyle.Extreme)
                    {
                        mu = (uint)rng.Next(1, 256);
                        int bound = (int)(int.MaxValue / mu);
                        for (int i = 0; i < values.Length; i++)
                        {
                            values[i] = rng.Next(0, 3) == 0 ? (rng.NextBool() ? bound : -bound) : rng.Next(-bound, bound);
                        }
                    }
                    else
                    {
                        mu = (uint)rng.Next(1, 16);
                        int bound = Math.Max(1, (1 << 27) / h / (int)mu);
                        for (int i = 0; i < values.Length; i++)
                        {
                            values[i] = rng.Next(-bound, bound);
                        }
                    }

                    break;
                case TensorRole.OutputBias:
                    mu = (uint)rng.Next(1, 4);
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] = style == ValueStyle.Extreme
                            ? rng.Next(-(int)(int.MaxValue / mu), (int)(int.MaxValue / mu))
                            : rng.Next((1 << 26) / (int)mu, (3 << 26) / (int)mu);
                    }

                    break;
                case TensorRole.GridLatents:
                    // z = q (μ = 1): zeros (skipped terms), small steps, and with Extreme the whole i32 range.
                    mu = 1;
                    for (int i = 0; i < values.Length; i++)
                    {
                        values[i] = rng.Next(0, 7) switch
                        {
                            0 => 0,
                            1 when style == ValueStyle.Extreme => rng.NextBool() ? int.MinValue : int.MaxValue,
                            2 when style == ValueStyle.Extreme => (int)rng.NextUInt32(),
                            _ => rng.Next(-40, 40),
                        };
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unexpected role {role}.");
            }

            tensors.Add(new QuantizedTensor(role, level, rows, columns, mu, values));
        }

        return new SegmentModel(0, config.FrameCount, arch, tensors);
    }

    private static int PictureSize(TestRandom rng, int grid, bool subsampled)
    {
        int size = rng.Next(Math.Max(1, grid - 3), grid);
        if (subsampled && ((size + 1) & ~1) > grid)
        {
            size--;
        }

        return Math.Max(1, size);
    }
}
