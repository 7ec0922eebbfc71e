namespace Asmr.Media.Metrics;

/// <summary>
/// Quality of a whole test sequence against its reference. Two PSNR averages are given, and they differ:
/// <list type="bullet">
/// <item><c>Psnr*</c> (pooled): PSNR of the MSE over every sample of every frame (the sum of squared errors over the sequence
/// divided by the number of samples). This is what ffmpeg's <c>psnr</c> filter prints in its summary line.</item>
/// <item><c>MeanFramePsnr*</c>: the arithmetic mean of the per-frame PSNRs (each already capped at 100 dB).</item>
/// </list>
/// </summary>
public sealed record SequenceQuality
{
    /// <summary>Number of frame pairs compared.</summary>
    public required int FrameCount { get; init; }

    /// <summary>Per-frame results, in order.</summary>
    public required IReadOnlyList<FrameQuality> Frames { get; init; }

    /// <summary>Pooled MSE per plane over the sequence.</summary>
    public required IReadOnlyList<double> PlaneMse { get; init; }

    /// <summary>Pooled PSNR per plane (from <see cref="PlaneMse"/>), in dB.</summary>
    public required IReadOnlyList<double> PlanePsnr { get; init; }

    /// <summary>Mean of per-frame PSNR per plane, in dB.</summary>
    public required IReadOnlyList<double> MeanFramePlanePsnr { get; init; }

    /// <summary>Pooled luma PSNR, in dB.</summary>
    public double PsnrY => PlanePsnr[0];

    /// <summary>Mean of per-frame luma PSNR, in dB.</summary>
    public double MeanFramePsnrY => MeanFramePlanePsnr[0];

    /// <summary>PSNR of (6·MSE_Y + MSE_Cb + MSE_Cr) / 8 over the pooled plane MSEs, in dB.</summary>
    public required double PsnrYuv { get; init; }

    /// <summary>Mean of per-frame <see cref="FrameQuality.PsnrYuv"/>, in dB.</summary>
    public required double MeanFramePsnrYuv { get; init; }

    /// <summary>Pooled RGB PSNR, in dB; NaN if not computed.</summary>
    public required double PsnrRgb { get; init; }

    /// <summary>Mean of per-frame RGB PSNR, in dB; NaN if not computed.</summary>
    public required double MeanFramePsnrRgb { get; init; }

    /// <summary>Mean of per-frame luma SSIM (Wang et al., 11×11 Gaussian); NaN if not computed.</summary>
    public required double SsimY { get; init; }

    /// <summary>Mean of per-frame <see cref="FrameQuality.SsimY8x8"/> (ffmpeg's and x264's SSIM); NaN if not computed.</summary>
    public required double SsimY8x8 { get; init; }
}
