using System.Text;
using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Cli.Tests.Hardening;

/// <summary>Inputs for the CLI hardening tests: small y4m videos and an .asmr file that is slow to decode.</summary>
internal static class HardeningInputs
{
    /// <summary>Writes a 4:2:0 8-bit y4m file of <paramref name="frames"/> frames of seeded noise (0 frames: the header alone).</summary>
    public static void WriteY4m(string path, int width, int height, int frames, int seed = 1)
    {
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F25:1 Ip A1:1 C420jpeg\n"));
        var random = new Random(seed);
        byte[] picture = new byte[(width * height) + (2 * ((width + 1) / 2) * ((height + 1) / 2))];
        for (int f = 0; f < frames; f++)
        {
            random.NextBytes(picture);
            file.Write("FRAME\n"u8);
            file.Write(picture);
        }
    }

    /// <summary>A 4:2:0 10-bit y4m file whose every sample is 0xFFFF, far above the 10-bit maximum of 1023.</summary>
    public static void WriteY4mWithSamplesAboveTenBits(string path, int width, int height, int frames)
    {
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F25:1 Ip A1:1 C420p10\n"));
        byte[] picture = new byte[2 * ((width * height) + (2 * ((width + 1) / 2) * ((height + 1) / 2)))];
        Array.Fill(picture, (byte)0xFF);
        for (int f = 0; f < frames; f++)
        {
            file.Write("FRAME\n"u8);
            file.Write(picture);
        }
    }

    /// <summary>
    /// A valid 4:2:0 file of 640×480×256 frames with a 3-level, width-64 network: a whole decode takes seconds
    /// (about 13 s on two cores), so a signal sent when decoding starts arrives mid-decode.
    /// </summary>
    public static void WriteSlowAsmr(string path)
    {
        const int Frames = 256;
        var arch = new ModelArchitecture([[4, 8, 8], [8, 8, 8], [10, 8, 8]], 64, outputChannels: 3, [ModulationKind.Linear, ModulationKind.Table, ModulationKind.Table]);
        var random = new Random(5);
        var tensors = arch.TensorLayout()
            .Select(t => new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 3, [.. Enumerable.Range(0, t.Rows * t.Columns).Select(_ => random.Next(-20, 21))]))
            .ToList();
        var model = new SegmentModel(0, Frames, arch, tensors);
        var file = new AsmrFile
        {
            SequenceHeader = new SequenceHeader
            {
                Width = 640,
                Height = 480,
                FrameCount = Frames,
                FrameRate = new Rational(25, 1),
                ChromaFormat = ChromaFormat.Yuv420,
            },
            Segments = [new AsmrSegment(0, Frames, ModelPayloadWriter.Write(model))],
        };
        AsmrWriter.Write(path, file);
    }

    /// <summary>
    /// A valid 368-byte file declaring 65535×65535 4:2:0 pictures (256 frames): a 3-level, width-1 network whose grid
    /// is the largest one segment may have (2^40 cells). A whole frame is 6 GiB of samples.
    /// </summary>
    public static void WriteHugePictureAsmr(string path)
    {
        const int Frames = 256;
        var arch = new ModelArchitecture([[16, 16, 1], [64, 64, 16], [64, 64, 16]], 1, outputChannels: 3, [ModulationKind.Linear, ModulationKind.Linear, ModulationKind.Linear]);
        var tensors = arch.TensorLayout()
            .Select(t => new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 1, [.. Enumerable.Range(0, t.Rows * t.Columns).Select(i => (i % 3) - 1)]))
            .ToList();
        var model = new SegmentModel(0, Frames, arch, tensors);
        var file = new AsmrFile
        {
            SequenceHeader = new SequenceHeader
            {
                Width = 65535,
                Height = 65535,
                FrameCount = Frames,
                FrameRate = new Rational(25, 1),
                ChromaFormat = ChromaFormat.Yuv420,
            },
            Segments = [new AsmrSegment(0, Frames, ModelPayloadWriter.Write(model))],
        };
        AsmrWriter.Write(path, file);
    }

    /// <summary>The file names in a folder, sorted (to show that nothing partial or temporary is left).</summary>
    public static string[] Listing(string folder) =>
        [.. Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
