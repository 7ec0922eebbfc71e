using System.Text.Json;

namespace Asmr.Container.Tests;

/// <summary>Sample files for the tests.</summary>
internal static class Samples
{
    /// <summary>A sequence header with every field away from its default.</summary>
    public static SequenceHeader Sequence(int width = 17, int height = 9, int frames = 5) => new()
    {
        Width = width,
        Height = height,
        FrameCount = frames,
        FrameRate = new Rational(30000, 1001),
        ChromaFormat = ChromaFormat.Yuv420,
        BitDepth = 10,
        Color = new ColorDescription { Primaries = 9, Transfer = 16, Matrix = 9, FullRange = true, ChromaSamplePosition = 2 },
    };

    /// <summary>Bytes that do not compress.</summary>
    public static byte[] Random(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Bytes that compress well.</summary>
    public static byte[] Repetitive(int length)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i % 7);
        }

        return bytes;
    }

    /// <summary>Metadata with every defined key, extras, and keys this version does not define.</summary>
    public static Metadata Metadata()
    {
        var metadata = new Metadata
        {
            Encoder = "asmrc",
            EncoderVersion = "0.1.0",
            Settings = JsonDocument.Parse("""{"preset":"slow","levels":[4,4,4],"lr":0.001}""").RootElement.Clone(),
            SourceName = "foreman_352x288.mp4",
            Created = new DateTimeOffset(2025, 1, 31, 12, 34, 56, TimeSpan.Zero).AddTicks(1234567),
            Quality = new MetadataQuality { PsnrY = 38.25, PsnrYuv = 39.5, PsnrRgb = 36.125, Ssim = 0.975, Bpp = 0.0625, EncodeSeconds = 1234.5 },
        };
        metadata.Extra["machine"] = "ci-runner-3";
        metadata.Extra["note"] = "\u00e9t\u00e9 \u2014 \U0001F3A7";
        metadata.AdditionalProperties["future_key"] = JsonDocument.Parse("""{"a":[1,2,{"b":null}]}""").RootElement.Clone();
        metadata.Quality.AdditionalProperties["vmaf"] = JsonDocument.Parse("93.5").RootElement.Clone();
        return metadata;
    }

    /// <summary>
    /// The file most corruption tests use: odd size, three segments (one model compressible, one not, one tiny),
    /// metadata and an unknown ancillary section.
    /// </summary>
    public static AsmrFile Rich() => new()
    {
        SequenceHeader = Sequence(17, 9, 5),
        Segments =
        [
            new AsmrSegment(0, 2, Repetitive(300)),
            new AsmrSegment(2, 2, Random(120, seed: 1)),
            new AsmrSegment(4, 1, new byte[] { 0x42 }),
        ],
        Metadata = Metadata(),
        UnknownSections = [new UnknownSection("xtra", Random(20, seed: 2))],
    };

    /// <summary>Options that compress everything that shrinks.</summary>
    public static AsmrWriterOptions Compressing { get; } = new() { CompressMetadata = true, CompressModels = true };

    /// <summary>Options that compress nothing.</summary>
    public static AsmrWriterOptions Plain { get; } = new() { CompressMetadata = false, CompressModels = false };

    /// <summary>The rich file written with compression (metadata and the first model compressed).</summary>
    public static byte[] RichBytes() => ToBytes(Rich(), Compressing);

    /// <summary>The file of FORMAT.md Appendix A: 2×2, one frame, one segment, a 4-byte model payload.</summary>
    public static AsmrFile AppendixExample() => new()
    {
        SequenceHeader = new SequenceHeader
        {
            Width = 2,
            Height = 2,
            FrameCount = 1,
            FrameRate = new Rational(25, 1),
            ChromaFormat = ChromaFormat.Yuv420,
            BitDepth = 8,
            Color = ColorDescription.Bt709,
        },
        Segments = [new AsmrSegment(0, 1, new byte[] { 0x01, 0x02, 0x03, 0x04 })],
    };

    /// <summary>A file with <paramref name="segments"/> segments of one frame each, each model <paramref name="modelLength"/> random bytes.</summary>
    public static AsmrFile Segmented(int segments, int modelLength) => new()
    {
        SequenceHeader = Sequence(64, 48, segments),
        Segments = Enumerable.Range(0, segments).Select(i => new AsmrSegment(i, 1, Random(modelLength, seed: 100 + i))).ToArray(),
    };

    /// <summary>Writes to memory.</summary>
    public static byte[] ToBytes(AsmrFile file, AsmrWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        AsmrWriter.Write(stream, file, options);
        return stream.ToArray();
    }

    /// <summary>Reads a whole file from memory.</summary>
    public static AsmrFile Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return AsmrReader.Read(stream);
    }

    /// <summary>Opens a reader over memory.</summary>
    public static AsmrReader Open(byte[] bytes) => AsmrReader.Open(new MemoryStream(bytes, writable: false));
}
