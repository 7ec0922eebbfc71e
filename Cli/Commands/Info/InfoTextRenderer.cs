using System.Globalization;
using Asmr.Cli.Commands.Info.Report;

namespace Asmr.Cli.Commands.Info;

/// <summary>Writes an <see cref="InfoReport"/> as readable, aligned text.</summary>
internal static class InfoTextRenderer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] SectionHeadings = ["offset", "size", "tag", "kind", "payload", "crc"];
    private static readonly bool[] SectionAlignment = [true, true, false, false, true, false];
    private static readonly string[] TensorHeadings = ["tensor", "level", "shape", "coding", "step", "coded B", "order-0 B", "ratio"];
    private static readonly bool[] TensorAlignment = [false, true, true, false, true, true, true, true];

    public static void Write(InfoReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var video = report.Video;
        Field(output, "File", $"{report.File.Path} ({Bytes(report.File.SizeBytes)})");
        Field(output, "Format", $"version {report.Format.Version}, needs a reader of version {report.Format.MinReaderVersion} or later");
        Field(output, "Video", string.Create(
            Invariant,
            $"{video.Width}x{video.Height}, {video.Frames} frames at {Fps(video)} fps ({video.DurationSeconds:0.###} s), {video.ChromaFormat}, {video.BitDepth}-bit"));
        var colour = video.Colour;
        Field(output, "Colour", $"primaries {Named(colour.Primaries)}, transfer {Named(colour.Transfer)}, matrix {Named(colour.Matrix)}, "
            + $"{(colour.FullRange ? "full" : "limited")} range, chroma siting {Named(colour.ChromaSamplePosition)}");
        // The whole file, container included; the metadata's bpp (below) counts the models alone.
        Field(output, "Rate", string.Create(Invariant, $"{report.BitsPerSecond / 1000:0.##} kb/s, {report.BitsPerPixel:0.####} bits per pixel (whole file)"));

        output.WriteLine();
        output.WriteLine($"Segments ({report.Segments.Count})");
        foreach (var segment in report.Segments)
        {
            WriteSegment(output, segment);
        }

        if (report.Metadata is { } metadata)
        {
            output.WriteLine();
            output.WriteLine("Metadata");
            WriteMetadata(output, metadata);
        }

        output.WriteLine();
        output.WriteLine($"Sections ({report.Sections.Count})");
        var rows = new List<string[]> { SectionHeadings };
        rows.AddRange(report.Sections.Select(s => new[]
        {
            s.Offset.ToString(Invariant),
            s.Size.ToString(Invariant),
            s.Tag,
            s.Critical ? "critical" : "ancillary",
            s.Compressed ? $"{s.PayloadBytes.ToString(Invariant)} (lz4)" : s.PayloadBytes.ToString(Invariant),
            s.Crc,
        }));
        WriteTable(output, rows, rightAligned: SectionAlignment, indent: "  ");
    }

    private static void WriteSegment(TextWriter output, SegmentSummary segment)
    {
        output.WriteLine(string.Create(
            Invariant,
            $"  #{segment.Index}  frames {segment.FirstFrame}-{segment.LastFrame} ({segment.Frames}), model {Bytes(segment.ModelBytes)}"));
        if (segment.Architecture is not { } a)
        {
            output.WriteLine("      (model payload not readable)");
            return;
        }

        string bases = string.Join(", ", ArchitectureSummary.AxisNames.Select(axis => $"{axis} {string.Join('x', a.Bases[axis])}"));
        output.WriteLine(string.Create(
            Invariant,
            $"      {a.Levels} levels, bases {bases}, width {a.Width}, {a.OutputChannels} output{(a.OutputChannels == 1 ? string.Empty : "s")}"));
        output.WriteLine($"      modulation {string.Join(", ", a.Modulation)}");
        if (a.Grids.Count > 0)
        {
            string grids = string.Join(", ", a.Grids.Select(g => string.Create(
                Invariant,
                $"level {g.Level} rank {g.Rank} over {g.TemporalCells} time cell{(g.TemporalCells == 1 ? string.Empty : "s")}{(g.ContextHidden > 0 ? $" (context model of {g.ContextHidden} hidden)" : string.Empty)}{(g.Interpolated ? $" interpolated onto level {g.Level + 1}" : string.Empty)}")));
            output.WriteLine(string.Create(Invariant, $"      latent grids: {grids} ({a.Latents:N0} latents)"));
        }

        if (a.MotionBlockSize > 0)
        {
            output.WriteLine(string.Create(Invariant, $"      motion field: one vector per {a.MotionBlockSize}x{a.MotionBlockSize} block and frame; each frame is shown warped along it"));
        }

        if (a.FilterRadius > 0)
        {
            output.WriteLine(string.Create(Invariant, $"      output filter: a diamond of radius {a.FilterRadius} per plane, applied to every frame as shown"));
        }

        output.WriteLine(string.Create(
            Invariant,
            $"      {a.Parameters:N0} parameters, {a.MacsPerPixel:N1} MAC/pixel (a SIREN of the same shape: {a.SirenMacsPerPixel:N1} MAC/pixel)"));
        if (segment.Tensors.Count == 0)
        {
            return;
        }

        var rows = new List<string[]> { TensorHeadings };
        rows.AddRange(segment.Tensors.Select(t => new[]
        {
            t.Role,
            t.Level.ToString(Invariant),
            string.Create(Invariant, $"{t.Rows}x{t.Columns}"),
            t.Coding,
            t.Multiplier.ToString(Invariant),
            t.CodedBytes.ToString(Invariant),
            t.EntropyBytes.ToString("0.0", Invariant),
            t.Ratio is { } r ? r.ToString("0.000", Invariant) : "-",
        }));
        rows.Add(
        [
            "total", string.Empty, string.Empty, string.Empty, string.Empty,
            segment.CodedBytes.ToString(Invariant),
            segment.EntropyBytes.ToString("0.0", Invariant),
            segment.EntropyBytes > 0 ? (segment.CodedBytes / segment.EntropyBytes).ToString("0.000", Invariant) : "-",
        ]);
        WriteTable(output, rows, rightAligned: TensorAlignment, indent: "      ");
        output.WriteLine(string.Create(Invariant, $"      + {segment.OverheadBytes} bytes of model and tensor headers"));
        if (segment.HasContextModels)
        {
            output.WriteLine($"      coded bytes by component: {string.Join(", ", segment.Components.Select(c => string.Create(Invariant, $"{c.Name} {c.Bytes:N0}")))}");
        }
    }

    private static void WriteMetadata(TextWriter output, MetadataSummary metadata)
    {
        if (metadata.Encoder is not null || metadata.EncoderVersion is not null)
        {
            Field(output, "  encoder", string.Join(' ', new[] { metadata.Encoder, metadata.EncoderVersion }.Where(s => s is not null)));
        }

        if (metadata.SourceName is not null)
        {
            Field(output, "  source", metadata.SourceName);
        }

        if (metadata.Created is { } created)
        {
            Field(output, "  created", created.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant));
        }

        if (metadata.Settings is { } settings)
        {
            // Re-serialised so that settings stored as indented JSON still print on one line.
            Field(output, "  settings", settings.ValueKind == System.Text.Json.JsonValueKind.String
                ? settings.GetString() ?? string.Empty
                : System.Text.Json.JsonSerializer.Serialize(settings));
        }

        if (metadata.Quality.Count > 0)
        {
            Field(output, "  quality", string.Join(", ", metadata.Quality.Select(q => string.Create(Invariant, $"{q.Key} {q.Value:0.####}{QualityNote(q.Key)}"))));
        }

        if (metadata.Extra.Count > 0)
        {
            Field(output, "  extra", string.Join(", ", metadata.Extra.Select(p => $"{p.Key}={p.Value}")));
        }
    }

    /// <summary>The encoder stores the models' bits per pixel, which differs from the Rate line's (the whole file): say which it is.</summary>
    private static string QualityNote(string key) => key == "bpp" ? " (models only, without the container)" : string.Empty;

    private static void Field(TextWriter output, string name, string value) =>
        output.WriteLine($"{name.PadRight(10)}  {value}");

    private static string Named(CodeName value) => string.Create(Invariant, $"{value.Name} ({value.Code})");

    private static string Bytes(long bytes) => string.Create(Invariant, $"{bytes:N0} bytes");

    private static string Fps(VideoSummary video) => video.FpsDenominator == 1
        ? video.FpsNumerator.ToString(Invariant)
        : string.Create(Invariant, $"{video.Fps:0.###} ({video.FpsNumerator}/{video.FpsDenominator})");

    private static void WriteTable(TextWriter output, List<string[]> rows, bool[] rightAligned, string indent)
    {
        int columns = rows[0].Length;
        int[] widths = [.. Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length))];
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => rightAligned[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            output.WriteLine(indent + string.Join("  ", cells).TrimEnd());
        }
    }
}
