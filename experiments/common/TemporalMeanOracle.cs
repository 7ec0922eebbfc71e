using Asmr.Codec.Training;

namespace Asmr.Experiments;

/// <summary>
/// How much of a clip's change over time a time split could hold at best: the luma PSNR of the clip against its own
/// mean over each run of <c>n</c> frames (n = all frames: the mean frame), overall and on the moving pixels.
/// </summary>
internal static class TemporalMeanOracle
{
    public static void Print(VideoClip source, double stillThreshold = 2.0)
    {
        int frames = source.Frames.Count, size = source.Width * source.Height;
        var moving = LumaTally.MovingPixels(source, out _, stillThreshold);
        for (int n = frames; n >= 1; n /= 2)
        {
            var tally = new LumaTally(moving, source.BitDepth);
            for (int first = 0; first < frames; first += n)
            {
                int count = Math.Min(n, frames - first);
                for (int i = 0; i < size; i++)
                {
                    double mean = 0;
                    for (int f = first; f < first + count; f++)
                    {
                        mean += source.Frames[f].Planes[0][i];
                    }

                    mean /= count;
                    for (int f = first; f < first + count; f++)
                    {
                        tally.Add(i, source.Frames[f].Planes[0][i] - mean);
                    }
                }
            }

            Console.WriteLine($"ORACLE mean of every {n} frames: Y {tally.Psnr:F2} dB, moving pixels {tally.MovingPsnr:F2} dB");
            if (n == 1)
            {
                break;
            }
        }
    }
}
