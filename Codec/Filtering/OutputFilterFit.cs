using Asmr.Codec.Training;
using Asmr.Container.Model;
using Asmr.Decoder.Filtering;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Filtering;

/// <summary>
/// Fits a segment's output filter (spec §10.9, §11.9) to what the decoder shows: per plane the Wiener filter, the
/// diamond of taps and offset that minimise the squared error against the source by least squares, rounded to the
/// format's 2^−12 units. A plane whose rounded filter does not lower its error keeps the identity.
/// </summary>
internal static class OutputFilterFit
{
    /// <summary>Samples per plane the normal equations accumulate at most; larger planes are read every few rows.</summary>
    private const long MaxFitSamples = 1L << 23;

    /// <summary>Ridge added to the normal equations' diagonal, relative to their mean diagonal: keeps flat pictures solvable.</summary>
    private const double Ridge = 1e-9;

    /// <summary>
    /// The filter of radius <paramref name="radius"/> that brings <paramref name="model"/>'s decoded frames closest to
    /// <paramref name="video"/>, or null when it lowers the error of no plane.
    /// </summary>
    /// <param name="model">A segment model without a filter, covering the clip's frames.</param>
    public static OutputFilter? Fit(SegmentModel model, VideoClip video, int radius, int threads)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(video);
        if (model.Filter is not null)
        {
            throw new ArgumentException("The model already has an output filter.", nameof(model));
        }

        var decoder = new SegmentDecoder(model, video.Width, video.Height, video.Chroma, video.BitDepth, new DecoderOptions { Threads = threads });
        var decoded = decoder.DecodeAll().ToArray();
        var taps = OutputFilter.Taps(radius);
        int columns = taps.Length + 1;
        int[] values = new int[video.PlaneCount * columns];
        for (int p = 0; p < video.PlaneCount; p++)
        {
            Solve(decoded, video, p, radius).CopyTo(values, p * columns);
        }

        // Rounding can cost a plane its gain: measure each plane as the decoder filters it and keep what helps.
        var candidate = new OutputFilter(radius, video.PlaneCount, values);
        var picture = new CropRectangle(0, 0, video.Width, video.Height);
        double[] before = new double[video.PlaneCount], after = new double[video.PlaneCount];
        for (int f = 0; f < decoded.Length; f++)
        {
            var filtered = OutputFiltering.Apply(decoded[f], picture, picture, video.Width, video.Height, candidate, threads);
            for (int p = 0; p < video.PlaneCount; p++)
            {
                before[p] += SquaredError(decoded[f].Planes[p], video.Frames[f].Planes[p]);
                after[p] += SquaredError(filtered.Planes[p], video.Frames[f].Planes[p]);
            }
        }

        bool any = false;
        for (int p = 0; p < video.PlaneCount; p++)
        {
            if (after[p] < before[p])
            {
                any = true;
                continue;
            }

            Array.Clear(values, p * columns, columns);
            values[(p * columns) + Array.IndexOf(taps, (0, 0))] = 1 << OutputFilter.FractionBits;
        }

        return any ? new OutputFilter(radius, video.PlaneCount, values) : null;
    }

    /// <summary>One plane's least-squares taps and offset, in the format's units.</summary>
    private static int[] Solve(VideoFrame[] decoded, VideoClip video, int plane, int radius)
    {
        var taps = OutputFilter.Taps(radius);
        int n = taps.Length + 1;
        int width = video.PlaneWidth(plane), height = video.PlaneHeight(plane);
        long samples = (long)decoded.Length * width * height;
        int rowStep = (int)Math.Max(1, (samples + MaxFitSamples - 1) / MaxFitSamples);
        double[] gram = new double[n * n], cross = new double[n], v = new double[n];
        for (int f = 0; f < decoded.Length; f++)
        {
            var source = decoded[f].Planes[plane];
            var target = video.Frames[f].Planes[plane];
            for (int y = f % rowStep; y < height; y += rowStep)
            {
                for (int x = 0; x < width; x++)
                {
                    for (int k = 0; k < taps.Length; k++)
                    {
                        int yy = Math.Clamp(y + taps[k].Dy, 0, height - 1), xx = Math.Clamp(x + taps[k].Dx, 0, width - 1);
                        v[k] = source[(yy * width) + xx];
                    }

                    v[n - 1] = 1;
                    double t = target[(y * width) + x];
                    for (int i = 0; i < n; i++)
                    {
                        double vi = v[i];
                        cross[i] += vi * t;
                        for (int j = i; j < n; j++)
                        {
                            gram[(i * n) + j] += vi * v[j];
                        }
                    }
                }
            }
        }

        double diagonal = 0;
        for (int i = 0; i < n; i++)
        {
            diagonal += gram[(i * n) + i] / n;
            for (int j = 0; j < i; j++)
            {
                gram[(i * n) + j] = gram[(j * n) + i];
            }
        }

        for (int i = 0; i < n; i++)
        {
            gram[(i * n) + i] += (diagonal * Ridge) + 1e-12;
        }

        double[] solution = SolveSymmetric(gram, cross, n);
        int[] values = new int[n];
        double scale = 1 << OutputFilter.FractionBits;
        for (int i = 0; i < n; i++)
        {
            int limit = OutputFilter.Limit(radius, i) - 1;
            values[i] = (int)Math.Clamp(Math.Round(solution[i] * scale), -limit, limit);
        }

        return values;
    }

    /// <summary>Solves A·x = b for a symmetric positive definite A (n × n, row-major) by Cholesky factorisation.</summary>
    private static double[] SolveSymmetric(double[] a, double[] b, int n)
    {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                l[(i * n) + j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-300)) : sum / l[(j * n) + j];
            }
        }

        double[] y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++)
            {
                sum -= l[(i * n) + k] * y[k];
            }

            y[i] = sum / l[(i * n) + i];
        }

        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * x[k];
            }

            x[i] = sum / l[(i * n) + i];
        }

        return x;
    }

    private static double SquaredError(ushort[] a, ushort[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }

        return sum;
    }
}
