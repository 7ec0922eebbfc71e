namespace Asmr.Benchmarks.RateDistortion;

/// <summary>p(x) = Σ Coefficients[k]·((x − Center)/Scale)^k, a fit of ln(rate) against PSNR.</summary>
internal sealed record Polynomial(double[] Coefficients, double Center, double Scale)
{
    /// <summary>p(x).</summary>
    public double Evaluate(double x)
    {
        double u = (x - Center) / Scale;
        double sum = 0;
        for (int k = Coefficients.Length - 1; k >= 0; k--)
        {
            sum = (sum * u) + Coefficients[k];
        }

        return sum;
    }
}
