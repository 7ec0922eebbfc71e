using Asmr.Codec.Training;

namespace Asmr.Experiments;

/// <summary>
/// How much of a clip's change over time a low-rank model could hold at best: luma PSNR of the mean frame plus the
/// best R products of a spatial map and a per-frame coefficient (principal components over time), with the maps
/// at full resolution or constant on b×b blocks (what a latent grid on b×b cells can hold).
/// </summary>
internal static class TemporalRankOracle
{
    public static void Print(VideoClip source)
    {
        int frames = source.Frames.Count, width = source.Width, height = source.Height, size = width * height;
        double peak = (1 << source.BitDepth) - 1;
        var centred = new double[frames][];
        for (int f = 0; f < frames; f++)
        {
            centred[f] = new double[size];
        }

        for (int i = 0; i < size; i++)
        {
            double mean = 0;
            for (int f = 0; f < frames; f++)
            {
                mean += source.Frames[f].Planes[0][i];
            }

            mean /= frames;
            for (int f = 0; f < frames; f++)
            {
                centred[f][i] = source.Frames[f].Planes[0][i] - mean;
            }
        }

        foreach (int block in new[] { 1, 2, 4, 8 })
        {
            // Block averages (the part a map constant on blocks can hold) and what is left outside them.
            double outside = 0;
            var averaged = new double[frames][];
            for (int f = 0; f < frames; f++)
            {
                averaged[f] = new double[size];
                for (int by = 0; by < height; by += block)
                {
                    for (int bx = 0; bx < width; bx += block)
                    {
                        double sum = 0;
                        int count = 0;
                        for (int y = by; y < Math.Min(by + block, height); y++)
                        {
                            for (int x = bx; x < Math.Min(bx + block, width); x++)
                            {
                                sum += centred[f][(y * width) + x];
                                count++;
                            }
                        }

                        double average = sum / count;
                        for (int y = by; y < Math.Min(by + block, height); y++)
                        {
                            for (int x = bx; x < Math.Min(bx + block, width); x++)
                            {
                                double e = centred[f][(y * width) + x] - average;
                                outside += e * e;
                                averaged[f][(y * width) + x] = average;
                            }
                        }
                    }
                }
            }

            var gram = new double[frames, frames];
            for (int f = 0; f < frames; f++)
            {
                for (int g = f; g < frames; g++)
                {
                    double dot = 0;
                    for (int i = 0; i < size; i++)
                    {
                        dot += averaged[f][i] * averaged[g][i];
                    }

                    gram[f, g] = dot;
                    gram[g, f] = dot;
                }
            }

            double[] eigen = SymmetricEigenvalues(gram);
            Array.Sort(eigen);
            Array.Reverse(eigen);
            var line = new System.Text.StringBuilder($"RANKORACLE maps on {block}x{block} blocks:");
            foreach (int rank in new[] { 0, 1, 2, 4, 8, 16 })
            {
                double error = outside;
                for (int k = rank; k < frames; k++)
                {
                    error += Math.Max(0, eigen[k]);
                }

                line.Append($" R{rank} {10 * Math.Log10(peak * peak * size * frames / Math.Max(error, 1e-9)):F2}");
            }

            Console.WriteLine(line.ToString() + " dB Y");
        }
    }

    private static double[] SymmetricEigenvalues(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    off += a[p, q] * a[p, q];
                }
            }

            if (off < 1e-18)
            {
                break;
            }

            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300)
                    {
                        continue;
                    }

                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = (c * akp) - (s * akq);
                        a[k, q] = (s * akp) + (c * akq);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = (c * apk) - (s * aqk);
                        a[q, k] = (s * apk) + (c * aqk);
                    }
                }
            }
        }

        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = a[i, i];
        }

        return values;
    }
}
