using Asmr.Codec.Training;

namespace Asmr.Experiments;

/// <summary>
/// Where the error is: luma PSNR over the pixels that hardly change in the source (temporal standard deviation below a
/// threshold) and over the rest, and how well the decoded clip's temporal mean matches the source's on the still part.
/// </summary>
internal static class RegionReport
{
    public static void Print(VideoClip source, IReadOnlyList<ushort[][]> decoded, double stillThreshold = 2.0)
    {
        int n = source.Frames.Count, size = source.Width * source.Height;
        double peak = (1 << source.BitDepth) - 1;
        var mean = new double[size];
        var square = new double[size];
        var decodedMean = new double[size];
        for (int f = 0; f < n; f++)
        {
            var s = source.Frames[f].Planes[0];
            var d = decoded[f][0];
            for (int i = 0; i < size; i++)
            {
                mean[i] += s[i];
                square[i] += (double)s[i] * s[i];
                decodedMean[i] += d[i];
            }
        }

        var still = new bool[size];
        for (int i = 0; i < size; i++)
        {
            mean[i] /= n;
            decodedMean[i] /= n;
            still[i] = Math.Sqrt(Math.Max(0, (square[i] / n) - (mean[i] * mean[i]))) < stillThreshold;
        }

        double stillError = 0, movingError = 0, meanOfStill = 0, meanOfMoving = 0, sourceMeanError = 0;
        long stillCount = 0, movingCount = 0;
        for (int f = 0; f < n; f++)
        {
            var s = source.Frames[f].Planes[0];
            var d = decoded[f][0];
            for (int i = 0; i < size; i++)
            {
                double e = (double)s[i] - d[i];
                double m = s[i] - mean[i];
                if (still[i])
                {
                    stillError += e * e;
                    stillCount++;
                }
                else
                {
                    movingError += e * e;
                    sourceMeanError += m * m;
                    movingCount++;
                }
            }
        }

        for (int i = 0; i < size; i++)
        {
            double e = mean[i] - decodedMean[i];
            if (still[i])
            {
                meanOfStill += e * e;
            }
            else
            {
                meanOfMoving += e * e;
            }
        }

        double Psnr(double sum, long count) => count == 0 ? double.NaN : 10 * Math.Log10(peak * peak / (sum / count));
        long stillPixels = still.Count(s => s), movingPixels = size - stillPixels;
        Console.WriteLine(
            $"REGIONS still (σ_t < {stillThreshold}) {100.0 * stillPixels / size:F1} % of pixels: Y {Psnr(stillError, stillCount):F2} dB, temporal means {Psnr(meanOfStill, stillPixels):F2} dB | "
            + $"moving: Y {Psnr(movingError, movingCount):F2} dB, temporal means {Psnr(meanOfMoving, movingPixels):F2} dB, source mean frame there {Psnr(sourceMeanError, movingCount):F2} dB");
    }
}
