using System.Globalization;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>One asmrc encode of the run: a preset and a target rate.</summary>
/// <param name="Preset">fast, medium or slow.</param>
/// <param name="BitsPerPixel">Target size in bits per luma pixel of the whole file; the encoder gets <c>--size</c> in bytes.</param>
internal sealed record AsmrcRatePoint(string Preset, double BitsPerPixel)
{
    /// <summary>The <c>--size</c> argument for a clip of <paramref name="pixels"/> luma samples (width·height·frames).</summary>
    public long TargetBytes(double pixels) => (long)Math.Round(BitsPerPixel * pixels / 8.0);

    /// <summary>"asmrc fast", the curve's name.</summary>
    public string Series => $"asmrc {Preset}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Preset}@{BitsPerPixel:0.####}");
}
