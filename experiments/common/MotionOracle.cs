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
        int frames = source.Frames.Count, width = source.Width, height = source.Height;
        var luma = Luma(source);
        var moving = LumaTally.MovingPixels(source, out var mean, stillThreshold);
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
            var tally = new LumaTally(moving, source.BitDepth);
            var still = new LumaTally(moving, source.BitDepth);
            for (int f = 0; f < frames; f++)
            {
                double[] r = reference(f);
                for (int y = 0; y < height; y++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        var d = motion.At(f, y, x);
                        int i = (y * width) + x;
                        tally.Add(i, luma[f][i] - BlockMotion.Sample(r, width, height, y + d.Y, x + d.X));
                        still.Add(i, luma[f][i] - r[i]);
                    }
                }
            }

            Console.WriteLine($"MOTIONORACLE {name}: Y {tally.Psnr:F2} dB (no motion {still.Psnr:F2}), moving pixels {tally.MovingPsnr:F2} dB, {motion.NonZero}/{motion.Vectors.Sum(v => v.Length)} vectors non-zero, {motion.ExpGolombBits / 8:F0} bytes of vectors (Exp-Golomb; order-0 entropy {motion.EntropyBits / 8:F0})");
        }
    }

    /// <summary>The luma planes of a clip as doubles, one array per frame.</summary>
    public static double[][] Luma(VideoClip source) =>
        [.. source.Frames.Select(f => f.Planes[0].Select(v => (double)v).ToArray())];
}
