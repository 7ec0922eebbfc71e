namespace Asmr.Media.Metrics;

/// <summary>Quality of one test frame against its reference frame.</summary>
/// <remarks>
/// MSE is the mean of squared sample differences in the frames' own sample units (D bits). PSNR = 10·log10((2^D − 1)² / MSE),
/// capped at <see cref="QualityMetrics.MaxPsnr"/> dB (also when MSE is 0).
/// </remarks>
public sealed record FrameQuality
{
    /// <summary>0-based index of the frame in the compared sequence.</summary>
    public required int Index { get; init; }

    /// <summary>MSE per plane: Y, Cb, Cr (or G, B, R for identity-matrix frames); one entry for 4:0:0.</summary>
    public required IReadOnlyList<double> PlaneMse { get; init; }

    /// <summary>PSNR per plane, in dB, same order as <see cref="PlaneMse"/>.</summary>
    public required IReadOnlyList<double> PlanePsnr { get; init; }

    /// <summary>PSNR of plane 0 (luma), in dB.</summary>
    public double PsnrY => PlanePsnr[0];

    /// <summary>MSE_YUV = (6·MSE_Y + MSE_Cb + MSE_Cr) / 8 (weights 6, 1, 1 over the per-plane MSEs); MSE_Y for 4:0:0.</summary>
    public required double MseYuv { get; init; }

    /// <summary>PSNR of <see cref="MseYuv"/>, in dB.</summary>
    public required double PsnrYuv { get; init; }

    /// <summary>MSE over all three channels of the RGB conversion (<c>YuvToRgb</c> at the frames' bit depth); NaN if not computed.</summary>
    public required double MseRgb { get; init; }

    /// <summary>PSNR of <see cref="MseRgb"/>, in dB; NaN if not computed.</summary>
    public required double PsnrRgb { get; init; }

    /// <summary>Mean SSIM of the luma plane (Wang et al., 11×11 Gaussian, σ = 1.5); NaN if not computed.</summary>
    public required double SsimY { get; init; }

    /// <summary>
    /// Mean SSIM of the luma plane computed as ffmpeg's <c>ssim</c> filter and x264 do (8×8 box windows on a 4-sample grid),
    /// for comparison with their numbers; NaN if not computed.
    /// </summary>
    public required double SsimY8x8 { get; init; }
}
