using Asmr.Container;
using Asmr.Media.Metrics;

namespace Asmr.Cli.Commands.Encode;

/// <summary>
/// The quality numbers an encode stores in the metadata, rounded as stored. One place, because <c>asmrc merge</c> must
/// store exactly what a single-machine encode stores.
/// </summary>
internal static class StoredQuality
{
    public static MetadataQuality From(SequenceQuality quality, double modelBitsPerPixel)
    {
        ArgumentNullException.ThrowIfNull(quality);
        return new MetadataQuality
        {
            PsnrY = Math.Round(quality.PsnrY, 3),
            PsnrYuv = Math.Round(quality.PsnrYuv, 3),
            PsnrRgb = Math.Round(quality.PsnrRgb, 3),
            Ssim = Math.Round(quality.SsimY, 5),
            Bpp = Math.Round(modelBitsPerPixel, 5),
        };
    }

    /// <summary>The models' bits per pixel: MODL payloads (segment_index included), container excluded (FORMAT.md §7.4).</summary>
    public static double ModelBitsPerPixel(SequenceHeader header, IReadOnlyList<AsmrSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(segments);
        return 8.0 * segments.Sum(s => (long)s.ModelPayload.Length + 4) / ((double)header.Width * header.Height * header.FrameCount);
    }
}
