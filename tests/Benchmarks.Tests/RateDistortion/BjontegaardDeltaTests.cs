using Asmr.Benchmarks.RateDistortion;

namespace Asmr.Benchmarks.Tests.RateDistortion;

public class BjontegaardDeltaTests
{
    private static readonly CurvePoint[] Anchor =
    [
        new(0.02, 28.1), new(0.05, 31.0), new(0.11, 34.2), new(0.25, 37.0), new(0.6, 40.3), new(1.4, 43.9),
    ];

    [Theory]
    [InlineData(1.5)]
    [InlineData(0.8)]
    [InlineData(3.0)]
    public void Rate_AnchorRatesScaledByConstant_GivesExactlyThatFactor(double factor)
    {
        // Same PSNRs at factor × the anchor's rates: ln(rate) shifts by ln(factor) everywhere, so does the fit.
        var test = Anchor.Select(p => p with { Rate = p.Rate * factor }).ToArray();

        var result = BjontegaardDelta.Rate(Anchor, test);

        Assert.NotNull(result.Percent);
        Assert.Equal(100 * (factor - 1), result.Percent!.Value, precision: 9);
        Assert.Equal(28.1, result.OverlapLow, precision: 12);
        Assert.Equal(43.9, result.OverlapHigh, precision: 12);
    }

    [Fact]
    public void Rate_TwoPointLines_MatchesHandComputedIntegral()
    {
        // Anchor: log10 r = (P − 30)/10 through (30 dB, 1) and (40 dB, 10). Test: log10 r = (P − 30)/5 through
        // (30 dB, 1) and (40 dB, 100). Mean of their difference (P − 30)/10 over [30, 40] is 0.5 (in log10), so the
        // test needs 10^0.5 − 1 = +216.2 % more rate.
        CurvePoint[] anchor = [new(1, 30), new(10, 40)];
        CurvePoint[] test = [new(1, 30), new(100, 40)];

        var result = BjontegaardDelta.Rate(anchor, test);

        Assert.Equal(100 * (Math.Sqrt(10) - 1), result.Percent!.Value, precision: 9);
    }

    [Fact]
    public void Rate_PartialOverlap_IntegratesOnlyTheSharedRange()
    {
        // Test covers 35–50 dB, anchor 28.1–43.9 dB: the result is over 35–43.9 dB.
        var test = new CurvePoint[] { new(0.3, 35), new(1.0, 40), new(3.0, 45), new(9.0, 50) };

        var result = BjontegaardDelta.Rate(Anchor, test);

        Assert.NotNull(result.Percent);
        Assert.Equal(35, result.OverlapLow, precision: 12);
        Assert.Equal(43.9, result.OverlapHigh, precision: 12);
        Assert.True(result.Percent > 0, result.Format());
    }

    [Fact]
    public void Rate_NoOverlap_IsNotApplicableAndNamesBothRanges()
    {
        CurvePoint[] test = [new(0.05, 22.0), new(0.1, 24.5)];

        var result = BjontegaardDelta.Rate(Anchor, test);

        Assert.Null(result.Percent);
        Assert.Equal("n/a (no overlap: asmrc 22.00–24.50 dB, anchor 28.10–43.90 dB)", result.Format());
    }

    [Fact]
    public void Rate_OneTestPointInsideOverlap_IsNotApplicable()
    {
        CurvePoint[] test = [new(0.05, 20.0), new(0.1, 29.0)];

        var result = BjontegaardDelta.Rate(Anchor, test);

        Assert.Null(result.Percent);
        Assert.StartsWith("n/a (1 asmrc point(s) in the overlap 28.10–29.00 dB", result.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_SingleTestPoint_IsNotApplicable()
    {
        var result = BjontegaardDelta.Rate(Anchor, [new(0.1, 33)], "asmrc medium");

        Assert.Equal("n/a (asmrc medium has 1 usable point(s); 2 are needed)", result.Format());
    }

    [Fact]
    public void Fit_CubicThroughFourPoints_Interpolates()
    {
        CurvePoint[] points = [new(0.02, 28), new(0.07, 31), new(0.3, 36), new(0.9, 41)];

        var fit = BjontegaardDelta.Fit(points);

        Assert.Equal(4, fit.Coefficients.Length);
        foreach (var p in points)
        {
            Assert.Equal(Math.Log(p.Rate), fit.Evaluate(p.Psnr), precision: 9);
        }
    }
}
