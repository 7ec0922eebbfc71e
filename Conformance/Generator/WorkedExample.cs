using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>
/// The tiny model of the spec's worked example (spec/FORMAT.md, Appendix B): a 2×2 4:4:4 8-bit frame,
/// L = 2, H = 2, O = 3, a table modulation at level 0 and a linear one at level 1, hand-picked integers. It is
/// also the conformance vector <c>v12-worked-example</c>.
/// </summary>
internal static class WorkedExample
{
    public static SequenceHeader Sequence { get; } = new()
    {
        Width = 2,
        Height = 2,
        FrameCount = 1,
        FrameRate = new Rational(25, 1),
        ChromaFormat = ChromaFormat.Yuv444,
        BitDepth = 8,
        Color = new ColorDescription { Primaries = 1, Transfer = 1, Matrix = 1, FullRange = true },
    };

    public static SegmentModel Model()
    {
        var architecture = new ModelArchitecture(
            [[1, 1], [1, 2], [2, 1]],
            width: 2,
            outputChannels: 3,
            [ModulationKind.Table, ModulationKind.Linear]);
        QuantizedTensor[] tensors =
        [
            new(TensorRole.Modulation, 0, 2, 2, 1u << 24, [16, -8, 4, 32], EntropyCoding.Raw),
            new(TensorRole.Modulation, 1, 2, 3, 1u << 22, [0, 64, 0, 0, -32, 5], EntropyCoding.Raw),
            new(TensorRole.Bias, 0, 1, 2, 1u << 20, [512, -1024], EntropyCoding.Raw),
            new(TensorRole.OutputWeight, 0, 3, 2, 1u << 16, [800, -300, -500, 600, 200, 900], EntropyCoding.Raw),
            new(TensorRole.OutputBias, 0, 1, 3, 1u << 20, [128, 96, 160], EntropyCoding.Adaptive),
        ];
        return new SegmentModel(0, 1, architecture, tensors);
    }

    /// <summary>The model payload (spec §10) of <see cref="Model"/>.</summary>
    public static byte[] Payload() => ModelPayloadWriter.Write(Model());
}
