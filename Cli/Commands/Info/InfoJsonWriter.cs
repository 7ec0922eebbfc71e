using System.Text.Json;
using Asmr.Cli.Commands.Info.Report;

namespace Asmr.Cli.Commands.Info;

/// <summary>
/// Writes an <see cref="InfoReport"/> as JSON. The key names are a stable interface, listed in README.md
/// ("info --json keys"); add keys freely, never rename or remove one.
/// </summary>
internal static class InfoJsonWriter
{
    public static void Write(InfoReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();

        json.WriteStartObject("file");
        json.WriteString("path", report.File.Path);
        json.WriteNumber("size_bytes", report.File.SizeBytes);
        json.WriteEndObject();

        json.WriteStartObject("format");
        json.WriteNumber("version", report.Format.Version);
        json.WriteNumber("min_reader_version", report.Format.MinReaderVersion);
        json.WriteEndObject();

        WriteVideo(json, report);

        json.WriteStartArray("segments");
        foreach (var segment in report.Segments)
        {
            WriteSegment(json, segment);
        }

        json.WriteEndArray();

        if (report.Metadata is { } metadata)
        {
            WriteMetadata(json, metadata);
        }
        else
        {
            json.WriteNull("metadata");
        }

        json.WriteStartArray("sections");
        foreach (var section in report.Sections)
        {
            json.WriteStartObject();
            json.WriteString("tag", section.Tag);
            json.WriteBoolean("critical", section.Critical);
            json.WriteNumber("offset", section.Offset);
            json.WriteNumber("size_bytes", section.Size);
            json.WriteBoolean("compressed", section.Compressed);
            json.WriteNumber("payload_bytes", section.PayloadBytes);
            json.WriteString("crc", section.Crc);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>The JSON as a string (for tests and for writing through a <see cref="TextWriter"/>).</summary>
    public static string ToJson(InfoReport report)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteVideo(Utf8JsonWriter json, InfoReport report)
    {
        var video = report.Video;
        json.WriteStartObject("video");
        json.WriteNumber("width", video.Width);
        json.WriteNumber("height", video.Height);
        json.WriteNumber("frames", video.Frames);
        json.WriteStartObject("fps");
        json.WriteNumber("numerator", video.FpsNumerator);
        json.WriteNumber("denominator", video.FpsDenominator);
        json.WriteNumber("value", video.Fps);
        json.WriteEndObject();
        json.WriteNumber("duration_seconds", video.DurationSeconds);
        json.WriteString("chroma_format", video.ChromaFormat);
        json.WriteNumber("bit_depth", video.BitDepth);
        json.WriteStartObject("colour");
        WriteCode(json, "primaries", video.Colour.Primaries);
        WriteCode(json, "transfer", video.Colour.Transfer);
        WriteCode(json, "matrix", video.Colour.Matrix);
        json.WriteString("range", video.Colour.FullRange ? "full" : "limited");
        WriteCode(json, "chroma_sample_position", video.Colour.ChromaSamplePosition);
        json.WriteEndObject();
        json.WriteNumber("bits_per_second", report.BitsPerSecond);
        json.WriteNumber("bits_per_pixel", report.BitsPerPixel);
        json.WriteEndObject();
    }

    private static void WriteCode(Utf8JsonWriter json, string name, CodeName value)
    {
        json.WriteStartObject(name);
        json.WriteNumber("code", value.Code);
        json.WriteString("name", value.Name);
        json.WriteEndObject();
    }

    private static void WriteSegment(Utf8JsonWriter json, SegmentSummary segment)
    {
        json.WriteStartObject();
        json.WriteNumber("index", segment.Index);
        json.WriteNumber("first_frame", segment.FirstFrame);
        json.WriteNumber("last_frame", segment.LastFrame);
        json.WriteNumber("frames", segment.Frames);
        json.WriteNumber("model_bytes", segment.ModelBytes);
        if (segment.Architecture is { } a)
        {
            json.WriteStartObject("architecture");
            json.WriteNumber("levels", a.Levels);
            json.WriteStartObject("bases");
            foreach (string axis in ArchitectureSummary.AxisNames)
            {
                json.WriteStartArray(axis);
                foreach (int b in a.Bases[axis])
                {
                    json.WriteNumberValue(b);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteNumber("width", a.Width);
            json.WriteNumber("output_channels", a.OutputChannels);
            json.WriteStartArray("modulation");
            foreach (string kind in a.Modulation)
            {
                json.WriteStringValue(kind);
            }

            json.WriteEndArray();
            json.WriteNumber("parameters", a.Parameters);
            json.WriteStartArray("grids");
            foreach (var g in a.Grids)
            {
                json.WriteStartObject();
                json.WriteNumber("level", g.Level);
                json.WriteNumber("rank", g.Rank);
                json.WriteNumber("temporal_cells", g.TemporalCells);
                if (g.ContextHidden > 0)
                {
                    json.WriteNumber("context_hidden", g.ContextHidden);
                }

                if (g.Interpolated)
                {
                    json.WriteNumber("enters_level", g.Level + 1);
                    json.WriteBoolean("interpolated", true);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("latents", a.Latents);
            if (a.MotionBlockSize > 0)
            {
                json.WriteNumber("motion_block_size", a.MotionBlockSize);
            }

            if (a.FilterRadius > 0)
            {
                json.WriteNumber("output_filter_radius", a.FilterRadius);
            }

            json.WriteNumber("macs_per_pixel", a.MacsPerPixel);
            json.WriteNumber("siren_macs_per_pixel", a.SirenMacsPerPixel);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("architecture");
        }

        json.WriteStartArray("tensors");
        foreach (var t in segment.Tensors)
        {
            json.WriteStartObject();
            json.WriteString("role", t.Role);
            json.WriteNumber("level", t.Level);
            json.WriteNumber("rows", t.Rows);
            json.WriteNumber("columns", t.Columns);
            json.WriteString("coding", t.Coding);
            json.WriteNumber("multiplier", t.Multiplier);
            json.WriteNumber("coded_bytes", t.CodedBytes);
            json.WriteNumber("order0_entropy_bytes", t.EntropyBytes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("coded_bytes", segment.CodedBytes);
        json.WriteNumber("order0_entropy_bytes", segment.EntropyBytes);
        json.WriteNumber("header_bytes", segment.OverheadBytes);
        if (segment.HasContextModels)
        {
            json.WriteStartObject("component_bytes");
            foreach (var c in segment.Components)
            {
                json.WriteNumber(c.Name.Replace(' ', '_'), c.Bytes);
            }

            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter json, MetadataSummary metadata)
    {
        json.WriteStartObject("metadata");
        WriteOptional(json, "encoder", metadata.Encoder);
        WriteOptional(json, "encoder_version", metadata.EncoderVersion);
        WriteOptional(json, "source_name", metadata.SourceName);
        if (metadata.Created is { } created)
        {
            json.WriteString("created", created.ToUniversalTime());
        }
        else
        {
            json.WriteNull("created");
        }

        json.WritePropertyName("settings");
        if (metadata.Settings is { } settings)
        {
            settings.WriteTo(json);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartObject("quality");
        foreach (var (key, value) in metadata.Quality)
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("extra");
        foreach (var (key, value) in metadata.Extra)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
