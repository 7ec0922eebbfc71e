using Asmr.Media.Metrics;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>One measured rate-distortion point: an encode of a clip's frames, decoded and compared with the source.</summary>
internal sealed record RdPoint
{
    /// <summary>"asmrc", "x264", "x265" or "mean frame" (<see cref="MeanFrameAnchor"/>).</summary>
    public required string Codec { get; init; }

    /// <summary>The encoder preset.</summary>
    public required string Preset { get; init; }

    /// <summary>The rate parameter as given to the encoder: "crf 28", or "0.05 bpp (--size 633)".</summary>
    public required string RateParameter { get; init; }

    /// <summary>CRF of an anchor point; null for asmrc.</summary>
    public int? Crf { get; init; }

    /// <summary>Target bits per pixel of an asmrc point; null for anchors.</summary>
    public double? TargetBpp { get; init; }

    /// <summary>The real size of the file the encoder wrote, in bytes.</summary>
    public required long Bytes { get; init; }

    /// <summary>8·<see cref="Bytes"/> / (width·height·frames).</summary>
    public required double Bpp { get; init; }

    /// <summary>Pooled luma PSNR, dB.</summary>
    public required double PsnrY { get; init; }

    /// <summary>PSNR of (6·MSE_Y + MSE_Cb + MSE_Cr) / 8, dB.</summary>
    public required double PsnrYuv { get; init; }

    /// <summary>Pooled RGB PSNR, dB.</summary>
    public required double PsnrRgb { get; init; }

    /// <summary>Mean luma SSIM as ffmpeg's <c>ssim</c> filter computes it (8×8 windows on a 4-sample grid).</summary>
    public required double Ssim { get; init; }

    /// <summary>Wall-clock time of the encoder process, seconds.</summary>
    public required double EncodeSeconds { get; init; }

    /// <summary>Decoded frames per second (asmrc: its in-process decoder; anchors: ffmpeg's -benchmark rtime).</summary>
    public required double DecodeFps { get; init; }

    /// <summary>asmrc only: multiply-accumulates per pixel of the decoder (frame-weighted over segments).</summary>
    public double? MacsPerPixel { get; init; }

    /// <summary>asmrc only: MAC per pixel of a plain SIREN of the same depth and width.</summary>
    public double? SirenMacsPerPixel { get; init; }

    /// <summary>asmrc only: the first segment's architecture, e.g. "L=5 H=80".</summary>
    public string? Architecture { get; init; }

    /// <summary>The encode command as it ran (in the clip's work folder).</summary>
    public required string EncodeCommand { get; init; }

    /// <summary>A point of <paramref name="bytes"/> over <paramref name="pixels"/> (width·height·frames) measured as <paramref name="quality"/>.</summary>
    public static RdPoint Measured(
        string codec, string preset, string rateParameter, long bytes, double pixels, SequenceQuality quality, double encodeSeconds, double decodeFps, string encodeCommand) => new()
    {
        Codec = codec,
        Preset = preset,
        RateParameter = rateParameter,
        Bytes = bytes,
        Bpp = 8.0 * bytes / pixels,
        PsnrY = quality.PsnrY,
        PsnrYuv = quality.PsnrYuv,
        PsnrRgb = quality.PsnrRgb,
        Ssim = quality.SsimY8x8,
        EncodeSeconds = encodeSeconds,
        DecodeFps = decodeFps,
        EncodeCommand = encodeCommand,
    };

    /// <summary>The curve the point belongs to: "x264 medium", "asmrc fast".</summary>
    public string Series => $"{Codec} {Preset}";
}
