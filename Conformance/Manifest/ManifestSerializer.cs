using System.Text.Encodings.Web;
using System.Text.Json;

namespace Asmr.Conformance.Manifest;

/// <summary>
/// Reads and writes <c>manifest.json</c>. The written form is deterministic (fixed key order, two-space indent, LF
/// line ends, a final newline), so regenerating the vectors reproduces the manifest byte for byte. Reading is
/// strict: a missing or mistyped key is an <see cref="InvalidDataException"/> naming the vector.
/// </summary>
internal static class ManifestSerializer
{
    public static byte[] Serialize(ConformanceManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteString("format", ConformanceManifest.FormatName);
            json.WriteNumber("manifest_version", ConformanceManifest.Version);
            json.WriteString("hash", "sha256; decoded-output bytes as defined in spec §12");
            json.WriteStartArray("vectors");
            foreach (var v in manifest.Vectors)
            {
                WriteEntry(json, v);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static ConformanceManifest Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string path = Path.Combine(directory, ConformanceManifest.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No {ConformanceManifest.FileName} in {directory}.", path);
        }

        return Parse(File.ReadAllBytes(path));
    }

    public static ConformanceManifest Parse(ReadOnlySpan<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"manifest: not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || GetString(root, "format", "manifest") != ConformanceManifest.FormatName)
            {
                throw new InvalidDataException($"manifest: \"format\" must be \"{ConformanceManifest.FormatName}\"");
            }

            if (!root.TryGetProperty("manifest_version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != ConformanceManifest.Version)
            {
                throw new InvalidDataException($"manifest: \"manifest_version\" must be {ConformanceManifest.Version}");
            }

            if (!root.TryGetProperty("vectors", out var vectors) || vectors.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("manifest: \"vectors\" must be an array");
            }

            var entries = new List<VectorEntry>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in vectors.EnumerateArray())
            {
                var entry = ReadEntry(element);
                if (!names.Add(entry.Name))
                {
                    throw new InvalidDataException($"manifest: vector \"{entry.Name}\" appears twice");
                }

                entries.Add(entry);
            }

            return new ConformanceManifest(entries);
        }
    }

    private static void WriteEntry(Utf8JsonWriter json, VectorEntry v)
    {
        json.WriteStartObject();
        json.WriteString("name", v.Name);
        json.WriteString("file", v.File);
        json.WriteString("file_sha256", v.FileSha256);
        json.WriteNumber("file_size", v.FileSize);
        json.WriteBoolean("valid", v.IsValid);
        json.WriteString("description", v.Description);
        json.WriteStartArray("features");
        foreach (string tag in v.Features)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        if (v.Output is { } output)
        {
            json.WriteStartObject("expected_output");
            json.WriteString("stream_sha256", output.StreamHash);
            json.WriteStartArray("frame_sha256");
            foreach (string hash in output.FrameHashes)
            {
                json.WriteStringValue(hash);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (v.Error is { } error)
        {
            json.WriteStartObject("expected_error");
            json.WriteString("kind", error.Kind);
            json.WriteString("exception", error.Exception);
            json.WriteString("message_contains", error.MessageContains);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static VectorEntry ReadEntry(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("manifest: every vector must be an object");
        }

        string name = GetString(e, "name", "a vector");
        string file = GetString(e, "file", name);
        if (file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file.StartsWith('.'))
        {
            throw new InvalidDataException($"manifest: vector \"{name}\": \"file\" must be a plain file name in the manifest's folder");
        }

        bool valid = e.TryGetProperty("valid", out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean()
            : throw new InvalidDataException($"manifest: vector \"{name}\": \"valid\" must be true or false");
        var features = new List<string>();
        if (e.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array)
        {
            features.AddRange(f.EnumerateArray().Select(t => t.GetString() ?? string.Empty));
        }

        ExpectedOutput? output = null;
        ExpectedError? error = null;
        if (valid)
        {
            var o = GetObject(e, "expected_output", name);
            var frames = o.TryGetProperty("frame_sha256", out var fa) && fa.ValueKind == JsonValueKind.Array
                ? fa.EnumerateArray().Select(h => RequireHash(h.GetString(), name)).ToList()
                : throw new InvalidDataException($"manifest: vector \"{name}\": \"frame_sha256\" must be an array");
            output = new ExpectedOutput(frames, RequireHash(GetString(o, "stream_sha256", name), name));
        }
        else
        {
            var o = GetObject(e, "expected_error", name);
            error = new ExpectedError(GetString(o, "kind", name), GetString(o, "exception", name), GetString(o, "message_contains", name));
        }

        return new VectorEntry
        {
            Name = name,
            File = file,
            FileSha256 = RequireHash(GetString(e, "file_sha256", name), name),
            FileSize = e.TryGetProperty("file_size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : -1,
            Description = e.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty,
            Features = features,
            Output = output,
            Error = error,
        };
    }

    private static string GetString(JsonElement e, string key, string owner) =>
        e.TryGetProperty(key, out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()!
            : throw new InvalidDataException($"manifest: {Owner(owner)}\"{key}\" must be a string");

    private static JsonElement GetObject(JsonElement e, string key, string owner) =>
        e.TryGetProperty(key, out var p) && p.ValueKind == JsonValueKind.Object
            ? p
            : throw new InvalidDataException($"manifest: {Owner(owner)}\"{key}\" must be an object");

    private static string Owner(string owner) => owner == "manifest" ? string.Empty : $"vector \"{owner}\": ";

    private static string RequireHash(string? hash, string owner)
    {
        if (hash is null || hash.Length != 64 || !hash.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            throw new InvalidDataException($"manifest: vector \"{owner}\": \"{hash}\" is not a lowercase hex SHA-256");
        }

        return hash;
    }
}
