using Asmr.Codec.Training;

namespace Asmr.Experiments;

/// <summary>
/// How much of a clip's change over time block motion could hold at best: every frame predicted by warping one
/// reference picture with a translation per block (quarter-sample, bilinear, within ±<see cref="Range"/> samples,
/// chosen per block to minimise the error), luma PSNR overall and on the moving pixels. No residual and no rate: an
/// upper bound for a model that codes one picture plus motion. References: the clip's mean frame, its middle frame,
/// and (the usual P-frame chain, with source frames as references) the frame before.
/// </summary>
internal static class MotionOracle
{
    private const int Range = 4;

    public static void Print(VideoClip source, double stillThreshold = 2.0)
    {
        int frames = source.Frames.Count, width = source.Width, height = source.Height, size = width * height;
        double peak = (1 << source.BitDepth) - 1;
        var luma = source.Frames.Select(f => f.Planes[0].Select(v => (double)v).ToArray()).ToArray();
        var mean = new double[size];
        var moving = new bool[size];
        for (int i = 0; i < size; i++)
        {
            double sum = 0, square = 0;
            for (int f = 0; f < frames; f++)
            {
                sum += luma[f][i];
                square += luma[f][i] * luma[f][i];
            }

            mean[i] = sum / frames;
            moving[i] = Math.Sqrt(Math.Max(0, (square / frames) - (mean[i] * mean[i]))) >= stillThreshold;
        }

        foreach (int block in new[] { 16, 8 })
        {
            Report($"mean frame, {block}x{block} blocks", block, f => mean);
            Report($"middle frame, {block}x{block} blocks", block, f => luma[frames / 2]);
            Report($"frame before (source), {block}x{block} blocks", block, f => luma[Math.Max(0, f - 1)]);
            foreach (double lambda in new[] { 20.0, 100.0, 500.0 })
            {
                Report($"middle frame, {block}x{block} blocks, lambda {lambda}", block, f => luma[frames / 2], lambda);
            }
        }

        // lambda > 0: each block's vector minimises error + lambda·bits, the bits those of signed Exp-Golomb codes of the
        // quarter-sample difference to the same block's vector in the frame before (a zero difference costs 2 bits).
        void Report(string name, int block, Func<int, double[]> reference, double lambda = 0)
        {
            double error = 0, movingError = 0, zeroError = 0, bits = 0;
            long movingCount = 0, vectors = 0, nonZero = 0;
            var previous = new Dictionary<(int, int), (double Y, double X)>();
            var symbols = new Dictionary<long, long>();
            for (int f = 0; f < frames; f++)
            {
                double[] target = luma[f], r = reference(f);
                for (int by = 0; by < height; by += block)
                {
                    for (int bx = 0; bx < width; bx += block)
                    {
                        int h = Math.Min(block, height - by), w = Math.Min(block, width - bx);
                        double Cost(double dy, double dx)
                        {
                            double sum = 0;
                            for (int y = by; y < by + h; y++)
                            {
                                for (int x = bx; x < bx + w; x++)
                                {
                                    double e = target[(y * width) + x] - Sample(r, width, height, y + dy, x + dx);
                                    sum += e * e;
                                }
                            }

                            return sum;
                        }

                        var predicted = previous.GetValueOrDefault((by, bx));
                        double Bits((double Y, double X) v) => ExpGolombBits(v.Y - predicted.Y) + ExpGolombBits(v.X - predicted.X);
                        double Total((double Y, double X) v) => Cost(v.Y, v.X) + (lambda * Bits(v));
                        double zero = Cost(0, 0);
                        (double Y, double X) d = lambda > 0 ? predicted : (0, 0);
                        double best = lambda > 0 ? Total(d) : zero;
                        for (int dy = -Range; dy <= Range; dy++)
                        {
                            for (int dx = -Range; dx <= Range; dx++)
                            {
                                double c = lambda > 0 ? Total((dy, dx)) : Cost(dy, dx);
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
                                double c = lambda > 0 ? Total(v) : Cost(v.Y, v.X);
                                if (c < best)
                                {
                                    (best, d) = (c, (centre.Y + (qy / 4.0), centre.X + (qx / 4.0)));
                                }
                            }
                        }

                        vectors++;
                        nonZero += d != (0, 0) ? 1 : 0;
                        bits += Bits(d);
                        foreach (double difference in new[] { d.Y - predicted.Y, d.X - predicted.X })
                        {
                            long q = (long)Math.Round(difference * 4);
                            symbols[q] = symbols.GetValueOrDefault(q) + 1;
                        }

                        previous[(by, bx)] = d;
                        error += Cost(d.Y, d.X);
                        zeroError += zero;
                        for (int y = by; y < by + h; y++)
                        {
                            for (int x = bx; x < bx + w; x++)
                            {
                                if (moving[(y * width) + x])
                                {
                                    double e = target[(y * width) + x] - Sample(r, width, height, y + d.Y, x + d.X);
                                    movingError += e * e;
                                    movingCount++;
                                }
                            }
                        }
                    }
                }
            }

            // What an adaptive order-0 coder of the differences would spend, about: their empirical entropy.
            double total = symbols.Values.Sum();
            double entropyBits = symbols.Values.Sum(c => -c * Math.Log2(c / total));
            double Psnr(double sum, double count) => 10 * Math.Log10(peak * peak * count / Math.Max(sum, 1e-9));
            Console.WriteLine($"MOTIONORACLE {name}: Y {Psnr(error, (double)size * frames):F2} dB (no motion {Psnr(zeroError, (double)size * frames):F2}), moving pixels {Psnr(movingError, movingCount):F2} dB, {nonZero}/{vectors} vectors non-zero, {bits / 8:F0} bytes of vectors (Exp-Golomb; order-0 entropy {entropyBits / 8:F0})");
        }
    }

    /// <summary>Bits of the signed Exp-Golomb code of a quarter-sample value (0 → 1 bit, ±1/4 → 3 bits, …).</summary>
    private static double ExpGolombBits(double value)
    {
        long q = (long)Math.Round(value * 4);
        long mapped = q > 0 ? (2 * q) - 1 : -2 * q;
        return (2 * Math.Floor(Math.Log2(mapped + 1))) + 1;
    }

    /// <summary>Bilinear sample of a plane at a real position, the edges repeated.</summary>
    private static double Sample(double[] plane, int width, int height, double y, double x)
    {
        y = Math.Clamp(y, 0, height - 1);
        x = Math.Clamp(x, 0, width - 1);
        int y0 = (int)y, x0 = (int)x;
        int y1 = Math.Min(y0 + 1, height - 1), x1 = Math.Min(x0 + 1, width - 1);
        double fy = y - y0, fx = x - x0;
        double top = plane[(y0 * width) + x0] + ((plane[(y0 * width) + x1] - plane[(y0 * width) + x0]) * fx);
        double bottom = plane[(y1 * width) + x0] + ((plane[(y1 * width) + x1] - plane[(y1 * width) + x0]) * fx);
        return top + ((bottom - top) * fy);
    }
}
