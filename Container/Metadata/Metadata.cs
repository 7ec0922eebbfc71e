using System.Text.Json;

namespace Asmr.Container;

/// <summary>
/// The contents of the optional <c>meta</c> section (FORMAT.md §7.4): who made the file, how, from what, and how
/// well it came out. Every property is optional. Keys this version does not define survive a read/write round trip
/// in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class Metadata
{
    /// <summary>Name of the encoder ("encoder").</summary>
    public string? Encoder { get; init; }

    /// <summary>Version of the encoder ("encoder_version").</summary>
    public string? EncoderVersion { get; init; }

    /// <summary>Encoder settings ("settings"): a JSON object or a JSON string.</summary>
    public JsonElement? Settings { get; init; }

    /// <summary>Name of the source the file was encoded from ("source_name").</summary>
    public string? SourceName { get; init; }

    /// <summary>When the file was made ("created"), stored in UTC.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Measured quality and cost ("quality").</summary>
    public MetadataQuality? Quality { get; init; }

    /// <summary>Free-form string pairs ("extra").</summary>
    public IDictionary<string, string> Extra { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Top-level keys this version does not define, kept as they were read.</summary>
    public IDictionary<string, JsonElement> AdditionalProperties { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
