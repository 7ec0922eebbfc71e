namespace Asmr.Media.Metrics;

/// <summary>
/// Structural similarity of one plane as defined by Wang, Bovik, Sheikh and Simoncelli (IEEE TIP 2004) and their reference
/// <c>ssim_index.m</c>: an 11×11 circular-symmetric Gaussian window with σ = 1.5 (normalised to sum 1), K1 = 0.01,
/// K2 = 0.03, L = 2^D − 1, evaluated at every position where the window fits inside the plane ("valid" filtering, no padding),
/// and averaged with equal weight over those (W − 10)·(H − 10) positions. No automatic downsampling is applied.
/// </summary>
/// <remarks>
/// Local statistics use the biased form σ² = E[x²] − μ², as the reference code does. Planes narrower or shorter than
/// 11 samples are scored with one window covering the whole plane, with equal weights. Computed in IEEE-754 double
/// with a fixed evaluation order (separable: horizontal pass, then vertical), so results are deterministic.
/// This is not ffmpeg's <c>ssim</c> filter, which uses 8×8 box windows on a 4-sample grid (<see cref="ComputeBlock8x8"/>);
/// the two agree within a few thousandths on mildly compressed video but drift apart (by several hundredths) on heavily
/// distorted video.
/// </remarks>
internal static class Ssim
{
    /// <summary>The window side.</summary>
    public const int WindowSize = 11;

    /// <summary>The Gaussian σ.</summary>
    public const double Sigma = 1.5;

    private static readonly double[] Weights = MakeWeights();

    /// <summary>Mean SSIM of two planes of the same size.</summary>
    /// <param name="a">Reference plane, row-major.</param>
    /// <param name="b">Test plane, row-major.</param>
    /// <param name="width">Plane width.</param>
    /// <param name="height">Plane height.</param>
    /// <param name="bitDepth">D, for L = 2^D − 1.</param>
    public static double Compute(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b, int width, int height, int bitDepth)
    {
        double l = (1 << bitDepth) - 1;
        double c1 = 0.01 * l * 0.01 * l;
        double c2 = 0.03 * l * 0.03 * l;
        if (width < WindowSize || height < WindowSize)
        {
            return WholePlane(a, b, c1, c2);
        }

        const int N = WindowSize;
        int ow = width - N + 1;
        int oh = height - N + 1;

        // Ring of the last N horizontally filtered rows, for the five local sums: x, y, x², y², xy.
        var ring = new double[5][][];
        for (int q = 0; q < 5; q++)
        {
            ring[q] = new double[N][];
            for (int k = 0; k < N; k++)
            {
                ring[q][k] = new double[ow];
            }
        }

        double total = 0;
        for (int r = 0; r < height; r++)
        {
            ReadOnlySpan<ushort> ra = a.Slice(r * width, width);
            ReadOnlySpan<ushort> rb = b.Slice(r * width, width);
            int slot = r % N;
            double[] hx = ring[0][slot], hy = ring[1][slot], hxx = ring[2][slot], hyy = ring[3][slot], hxy = ring[4][slot];
            for (int x = 0; x < ow; x++)
            {
                double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
                for (int k = 0; k < N; k++)
                {
                    double w = Weights[k];
                    double va = ra[x + k];
                    double vb = rb[x + k];
                    sx += w * va;
                    sy += w * vb;
                    sxx += w * va * va;
                    syy += w * vb * vb;
                    sxy += w * va * vb;
                }

                hx[x] = sx;
                hy[x] = sy;
                hxx[x] = sxx;
                hyy[x] = syy;
                hxy[x] = sxy;
            }

            if (r < N - 1)
            {
                continue;
            }

            int top = r - N + 1;
            for (int x = 0; x < ow; x++)
            {
                double mx = 0, my = 0, mxx = 0, myy = 0, mxy = 0;
                for (int k = 0; k < N; k++)
                {
                    int s = (top + k) % N;
                    double w = Weights[k];
                    mx += w * ring[0][s][x];
                    my += w * ring[1][s][x];
                    mxx += w * ring[2][s][x];
                    myy += w * ring[3][s][x];
                    mxy += w * ring[4][s][x];
                }

                total += Index(mx, my, mxx - (mx * mx), myy - (my * my), mxy - (mx * my), c1, c2);
            }
        }

        return total / ((double)ow * oh);
    }

    /// <summary>
    /// Mean SSIM as ffmpeg's <c>ssim</c> filter (and x264) compute it: the plane is cut into 4×4 blocks (partial blocks at the
    /// right and bottom edges are ignored); each window is 2×2 blocks (8×8 samples, equal weights) at every block position, so
    /// windows overlap by half; per window, with 64-bit sums s1 = Σa, s2 = Σb, ss = Σa² + Σb², s12 = Σab,
    /// c1 = ⌊0.01²·L²·64 + 0.5⌋, c2 = ⌊0.03²·L²·64·63 + 0.5⌋, var = 64·ss − s1² − s2², cov = 64·s12 − s1·s2:
    /// SSIM = (2·s1·s2 + c1)(2·cov + c2) / ((s1² + s2² + c1)(var + c2)), each factor rounded to single precision as ffmpeg does.
    /// The result is the mean over the (⌊W/4⌋ − 1)·(⌊H/4⌋ − 1) windows, accumulated in double. Planes under 8×8 use
    /// the whole-plane window of <see cref="Compute"/>.
    /// </summary>
    /// <param name="a">Reference plane, row-major.</param>
    /// <param name="b">Test plane, row-major.</param>
    /// <param name="width">Plane width.</param>
    /// <param name="height">Plane height.</param>
    /// <param name="bitDepth">D, for L = 2^D − 1.</param>
    public static double ComputeBlock8x8(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b, int width, int height, int bitDepth)
    {
        int bw = width >> 2;
        int bh = height >> 2;
        if (bw < 2 || bh < 2)
        {
            double l = (1 << bitDepth) - 1;
            return WholePlane(a, b, 0.01 * l * 0.01 * l, 0.03 * l * 0.03 * l);
        }

        double max = (1 << bitDepth) - 1;
        long c1 = (long)((.01 * .01 * max * max * 64) + .5);
        long c2 = (long)((.03 * .03 * max * max * 64 * 63) + .5);
        var previous = new long[bw * 4];
        var current = new long[bw * 4];
        BlockSums(a, b, width, 0, bw, previous);
        double total = 0;
        for (int by = 1; by < bh; by++)
        {
            BlockSums(a, b, width, by, bw, current);
            for (int x = 0; x < bw - 1; x++)
            {
                int i = 4 * x;
                long s1 = previous[i] + previous[i + 4] + current[i] + current[i + 4];
                long s2 = previous[i + 1] + previous[i + 5] + current[i + 1] + current[i + 5];
                long ss = previous[i + 2] + previous[i + 6] + current[i + 2] + current[i + 6];
                long s12 = previous[i + 3] + previous[i + 7] + current[i + 3] + current[i + 7];
                long variance = (ss * 64) - (s1 * s1) - (s2 * s2);
                long covariance = (s12 * 64) - (s1 * s2);
                float numerator = (float)((2 * s1 * s2) + c1) * (float)((2 * covariance) + c2);
                float denominator = (float)((s1 * s1) + (s2 * s2) + c1) * (float)(variance + c2);
                total += numerator / denominator;
            }

            (previous, current) = (current, previous);
        }

        return total / ((double)(bh - 1) * (bw - 1));
    }

    /// <summary>Σa, Σb, Σa² + Σb², Σab of each 4×4 block in block row <paramref name="by"/>.</summary>
    private static void BlockSums(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b, int width, int by, int bw, long[] sums)
    {
        Array.Clear(sums);
        for (int y = 4 * by; y < (4 * by) + 4; y++)
        {
            ReadOnlySpan<ushort> ra = a.Slice(y * width, width);
            ReadOnlySpan<ushort> rb = b.Slice(y * width, width);
            for (int x = 0; x < 4 * bw; x++)
            {
                long va = ra[x], vb = rb[x];
                int i = 4 * (x >> 2);
                sums[i] += va;
                sums[i + 1] += vb;
                sums[i + 2] += (va * va) + (vb * vb);
                sums[i + 3] += va * vb;
            }
        }
    }

    private static double Index(double mx, double my, double vx, double vy, double cov, double c1, double c2) =>
        ((2 * mx * my) + c1) * ((2 * cov) + c2) / (((mx * mx) + (my * my) + c1) * (vx + vy + c2));

    private static double WholePlane(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b, double c1, double c2)
    {
        double n = a.Length;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double va = a[i], vb = b[i];
            sx += va;
            sy += vb;
            sxx += va * va;
            syy += vb * vb;
            sxy += va * vb;
        }

        double mx = sx / n, my = sy / n;
        return Index(mx, my, (sxx / n) - (mx * mx), (syy / n) - (my * my), (sxy / n) - (mx * my), c1, c2);
    }

    private static double[] MakeWeights()
    {
        var w = new double[WindowSize];
        double sum = 0;
        for (int i = 0; i < WindowSize; i++)
        {
            double d = i - (WindowSize / 2);
            w[i] = Math.Exp(-(d * d) / (2 * Sigma * Sigma));
            sum += w[i];
        }

        for (int i = 0; i < WindowSize; i++)
        {
            w[i] /= sum;
        }

        return w;
    }
}
