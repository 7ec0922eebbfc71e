using System.Globalization;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// The Bjøntegaard delta rate (VCEG-M33): fit each curve's log(rate) as a polynomial of PSNR (cubic when a curve has
/// four or more points, else of degree points − 1, least squares), integrate both over the PSNR interval the two
/// curves share, and turn the mean log-rate difference into a percentage: exp(mean(ln r_test − ln r_anchor)) − 1.
/// Nothing is extrapolated: without an overlap, or with fewer than two test points inside it, there is no number.
/// </summary>
internal static class BjontegaardDelta
{
    /// <summary>The highest polynomial degree of a fit (the classic method's cubic).</summary>
    public const int MaxDegree = 3;

    /// <summary>BD-rate of <paramref name="test"/> (asmrc) against <paramref name="anchor"/>.</summary>
    /// <param name="anchor">The anchor's points (rate &gt; 0), any order.</param>
    /// <param name="test">The tested codec's points (rate &gt; 0), any order.</param>
    /// <param name="testName">The tested curve's name in messages.</param>
    public static BdRateResult Rate(IReadOnlyList<CurvePoint> anchor, IReadOnlyList<CurvePoint> test, string testName = "asmrc")
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(test);
        var a = Usable(anchor);
        var t = Usable(test);
        if (a.Length < 2)
        {
            return new BdRateResult(null, $"the anchor has {a.Length} usable point(s); 2 are needed");
        }

        if (t.Length < 2)
        {
            return new BdRateResult(null, $"{testName} has {t.Length} usable point(s); 2 are needed");
        }

        double aLow = a.Min(p => p.Psnr), aHigh = a.Max(p => p.Psnr);
        double tLow = t.Min(p => p.Psnr), tHigh = t.Max(p => p.Psnr);
        double low = Math.Max(aLow, tLow), high = Math.Min(aHigh, tHigh);
        string ranges = string.Create(CultureInfo.InvariantCulture, $"{testName} {tLow:0.00}–{tHigh:0.00} dB, anchor {aLow:0.00}–{aHigh:0.00} dB");
        if (!(high > low))
        {
            return new BdRateResult(null, $"no overlap: {ranges}");
        }

        int inside = t.Count(p => p.Psnr >= low && p.Psnr <= high);
        if (inside < 2)
        {
            return new BdRateResult(null, string.Create(CultureInfo.InvariantCulture, $"{inside} {testName} point(s) in the overlap {low:0.00}–{high:0.00} dB: {ranges}"));
        }

        double meanDiff = (Integral(Fit(t), low, high) - Integral(Fit(a), low, high)) / (high - low);
        return new BdRateResult(100.0 * (Math.Exp(meanDiff) - 1.0), null, low, high);
    }

    /// <summary>Points with a positive, finite rate and a finite PSNR.</summary>
    private static CurvePoint[] Usable(IReadOnlyList<CurvePoint> points) =>
        [.. points.Where(p => p.Rate > 0 && double.IsFinite(p.Rate) && double.IsFinite(p.Psnr))];

    /// <summary>
    /// Least-squares polynomial ln(rate) ≈ Σ c_k·u^k with u = (psnr − center)/scale (centred and scaled so the normal
    /// equations stay well conditioned). Degree: min(3, distinct PSNRs − 1).
    /// </summary>
    internal static Polynomial Fit(IReadOnlyList<CurvePoint> points)
    {
        double center = points.Average(p => p.Psnr);
        double scale = Math.Max(1e-9, points.Max(p => Math.Abs(p.Psnr - center)));
        int distinct = points.Select(p => p.Psnr).Distinct().Count();
        int degree = Math.Min(MaxDegree, distinct - 1);
        int n = degree + 1;
        var matrix = new double[n, n + 1];
        foreach (var p in points)
        {
            double u = (p.Psnr - center) / scale;
            double y = Math.Log(p.Rate);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    matrix[i, j] += Math.Pow(u, i + j);
                }

                matrix[i, n] += Math.Pow(u, i) * y;
            }
        }

        return new Polynomial(Solve(matrix, n), center, scale);
    }

    /// <summary>∫ p(x) dx from <paramref name="low"/> to <paramref name="high"/> (x in dB).</summary>
    internal static double Integral(Polynomial p, double low, double high)
    {
        double Antiderivative(double x)
        {
            double u = (x - p.Center) / p.Scale;
            double sum = 0;
            for (int k = 0; k < p.Coefficients.Length; k++)
            {
                sum += p.Coefficients[k] * Math.Pow(u, k + 1) / (k + 1);
            }

            return sum * p.Scale;
        }

        return Antiderivative(high) - Antiderivative(low);
    }

    /// <summary>Gaussian elimination with partial pivoting of an n×(n+1) augmented matrix.</summary>
    private static double[] Solve(double[,] m, int n)
    {
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            for (int j = 0; j <= n; j++)
            {
                (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
            }

            for (int row = 0; row < n; row++)
            {
                if (row == col)
                {
                    continue;
                }

                double factor = m[row, col] / m[col, col];
                for (int j = col; j <= n; j++)
                {
                    m[row, j] -= factor * m[col, j];
                }
            }
        }

        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = m[i, n] / m[i, i];
        }

        return x;
    }
}
