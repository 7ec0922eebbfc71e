using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Asmr.Container;

/// <summary>The meta payload (FORMAT.md §7.4): one UTF-8 JSON object.</summary>
internal static class MetadataCodec
{
    private const string EncoderKey = "encoder";
    private const string EncoderVersionKey = "encoder_version";
    private const string SettingsKey = "settings";
    private const string SourceNameKey = "source_name";
    private const string CreatedKey = "created";
    private const string QualityKey = "quality";
    private const string ExtraKey = "extra";
    private const string PsnrYKey = "psnr_y";
    private const string PsnrYuvKey = "psnr_yuv";
    private const string PsnrRgbKey = "psnr_rgb";
    private const string SsimKey = "ssim";
    private const string BppKey = "bpp";
    private const string EncodeSecondsKey = "encode_seconds";

    private const string CreatedFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
    private static readonly string[] CreatedFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", CreatedFormat];

    private static readonly string[] TopLevelKeys =
        [EncoderKey, EncoderVersionKey, SettingsKey, SourceNameKey, CreatedKey, QualityKey, ExtraKey];

    private static readonly string[] QualityKeys = [PsnrYKey, PsnrYuvKey, PsnrRgbKey, SsimKey, BppKey, EncodeSecondsKey];

    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        MaxDepth = ContainerLimits.MaxMetadataDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    private static readonly JsonWriterOptions WriteOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>
    /// Serializes metadata as compact JSON (defined keys in the order of §7.4, then unknown keys by ordinal order)
    /// and checks that a reader would accept it; throws <see cref="ArgumentException"/> otherwise.
    /// </summary>
    public static byte[] Encode(Metadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriteOptions))
        {
            w.WriteStartObject();
            WriteString(w, EncoderKey, metadata.Encoder);
            WriteString(w, EncoderVersionKey, metadata.EncoderVersion);
            if (metadata.Settings is { } settings)
            {
                if (settings.ValueKind is not (JsonValueKind.Object or JsonValueKind.String))
                {
                    throw new ArgumentException($"Metadata settings must be a JSON object or string, not {settings.ValueKind}.", nameof(metadata));
                }

                w.WritePropertyName(SettingsKey);
                settings.WriteTo(w);
            }

            WriteString(w, SourceNameKey, metadata.SourceName);
            if (metadata.Created is { } created)
            {
                w.WriteString(CreatedKey, created.ToUniversalTime().ToString(CreatedFormat, CultureInfo.InvariantCulture));
            }

            if (metadata.Quality is { } quality)
            {
                w.WriteStartObject(QualityKey);
                WriteNumber(w, PsnrYKey, quality.PsnrY);
                WriteNumber(w, PsnrYuvKey, quality.PsnrYuv);
                WriteNumber(w, PsnrRgbKey, quality.PsnrRgb);
                WriteNumber(w, SsimKey, quality.Ssim);
                WriteNumber(w, BppKey, quality.Bpp);
                WriteNumber(w, EncodeSecondsKey, quality.EncodeSeconds);
                WriteAdditional(w, quality.AdditionalProperties, QualityKeys, "quality");
                w.WriteEndObject();
            }

            if (metadata.Extra.Count > 0)
            {
                w.WriteStartObject(ExtraKey);
                foreach (KeyValuePair<string, string> pair in metadata.Extra.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    ArgumentNullException.ThrowIfNull(pair.Value, $"{nameof(metadata)}.Extra[\"{pair.Key}\"]");
                    w.WriteString(pair.Key, pair.Value);
                }

                w.WriteEndObject();
            }

            WriteAdditional(w, metadata.AdditionalProperties, TopLevelKeys, "metadata");
            w.WriteEndObject();
        }

        byte[] json = buffer.WrittenSpan.ToArray();
        if (json.Length > ContainerLimits.MaxMetadataLength)
        {
            throw new ArgumentException(
                $"Metadata serializes to {json.Length} bytes of JSON; the limit is {ContainerLimits.MaxMetadataLength}.",
                nameof(metadata));
        }

        try
        {
            _ = Decode(json, 0);
        }
        catch (InvalidDataException e)
        {
            throw new ArgumentException($"Metadata would not read back: {e.Message}", nameof(metadata), e);
        }

        return json;
    }

    /// <summary>
    /// Parses a meta payload whose first (uncompressed) byte is at file offset <paramref name="payloadOffset"/>;
    /// throws <see cref="InvalidDataException"/> for anything §7.4 does not allow.
    /// </summary>
    public static Metadata Decode(ReadOnlyMemory<byte> payload, long payloadOffset)
    {
        string where = $"meta: the payload at offset {FormatErrors.Hex(payloadOffset)}";
        try
        {
            using JsonDocument document = JsonDocument.Parse(payload, ReadOptions);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw FormatErrors.Corrupt($"{where} is a JSON {root.ValueKind}, not an object");
            }

            var extra = new Dictionary<string, string>(StringComparer.Ordinal);
            var additional = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            string? encoder = null, encoderVersion = null, sourceName = null;
            JsonElement? settings = null;
            DateTimeOffset? created = null;
            MetadataQuality? quality = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty property in root.EnumerateObject())
            {
                string key = property.Name;
                if (!seen.Add(key))
                {
                    throw FormatErrors.Corrupt($"{where} repeats the key \"{key}\"");
                }

                JsonElement value = property.Value;
                if (value.ValueKind == JsonValueKind.Null && TopLevelKeys.Contains(key))
                {
                    continue;
                }

                switch (key)
                {
                    case EncoderKey:
                        encoder = ReadString(value, key, where);
                        break;
                    case EncoderVersionKey:
                        encoderVersion = ReadString(value, key, where);
                        break;
                    case SourceNameKey:
                        sourceName = ReadString(value, key, where);
                        break;
                    case SettingsKey:
                        if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.String))
                        {
                            throw FormatErrors.Corrupt($"{where}: \"settings\" is a JSON {value.ValueKind}; it must be an object or a string");
                        }

                        settings = value.Clone();
                        break;
                    case CreatedKey:
                        created = ReadCreated(value, where);
                        break;
                    case QualityKey:
                        quality = ReadQuality(value, where);
                        break;
                    case ExtraKey:
                        ReadExtra(value, extra, where);
                        break;
                    default:
                        additional[key] = value.Clone();
                        break;
                }
            }

            var result = new Metadata
            {
                Encoder = encoder,
                EncoderVersion = encoderVersion,
                Settings = settings,
                SourceName = sourceName,
                Created = created,
                Quality = quality,
            };
            Copy(extra, result.Extra);
            Copy(additional, result.AdditionalProperties);
            return result;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where} is not valid JSON (line {e.LineNumber}, byte {e.BytePositionInLine} of the uncompressed payload)", e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"{where} holds a JSON string that is not valid text: {e.Message}", e);
        }
    }

    private static void WriteString(Utf8JsonWriter w, string key, string? value)
    {
        if (value is not null)
        {
            w.WriteString(key, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string key, double? value)
    {
        if (value is { } v)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"Metadata quality \"{key}\" is {v}; JSON numbers must be finite.", nameof(value));
            }

            w.WriteNumber(key, v);
        }
    }

    private static void WriteAdditional(Utf8JsonWriter w, IDictionary<string, JsonElement> additional, string[] definedKeys, string owner)
    {
        foreach (KeyValuePair<string, JsonElement> pair in additional.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (definedKeys.Contains(pair.Key))
            {
                throw new ArgumentException(
                    $"The {owner} key \"{pair.Key}\" is defined by the format; set its property instead of AdditionalProperties.",
                    nameof(additional));
            }

            if (pair.Value.ValueKind == JsonValueKind.Undefined)
            {
                throw new ArgumentException($"The {owner} key \"{pair.Key}\" has no JSON value.", nameof(additional));
            }

            w.WritePropertyName(pair.Key);
            pair.Value.WriteTo(w);
        }
    }

    private static string ReadString(JsonElement value, string key, string where) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw FormatErrors.Corrupt($"{where}: \"{key}\" is a JSON {value.ValueKind}; it must be a string");

    private static DateTimeOffset ReadCreated(JsonElement value, string where)
    {
        string text = ReadString(value, CreatedKey, where);
        if (!DateTimeOffset.TryParseExact(
                text,
                CreatedFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out DateTimeOffset created))
        {
            throw FormatErrors.Corrupt($"{where}: \"created\" is \"{text}\"; it must be a UTC time like 2025-01-31T12:34:56Z");
        }

        return created;
    }

    private static MetadataQuality ReadQuality(JsonElement value, string where)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw FormatErrors.Corrupt($"{where}: \"quality\" is a JSON {value.ValueKind}; it must be an object");
        }

        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        var unknown = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal); // every key, a null one too (§7.4: no key repeats)
        foreach (JsonProperty property in value.EnumerateObject())
        {
            string key = property.Name;
            if (!seen.Add(key))
            {
                throw FormatErrors.Corrupt($"{where}: \"quality\" repeats the key \"{key}\"");
            }

            if (!QualityKeys.Contains(key))
            {
                unknown[key] = property.Value.Clone();
            }
            else if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out double number) && double.IsFinite(number))
            {
                numbers[key] = number;
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                throw FormatErrors.Corrupt($"{where}: quality \"{key}\" is not a finite JSON number");
            }
        }

        var quality = new MetadataQuality
        {
            PsnrY = Get(numbers, PsnrYKey),
            PsnrYuv = Get(numbers, PsnrYuvKey),
            PsnrRgb = Get(numbers, PsnrRgbKey),
            Ssim = Get(numbers, SsimKey),
            Bpp = Get(numbers, BppKey),
            EncodeSeconds = Get(numbers, EncodeSecondsKey),
        };
        Copy(unknown, quality.AdditionalProperties);
        return quality;
    }

    private static void ReadExtra(JsonElement value, IDictionary<string, string> extra, string where)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw FormatErrors.Corrupt($"{where}: \"extra\" is a JSON {value.ValueKind}; it must be an object of strings");
        }

        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw FormatErrors.Corrupt($"{where}: extra \"{property.Name}\" is a JSON {property.Value.ValueKind}; extra values must be strings");
            }

            if (!extra.TryAdd(property.Name, property.Value.GetString()!))
            {
                throw FormatErrors.Corrupt($"{where}: \"extra\" repeats the key \"{property.Name}\"");
            }
        }
    }

    private static double? Get(Dictionary<string, double> numbers, string key) =>
        numbers.TryGetValue(key, out double value) ? value : null;

    private static void Copy<TValue>(IDictionary<string, TValue> from, IDictionary<string, TValue> to)
    {
        foreach (KeyValuePair<string, TValue> pair in from)
        {
            to.Add(pair.Key, pair.Value);
        }
    }
}
