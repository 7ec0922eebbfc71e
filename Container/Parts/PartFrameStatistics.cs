namespace Asmr.Container;

/// <summary>
/// What the encoder measured on one decoded frame of a part against its source (FORMAT.md §13.2): integer squared
/// errors and sample counts, and two SSIM means stored as their exact binary64 bits, so <c>asmrc merge</c> computes the
/// same quality numbers as an encode that measured every frame itself.
/// </summary>
/// <param name="PlaneSse">Sum of squared sample differences per plane (1 or 3 planes, as the SEQH chroma format has).</param>
/// <param name="PlaneSamples">Samples per plane.</param>
/// <param name="RgbSse">Sum of squared differences after conversion to RGB.</param>
/// <param name="RgbSamples">RGB samples.</param>
/// <param name="SsimY">Luma SSIM (11×11 Gaussian).</param>
/// <param name="SsimY8x8">Luma SSIM on 8×8 blocks.</param>
public sealed record PartFrameStatistics(
    IReadOnlyList<long> PlaneSse,
    IReadOnlyList<long> PlaneSamples,
    long RgbSse,
    long RgbSamples,
    double SsimY,
    double SsimY8x8);
