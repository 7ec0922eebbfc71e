using Asmr.Cli.Commands.Info.Report;
using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Cli.Commands.Info;

/// <summary>
/// Reads an .asmr file's structure into an <see cref="InfoReport"/> with the Container's <see cref="AsmrReader"/>.
/// The whole file is verified first (framing, placement and every CRC), so a report is only printed for a file
/// that is sound; any problem surfaces as <see cref="InvalidDataException"/> (exit code 3).
/// </summary>
internal static class InfoReportReader
{
    /// <summary>Every section's CRC has been checked by <see cref="AsmrReader.Verify"/> before the report is built.</summary>
    public const string CrcVerified = "ok";

    /// <exception cref="InvalidDataException">The file is corrupt.</exception>
    /// <exception cref="NotSupportedException">The file needs a newer reader.</exception>
    public static InfoReport Read(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = AsmrReader.Open(path);
        return Read(reader, path, cancellationToken);
    }

    /// <summary>As <see cref="Read(string, CancellationToken)"/>, for a file held in <paramref name="stream"/> (stdin) and shown as <paramref name="name"/>.</summary>
    public static InfoReport Read(Stream stream, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = AsmrReader.Open(stream, leaveOpen: true);
        return Read(reader, name, cancellationToken);
    }

    private static InfoReport Read(AsmrReader reader, string path, CancellationToken cancellationToken)
    {
        reader.Verify(cancellationToken);
        var summary = reader.GetSummary();
        var sequence = summary.SequenceHeader;

        var segments = new List<SegmentSummary>(summary.Segments.Count);
        foreach (var entry in summary.Segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            segments.Add(ReadSegment(reader, entry, sequence, summary.Sections));
        }

        var colour = sequence.Color;
        return new InfoReport(
            new FileSummary(path, summary.FileLength),
            new FormatSummary(summary.Header.FormatVersion, summary.Header.MinReaderVersion),
            new VideoSummary(
                sequence.Width,
                sequence.Height,
                sequence.FrameCount,
                sequence.FrameRate.Numerator,
                sequence.FrameRate.Denominator,
                InfoNames.Chroma(sequence.ChromaFormat),
                sequence.BitDepth,
                new ColourSummary(
                    new CodeName(colour.Primaries, InfoNames.Primaries(colour.Primaries)),
                    new CodeName(colour.Transfer, InfoNames.Transfer(colour.Transfer)),
                    new CodeName(colour.Matrix, InfoNames.Matrix(colour.Matrix)),
                    colour.FullRange,
                    new CodeName(colour.ChromaSamplePosition, InfoNames.ChromaSamplePosition(colour.ChromaSamplePosition)))),
            segments,
            summary.Metadata is { } metadata ? Summarize(metadata) : null,
            [.. summary.Sections.Select(s => new SectionSummary(s.Tag, s.IsCritical, s.Offset, s.Length, s.IsCompressed, s.UncompressedLength, CrcVerified))]);
    }

    private static SegmentSummary ReadSegment(AsmrReader reader, SegmentIndexEntry entry, SequenceHeader sequence, IReadOnlyList<SectionInfo> sections)
    {
        ReadOnlyMemory<byte> payload = reader.ReadSegmentModel(entry.Index);
        var expected = new ModelPayloadExpectations(entry.FirstFrame, entry.FrameCount, sequence.Width, sequence.Height, sequence.ChromaFormat)
        {
            FileMinReaderVersion = reader.Header.MinReaderVersion,
        };

        // Offsets in error messages: the model payload follows the section header and the 4-byte segment_index
        // (only meaningful when the section is stored uncompressed).
        var section = sections.FirstOrDefault(s => s.Segment == entry.Index);
        long baseOffset = section is { IsCompressed: false } ? section.Offset + (section.Length - section.StoredLength - 4) + 4 : 0;

        SegmentModel model = ModelPayloadReader.Read(payload.Span, expected, baseOffset);
        var statistics = ModelPayloadStatistics.FromPayload(payload.Span, expected, baseOffset);
        return new SegmentSummary(
            entry.Index,
            entry.FirstFrame,
            entry.FrameCount,
            payload.Length,
            ArchitectureSummary.From(model.Architecture),
            [.. statistics.Tensors.Select(t => new TensorSummary(
                InfoNames.Role(t.Role),
                t.Level,
                t.Rows,
                t.Columns,
                InfoNames.Coding(t.Coding),
                t.Multiplier,
                t.CodedBytes,
                t.EntropyBytes))]);
    }

    private static MetadataSummary Summarize(Metadata metadata)
    {
        var quality = new List<KeyValuePair<string, double>>();
        if (metadata.Quality is { } q)
        {
            Add(quality, "psnr_y", q.PsnrY);
            Add(quality, "psnr_yuv", q.PsnrYuv);
            Add(quality, "psnr_rgb", q.PsnrRgb);
            Add(quality, "ssim", q.Ssim);
            Add(quality, "bpp", q.Bpp);
            Add(quality, "encode_seconds", q.EncodeSeconds);
            foreach (var (key, value) in q.AdditionalProperties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (value.ValueKind == System.Text.Json.JsonValueKind.Number && value.TryGetDouble(out double number))
                {
                    quality.Add(new(key, number));
                }
            }
        }

        return new MetadataSummary(
            metadata.Encoder,
            metadata.EncoderVersion,
            metadata.SourceName,
            metadata.Created,
            metadata.Settings,
            quality,
            [.. metadata.Extra.OrderBy(p => p.Key, StringComparer.Ordinal)]);
    }

    private static void Add(List<KeyValuePair<string, double>> list, string key, double? value)
    {
        if (value is { } v)
        {
            list.Add(new(key, v));
        }
    }
}
