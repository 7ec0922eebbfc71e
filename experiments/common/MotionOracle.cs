using Asmr.Codec.Training;

namespace Asmr.Experiments;

/// <summary>
/// How much of a clip's change over time block motion could hold at best: every frame predicted by warping one
/// reference picture with a translation per block (<see cref="BlockMotion"/>), luma PSNR overall and on the moving
/// pixels. No residual: an upper bound for a model that codes one picture plus motion. References: the clip's mean
/// frame, its middle frame, and (the usual P-frame chain, with source frames as references) the frame before; with
/// λ &gt; 0 the vectors also pay for their bits.
/// </summary>
internal static class MotionOracle
{
    public static void Print(VideoClip source, int range = BlockMotion.DefaultRange, int[]? blocks = null, double stillThreshold = 2.0)
    {
        int frames = source.Frames.Count, width = source.Width, height = source.Height, size = width * height;
        double peak = (1 << source.BitDepth) - 1;
        var luma = Luma(source);
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

        foreach (int block in blocks ?? [16, 8])
        {
            Report($"mean frame, {block}x{block} blocks, range {range}", block, f => mean);
            Report($"middle frame, {block}x{block} blocks, range {range}", block, f => luma[frames / 2]);
            Report($"frame before (source), {block}x{block} blocks, range {range}", block, f => luma[Math.Max(0, f - 1)]);
            foreach (double lambda in new[] { 20.0, 100.0, 500.0 })
            {
                Report($"middle frame, {block}x{block} blocks, lambda {lambda}, range {range}", block, f => luma[frames / 2], lambda);
            }
        }

        void Report(string name, int block, Func<int, double[]> reference, double lambda = 0)
        {
            var motion = BlockMotion.Estimate(luma, width, height, block, reference, lambda, range);
            double error = 0, movingError = 0, zeroError = 0;
            long movingCount = 0;
            for (int f = 0; f < frames; f++)
            {
                double[] r = reference(f);
                for (int y = 0; y < height; y++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        var d = motion.At(f, y, x);
                        int i = (y * width) + x;
                        double e = luma[f][i] - BlockMotion.Sample(r, width, height, y + d.Y, x + d.X);
                        double z = luma[f][i] - r[i];
                        error += e * e;
                        zeroError += z * z;
                        if (moving[i])
                        {
                            movingError += e * e;
                            movingCount++;
                        }
                    }
                }
            }

            double Psnr(double sum, double count) => 10 * Math.Log10(peak * peak * count / Math.Max(sum, 1e-9));
            Console.WriteLine($"MOTIONORACLE {name}: Y {Psnr(error, (double)size * frames):F2} dB (no motion {Psnr(zeroError, (double)size * frames):F2}), moving pixels {Psnr(movingError, movingCount):F2} dB, {motion.NonZero}/{motion.Vectors.Sum(v => v.Length)} vectors non-zero, {motion.ExpGolombBits / 8:F0} bytes of vectors (Exp-Golomb; order-0 entropy {motion.EntropyBits / 8:F0})");
        }
    }

    /// <summary>The luma planes of a clip as doubles, one array per frame.</summary>
    public static double[][] Luma(VideoClip source) =>
        [.. source.Frames.Select(f => f.Planes[0].Select(v => (double)v).ToArray())];
}
