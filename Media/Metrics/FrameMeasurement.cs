namespace Asmr.Media.Metrics;

/// <summary>
/// The raw sums one frame pair contributes to <see cref="QualityMetrics"/>: integer squared errors and sample counts,
/// and the two SSIM means. Every sequence number follows from these alone, so a measurement taken on one machine and
/// added on another gives the same bits as measuring there (shard parts carry them for <c>asmrc merge</c>).
/// </summary>
/// <param name="PlaneSse">Sum of squared sample differences per plane.</param>
/// <param name="PlaneSamples">Samples per plane.</param>
/// <param name="RgbSse">Sum of squared differences over the RGB conversion; 0 when not computed.</param>
/// <param name="RgbSamples">RGB samples (3 per pixel); 0 when not computed.</param>
/// <param name="SsimY">Luma SSIM (11×11 Gaussian); NaN when not computed.</param>
/// <param name="SsimY8x8">Luma SSIM as ffmpeg computes it; NaN when not computed.</param>
/// <param name="BitDepth">Bits per sample, which sets the PSNR peak.</param>
public sealed record FrameMeasurement(
    IReadOnlyList<long> PlaneSse,
    IReadOnlyList<long> PlaneSamples,
    long RgbSse,
    long RgbSamples,
    double SsimY,
    double SsimY8x8,
    int BitDepth);
