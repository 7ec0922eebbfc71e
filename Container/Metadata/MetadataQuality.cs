using System.Text.Json;

namespace Asmr.Container;

/// <summary>Measured quality and cost of an encode (the "quality" object of FORMAT.md §7.4). Every value is optional and finite.</summary>
public sealed class MetadataQuality
{
    /// <summary>PSNR of luma in dB ("psnr_y").</summary>
    public double? PsnrY { get; init; }

    /// <summary>PSNR over all YUV samples in dB ("psnr_yuv").</summary>
    public double? PsnrYuv { get; init; }

    /// <summary>PSNR in RGB in dB ("psnr_rgb").</summary>
    public double? PsnrRgb { get; init; }

    /// <summary>SSIM, 0..1 ("ssim").</summary>
    public double? Ssim { get; init; }

    /// <summary>Bits per pixel ("bpp").</summary>
    public double? Bpp { get; init; }

    /// <summary>Encoding wall time in seconds ("encode_seconds").</summary>
    public double? EncodeSeconds { get; init; }

    /// <summary>Keys this version does not define, kept as they were read.</summary>
    public IDictionary<string, JsonElement> AdditionalProperties { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
