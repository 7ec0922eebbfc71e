using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Cli.Tests.Support;

/// <summary>
/// Writes small, valid .asmr files with the real Container writer: 16x16 4:2:0, 4 frames at 25 fps, BT.709, two
/// segments of two frames, each a two-level network of width 8 (linear then table modulation).
/// </summary>
internal static class SampleAsmr
{
    public const int Width = 16;
    public const int Height = 16;
    public const int Frames = 4;
    public const int NetworkWidth = 8;

    public static ModelArchitecture Architecture { get; } =
        new([[2, 1], [4, 4], [4, 4]], NetworkWidth, outputChannels: 3, [ModulationKind.Linear, ModulationKind.Table]);

    public static void Write(string path, bool withMetadata = true)
    {
        var file = new AsmrFile
        {
            SequenceHeader = new SequenceHeader
            {
                Width = Width,
                Height = Height,
                FrameCount = Frames,
                FrameRate = new Rational(25, 1),
                ChromaFormat = ChromaFormat.Yuv420,
                BitDepth = 8,
                Color = ColorDescription.Bt709,
            },
            Segments = [Segment(0, seed: 1), Segment(2, seed: 2)],
            Metadata = withMetadata ? Metadata() : null,
        };
        AsmrWriter.Write(path, file);
    }

    private static Metadata Metadata()
    {
        var metadata = new Metadata
        {
            Encoder = "asmrc-tests",
            EncoderVersion = "0.1.0",
            SourceName = "synthetic",
            Created = new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.Zero),
            Quality = new MetadataQuality { PsnrY = 31.25, Ssim = 0.9, Bpp = 0.0461 },
            Settings = System.Text.Json.JsonDocument.Parse("{\n  \"preset\": \"fast\",\n  \"seed\": 7\n}").RootElement.Clone(),
        };
        metadata.Extra["note"] = "written by Cli.Tests";
        return metadata;
    }

    private static AsmrSegment Segment(int firstFrame, int seed)
    {
        var random = new Random(seed);
        var tensors = Architecture.TensorLayout()
            .Select((t, i) => new QuantizedTensor(
                t.Role,
                t.Level,
                t.Rows,
                t.Columns,
                multiplier: 3,
                [.. Enumerable.Range(0, t.Rows * t.Columns).Select(_ => random.Next(-20, 21))],
                i % 2 == 0 ? EntropyCoding.Adaptive : EntropyCoding.Raw))
            .ToList();
        var model = new SegmentModel(firstFrame, 2, Architecture, tensors);
        return new AsmrSegment(firstFrame, 2, ModelPayloadWriter.Write(model));
    }
}
