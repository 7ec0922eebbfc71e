using System.Globalization;
using System.Security.Cryptography;
using Asmr.Conformance.Manifest;
using Asmr.Conformance.Running;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Conformance.Generator;

/// <summary>
/// Makes the conformance vectors and their manifest from <see cref="ValidVectorCatalog"/> and
/// <see cref="InvalidVectorCatalog"/>. Deterministic: the same code gives the same bytes. The expected hashes are
/// what asmrc's decoder produces on its scalar path with one thread; the tests then check every other path, and
/// an independent spec-literal decoder, against them. Run it with
/// <c>dotnet run --project Conformance/Generator -- Conformance/vectors</c>.
/// </summary>
internal static class VectorGenerator
{
    /// <summary>Builds every vector in memory, valid ones first, in catalog order.</summary>
    public static IReadOnlyList<GeneratedVector> Build()
    {
        var vectors = new List<GeneratedVector>();
        foreach (var recipe in ValidVectorCatalog.All)
        {
            vectors.Add(BuildValid(recipe));
        }

        foreach (var invalid in InvalidVectorCatalog.Build())
        {
            vectors.Add(BuildInvalid(invalid));
        }

        return vectors;
    }

    /// <summary>
    /// Writes every vector and <c>manifest.json</c> into <paramref name="directory"/> (created if needed), replacing
    /// files of the same names and leaving other files alone. Returns the manifest.
    /// </summary>
    public static ConformanceManifest Generate(string directory, TextWriter? log = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var vectors = Build();
        foreach (var v in vectors)
        {
            File.WriteAllBytes(Path.Combine(directory, v.Entry.File), v.Bytes);
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{v.Entry.File,-44} {v.Bytes.Length,7} bytes  {string.Join(' ', v.Entry.Features)}"));
        }

        var manifest = new ConformanceManifest([.. vectors.Select(v => v.Entry)]);
        File.WriteAllBytes(Path.Combine(directory, ConformanceManifest.FileName), ManifestSerializer.Serialize(manifest));
        log?.WriteLine($"{vectors.Count} vectors and {ConformanceManifest.FileName} written to {directory}");
        return manifest;
    }

    private static GeneratedVector BuildValid(ValidVectorRecipe recipe)
    {
        var sequence = recipe.Sequence;
        var segments = new List<AsmrSegment>();
        if (recipe.ExplicitModels is { } explicitModels)
        {
            segments.AddRange(explicitModels().Select(m => new AsmrSegment(m.FirstFrame, m.FrameCount, ModelPayloadWriter.Write(m))));
        }
        else
        {
            int first = 0;
            foreach (var segment in recipe.Segments)
            {
                var model = ModelSynthesizer.Synthesize(segment, first, sequence);
                segments.Add(new AsmrSegment(first, segment.FrameCount, ModelPayloadWriter.Write(model)));
                first += segment.FrameCount;
            }
        }

        var file = new AsmrFile
        {
            SequenceHeader = sequence,
            Segments = segments,
            Metadata = recipe.Metadata,
            UnknownSections = recipe.UnknownSections,
        };
        byte[] bytes;
        using (var stream = new MemoryStream())
        {
            AsmrWriter.Write(stream, file, new AsmrWriterOptions { CompressModels = recipe.CompressModels, CompressMetadata = true });
            bytes = stream.ToArray();
        }

        // Everything below reads the file back, as a decoder would.
        using var reader = AsmrReader.Open(new MemoryStream(bytes, writable: false));
        var sections = reader.ReadSectionDirectory();
        var models = reader.Segments.Select(e => VectorDecoder.ReadModel(reader, sections, e)).ToList();
        var reference = new DecoderOptions { Threads = 1, ForceScalar = true };
        var output = VectorDecoder.Decode(reader, reference);
        var (clippedLow, clippedHigh) = CountClipped(recipe, reader.SequenceHeader, models, reference);

        var entry = new VectorEntry
        {
            Name = recipe.Name,
            File = recipe.Name + ".asmr",
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            FileSize = bytes.Length,
            Description = recipe.Description,
            Features = ["valid", .. FeatureTags.Of(reader.SequenceHeader, sections, models, clippedLow > 0, clippedHigh > 0)],
            Output = new ExpectedOutput(output.FrameHashes, output.StreamHash),
        };
        return new GeneratedVector(entry, bytes);
    }

    private static GeneratedVector BuildInvalid(InvalidVector invalid)
    {
        string path = Path.Combine(Path.GetTempPath(), $"asmr-conformance-{Guid.NewGuid():N}-{invalid.Name}.asmr");
        try
        {
            File.WriteAllBytes(path, invalid.Bytes);
            var expected = new VectorEntry
            {
                Name = invalid.Name,
                File = invalid.Name + ".asmr",
                FileSha256 = Convert.ToHexStringLower(SHA256.HashData(invalid.Bytes)),
                FileSize = invalid.Bytes.Length,
                Description = invalid.Description,
                Features = ["invalid", invalid.FeatureTag],
                Error = invalid.Error,
            };

            // The generator refuses to write an invalid vector that asmrc does not reject exactly as the catalog says.
            var result = ConformanceRunner.Check(Path.GetDirectoryName(path)!, expected with { File = Path.GetFileName(path) }, ConformanceSettings.Default);
            if (!result.Passed)
            {
                throw new InvalidOperationException($"Invalid vector {invalid.Name}: {result.Reason}");
            }

            return new GeneratedVector(expected, invalid.Bytes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Counts samples clipped to 0 and to 2^D − 1, and refuses a model whose picture is clipped more than its recipe
    /// allows: such a vector would test little.
    /// </summary>
    private static (long Low, long High) CountClipped(ValidVectorRecipe recipe, SequenceHeader sequence, IReadOnlyList<SegmentModel> models, DecoderOptions options)
    {
        long low = 0, high = 0, total = 0;
        int max = (1 << sequence.BitDepth) - 1;
        foreach (var model in models)
        {
            var decoder = new SegmentDecoder(model, sequence.Width, sequence.Height, sequence.ChromaFormat, sequence.BitDepth, options);
            foreach (var frame in decoder.DecodeAll())
            {
                foreach (ushort[] plane in frame.Planes)
                {
                    total += plane.Length;
                    low += plane.Count(s => s == 0);
                    high += plane.Count(s => s == max);
                }
            }
        }

        if (low + high > total * recipe.MaxClippedFraction)
        {
            throw new InvalidOperationException($"Vector {recipe.Name}: {low + high} of {total} samples are clipped; adjust its recipe.");
        }

        return (low, high);
    }
}
