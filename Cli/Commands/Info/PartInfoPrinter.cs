using System.Globalization;
using System.Text;
using System.Text.Json;
using Asmr.Container;

namespace Asmr.Cli.Commands.Info;

/// <summary>
/// What <c>asmrc info</c> prints for a part file (FORMAT.md §13): that it is a part, which shard and segments, the
/// fingerprints merge compares, and the metadata the merged file will carry. Checked whole first, as for a video.
/// </summary>
internal static class PartInfoPrinter
{
    /// <summary>Whether the stream starts with the part magic; the position is put back.</summary>
    public static bool IsPart(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long at = stream.Position;
        Span<byte> magic = stackalloc byte[FormatConstants.MagicLength];
        int read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        stream.Position = at;
        return read == magic.Length && magic.SequenceEqual(FormatConstants.PartMagic);
    }

    public static string Describe(AsmrPartFile file, string name, long size, bool json)
    {
        ArgumentNullException.ThrowIfNull(file);
        var part = file.Part;
        var header = file.SequenceHeader;
        int firstFrame = file.Segments[0].FirstFrame;
        int lastFrame = file.Segments[^1].FirstFrame + file.Segments[^1].FrameCount - 1;
        int lastSegment = part.FirstSegment + file.Segments.Count - 1;
        if (json)
        {
            var value = new
            {
                file = new { path = name, size_bytes = size },
                part = new
                {
                    shard = part.Shard,
                    shard_count = part.ShardCount,
                    first_segment = part.FirstSegment,
                    last_segment = lastSegment,
                    plan_segments = part.PlanSegmentCount,
                    first_frame = firstFrame,
                    last_frame = lastFrame,
                    source_sha256 = Convert.ToHexStringLower(part.SourceDigest.Span),
                    settings_sha256 = Convert.ToHexStringLower(part.SettingsDigest.Span),
                },
                video = new { width = header.Width, height = header.Height, frames = header.FrameCount },
                segments = file.Segments.Select((s, i) => new { index = part.FirstSegment + i, first_frame = s.FirstFrame, frames = s.FrameCount, model_bytes = s.ModelPayload.Length }).ToArray(),
                metadata = file.Metadata is { } m ? new { encoder = m.Encoder, encoder_version = m.EncoderVersion, source_name = m.SourceName, settings = m.Settings } : null,
            };
            return JsonSerializer.Serialize(value, Indented) + "\n";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"File:     {name}, {size:N0} bytes\n");
        text.Append(CultureInfo.InvariantCulture,
            $"Part:     a part file (asmrc encode --shard), not a whole video: shard {part.Shard}/{part.ShardCount}, segments {part.FirstSegment}-{lastSegment} of 0-{part.PlanSegmentCount - 1}, frames {firstFrame}-{lastFrame} of {header.FrameCount}; join all parts with asmrc merge\n");
        text.Append(CultureInfo.InvariantCulture, $"Video:    {header.Width}x{header.Height}, {header.FrameCount} frames\n");
        text.Append(CultureInfo.InvariantCulture, $"Source:   sha256 {Convert.ToHexStringLower(part.SourceDigest.Span)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Settings: sha256 {Convert.ToHexStringLower(part.SettingsDigest.Span)}\n");
        foreach (var (s, i) in file.Segments.Select((s, i) => (s, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"Segment {part.FirstSegment + i}: frames {s.FirstFrame}-{s.FirstFrame + s.FrameCount - 1}, model {s.ModelPayload.Length:N0} bytes\n");
        }

        if (file.Metadata is { } meta)
        {
            text.Append(CultureInfo.InvariantCulture, $"Metadata: {meta.Encoder} {meta.EncoderVersion}, source {meta.SourceName}, settings {meta.Settings?.GetRawText()}\n");
        }

        return text.ToString();
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
