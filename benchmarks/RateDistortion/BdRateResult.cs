using System.Globalization;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// A Bjøntegaard delta rate: <see cref="Percent"/> is how many percent more (positive) or fewer (negative) bits the test
/// codec needs than the anchor for the same PSNR, averaged over the PSNR range both curves cover; or null with the
/// <see cref="Reason"/> it cannot be computed without extrapolating.
/// </summary>
internal sealed record BdRateResult(double? Percent, string? Reason, double OverlapLow = double.NaN, double OverlapHigh = double.NaN)
{
    /// <summary>"+123.4 %" or "n/a (reason)".</summary>
    public string Format() => Percent is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{p:+0.0;-0.0;0.0} % (over {OverlapLow:0.0}–{OverlapHigh:0.0} dB)")
        : $"n/a ({Reason})";
}
