using System.Text.Json;

namespace Asmr.Cli.Commands.Info.Report;

/// <summary>The meta section: encoder, settings, source, creation time, measured quality, extras.</summary>
/// <param name="Settings">The encoder settings as stored (a JSON object or string), if any.</param>
/// <param name="Quality">Measured values by their FORMAT.md key (psnr_y, psnr_yuv, psnr_rgb, ssim, bpp, encode_seconds).</param>
/// <param name="Extra">Free-form string pairs.</param>
internal sealed record MetadataSummary(
    string? Encoder,
    string? EncoderVersion,
    string? SourceName,
    DateTimeOffset? Created,
    JsonElement? Settings,
    IReadOnlyList<KeyValuePair<string, double>> Quality,
    IReadOnlyList<KeyValuePair<string, string>> Extra);
