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
        double peak = (1 << source.BitDepth) - 1;
        var moving = new bool[size];
        for (int i = 0; i < size; i++)
        {
            double sum = 0, square = 0;
            for (int f = 0; f < frames; f++)
            {
                double v = source.Frames[f].Planes[0][i];
                sum += v;
                square += v * v;
            }

            double mean = sum / frames;
            moving[i] = Math.Sqrt(Math.Max(0, (square / frames) - (mean * mean))) >= stillThreshold;
        }

        for (int n = frames; n >= 1; n /= 2)
        {
            double error = 0, movingError = 0;
            long movingCount = 0;
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
                        double e = source.Frames[f].Planes[0][i] - mean;
                        error += e * e;
                        if (moving[i])
                        {
                            movingError += e * e;
                            movingCount++;
                        }
                    }
                }
            }

            double Psnr(double sum, double count) => 10 * Math.Log10(peak * peak * count / Math.Max(sum, 1e-9));
            Console.WriteLine($"ORACLE mean of every {n} frames: Y {Psnr(error, (double)size * frames):F2} dB, moving pixels {Psnr(movingError, movingCount):F2} dB");
            if (n == 1)
            {
                break;
            }
        }
    }
}
