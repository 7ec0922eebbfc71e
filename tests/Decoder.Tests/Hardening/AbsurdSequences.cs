using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Decoder.Tests.Hardening;

/// <summary>
/// Valid files whose sequence is as large as the format allows in one segment (65535×65535 pictures, or 2^24 frames)
/// carried by a model of a few dozen bytes: 3 levels, hidden width 1, linear modulation, a grid covering the picture.
/// </summary>
internal static class AbsurdSequences
{
    public const int Side = 65535;

    public const int Frames = 1 << 24;

    /// <summary>65535×65535, 256 frames: the largest picture in one segment (grid 2^8·2^16·2^16 = 2^40, the §10 limit).</summary>
    public static byte[] HugePicture(ChromaFormat chroma) => File(chroma, Side, Side, 256, [[16, 16, 1], [64, 64, 16], [64, 64, 16]]);

    /// <summary>16×16, 2^24 frames in one segment.</summary>
    public static byte[] HugeFrameCount(ChromaFormat chroma) => File(chroma, 16, 16, Frames, [[256, 256, 256], [4, 2, 2], [4, 2, 2]]);

    private static byte[] File(ChromaFormat chroma, int width, int height, int frames, int[][] bases)
    {
        int channels = chroma == ChromaFormat.Mono400 ? 1 : 3;
        var arch = new ModelArchitecture(
            bases,
            width: 1,
            outputChannels: channels,
            [ModulationKind.Linear, ModulationKind.Linear, ModulationKind.Linear]);
        var tensors = new List<QuantizedTensor>();
        foreach (var (role, level, rows, columns) in arch.TensorLayout())
        {
            int[] values = Enumerable.Range(0, rows * columns).Select(i => (i % 3) - 1).ToArray();
            tensors.Add(new QuantizedTensor(role, level, rows, columns, 1, values));
        }

        var model = new SegmentModel(0, frames, arch, tensors);
        var file = new AsmrFile
        {
            SequenceHeader = new SequenceHeader
            {
                Width = width,
                Height = height,
                FrameCount = frames,
                FrameRate = new Rational(25, 1),
                ChromaFormat = chroma,
                BitDepth = 8,
            },
            Segments = [new AsmrSegment(0, frames, WriteModel(model))],
        };
        using var stream = new MemoryStream();
        AsmrWriter.Write(stream, file);
        return stream.ToArray();
    }

    /// <summary>The production model writer, which is internal to Asmr.Container (not visible to this project).</summary>
    private static byte[] WriteModel(SegmentModel model)
    {
        var writer = typeof(AsmrWriter).Assembly.GetType("Asmr.Container.Model.ModelPayloadWriter", throwOnError: true)!;
        var write = writer.GetMethod("Write", [typeof(SegmentModel)])!;
        return (byte[])write.Invoke(null, [model])!;
    }
}
