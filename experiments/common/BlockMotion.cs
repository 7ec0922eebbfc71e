using Asmr.Codec.Motion;

namespace Asmr.Experiments;

/// <summary>
/// Block motion on luma planes: for every frame and block, the translation (±range samples, integer
/// search then quarter-sample refinement, bilinear, edges repeated) of a reference picture that best predicts the
/// block; with λ &gt; 0 it minimises SSE + λ·bits, the bits those of signed Exp-Golomb codes of the quarter-sample
/// difference to the same block's vector in the frame before.
/// </summary>
internal sealed class BlockMotion
{
    /// <summary>The search range of the oracle's tables (samples each way).</summary>
    public const int DefaultRange = 4;

    public required int Block { get; init; }

    public required int BlocksY { get; init; }

    public required int BlocksX { get; init; }

    /// <summary>Per frame, per block in raster order, the displacement (samples) at which the reference is read.</summary>
    public required (double Y, double X)[][] Vectors { get; init; }

    /// <summary>Bits of the vectors as signed Exp-Golomb codes of the differences to the frame before's.</summary>
    public double ExpGolombBits { get; private init; }

    /// <summary>The order-0 entropy of those quarter-sample differences: about what an adaptive coder spends.</summary>
    public double EntropyBits { get; private init; }

    public long NonZero => Vectors.Sum(f => f.Count(v => v != (0, 0)));

    public static BlockMotion Estimate(double[][] luma, int width, int height, int block, Func<int, double[]> reference, double lambda, int range = DefaultRange)
    {
        int frames = luma.Length;
        int blocksY = (height + block - 1) / block, blocksX = (width + block - 1) / block;
        var vectors = new (double Y, double X)[frames][];
        var symbols = new Dictionary<long, long>();
        double bits = 0;
        for (int f = 0; f < frames; f++)
        {
            double[] target = luma[f], r = reference(f);
            vectors[f] = new (double, double)[blocksY * blocksX];
            for (int j = 0; j < blocksY; j++)
            {
                for (int i = 0; i < blocksX; i++)
                {
                    int by = j * block, bx = i * block;
                    int h = Math.Min(block, height - by), w = Math.Min(block, width - bx);
                    var predicted = f > 0 ? vectors[f - 1][(j * blocksX) + i] : (0, 0);
                    double Cost((double Y, double X) v)
                    {
                        double sum = 0;
                        for (int y = by; y < by + h; y++)
                        {
                            for (int x = bx; x < bx + w; x++)
                            {
                                double e = target[(y * width) + x] - Sample(r, width, height, y + v.Y, x + v.X);
                                sum += e * e;
                            }
                        }

                        return sum + (lambda > 0 ? lambda * VectorBits(v, predicted) : 0);
                    }

                    (double Y, double X) d = lambda > 0 ? predicted : (0, 0);
                    double best = Cost(d);
                    for (int dy = -range; dy <= range; dy++)
                    {
                        for (int dx = -range; dx <= range; dx++)
                        {
                            double c = Cost((dy, dx));
                            if (c < best)
                            {
                                (best, d) = (c, (dy, dx));
                            }
                        }
                    }

                    var centre = d;
                    for (int qy = -3; qy <= 3; qy++)
                    {
                        for (int qx = -3; qx <= 3; qx++)
                        {
                            (double Y, double X) v = (centre.Y + (qy / 4.0), centre.X + (qx / 4.0));
                            double c = Cost(v);
                            if (c < best)
                            {
                                (best, d) = (c, v);
                            }
                        }
                    }

                    vectors[f][(j * blocksX) + i] = d;
                    bits += VectorBits(d, predicted);
                    foreach (long q in new[] { Quarter(d.Y - predicted.Y), Quarter(d.X - predicted.X) })
                    {
                        symbols[q] = symbols.GetValueOrDefault(q) + 1;
                    }
                }
            }
        }

        double total = symbols.Values.Sum();
        return new BlockMotion
        {
            Block = block,
            BlocksY = blocksY,
            BlocksX = blocksX,
            Vectors = vectors,
            ExpGolombBits = bits,
            EntropyBits = symbols.Values.Sum(c => -c * Math.Log2(c / total)),
        };
    }

    /// <summary>The vector of the block holding luma sample (y, x) in frame f.</summary>
    public (double Y, double X) At(int f, int y, int x) => Vectors[f][((y / Block) * BlocksX) + (x / Block)];

    /// <summary>Bilinear sample of a plane at a real position, the edges repeated (the encoder's search reads it so too).</summary>
    public static double Sample(double[] plane, int width, int height, double y, double x) =>
        MotionSearch.Sample(plane, width, height, y, x);

    private static long Quarter(double value) => (long)Math.Round(value * 4);

    private static double VectorBits((double Y, double X) v, (double Y, double X) predicted) =>
        MotionSearch.ExpGolombBits((int)Quarter(v.Y - predicted.Y)) + MotionSearch.ExpGolombBits((int)Quarter(v.X - predicted.X));
}
