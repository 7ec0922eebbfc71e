using Asmr.Container.Model;
using Asmr.Container.Tests.Entropy;

namespace Asmr.Container.Tests.Model;

/// <summary>Deterministic sample models and the sequence facts they fit.</summary>
internal static class ModelSamples
{
    /// <summary>L = 2, O = 1, both levels linear; grid 2 × 4 × 4; a 4 × 4 4:0:0 sequence of 2 frames.</summary>
    public static (SegmentModel Model, ModelPayloadExpectations Expected) TwoLevelLinearMono(EntropyCoding coding = EntropyCoding.Adaptive)
    {
        var architecture = new ModelArchitecture([[1, 2], [2, 2], [2, 2]], 4, 1, [ModulationKind.Linear, ModulationKind.Linear]);
        return (Build(architecture, firstFrame: 10, frameCount: 2, seed: 1, _ => coding), new ModelPayloadExpectations(10, 2, 4, 4, ChromaFormat.Mono400));
    }

    /// <summary>L = 2, O = 3, level 0 linear, level 1 table; grid 1 × 6 × 6; a 6-wide, 5-high 4:4:4 single frame.</summary>
    public static (SegmentModel Model, ModelPayloadExpectations Expected) TwoLevelTableColor(EntropyCoding coding = EntropyCoding.Adaptive)
    {
        var architecture = new ModelArchitecture([[1, 1], [2, 3], [3, 2]], 5, 3, [ModulationKind.Linear, ModulationKind.Table]);
        return (Build(architecture, firstFrame: 0, frameCount: 1, seed: 2, _ => coding), new ModelPayloadExpectations(0, 1, 6, 5, ChromaFormat.Yuv444));
    }

    /// <summary>L = 5, O = 3, modulation linear/table alternating; grid 4 × 32 × 32; a 31 × 31 4:2:0 sequence of 3 frames. Codings alternate.</summary>
    public static (SegmentModel Model, ModelPayloadExpectations Expected) FiveLevelMixedColor()
    {
        var architecture = new ModelArchitecture(
            [[1, 1, 2, 1, 2], [2, 2, 2, 2, 2], [2, 2, 2, 2, 2]],
            8,
            3,
            [ModulationKind.Linear, ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table, ModulationKind.Table]);
        return (
            Build(architecture, firstFrame: 3, frameCount: 3, seed: 3, i => i % 2 == 0 ? EntropyCoding.Adaptive : EntropyCoding.Raw),
            new ModelPayloadExpectations(3, 3, 31, 31, ChromaFormat.Yuv420));
    }

    /// <summary>As <see cref="FiveLevelMixedColor"/> with latent grids (model_version 2) on levels 0, 2 (τ = 2) and 3 (τ = 4).</summary>
    public static (SegmentModel Model, ModelPayloadExpectations Expected) FiveLevelGridColor()
    {
        var architecture = new ModelArchitecture(
            [[1, 1, 2, 1, 2], [2, 2, 2, 2, 2], [2, 2, 2, 2, 2]],
            8,
            3,
            [ModulationKind.Linear, ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table, ModulationKind.Table],
            [new LatentGrid(0, 1, 1), new LatentGrid(2, 3, 2), new LatentGrid(3, 2, 2)]);
        return (
            Build(architecture, firstFrame: 3, frameCount: 3, seed: 5, i => i % 3 == 0 ? EntropyCoding.Raw : EntropyCoding.Adaptive),
            new ModelPayloadExpectations(3, 3, 31, 31, ChromaFormat.Yuv420));
    }

    /// <summary>
    /// As <see cref="FiveLevelGridColor"/> with context models (model_version 3): hidden widths 3, 8 and 1; the level-2
    /// and level-3 grids have τ = 2.
    /// </summary>
    public static (SegmentModel Model, ModelPayloadExpectations Expected) FiveLevelContextColor()
    {
        var architecture = new ModelArchitecture(
            [[1, 1, 2, 1, 2], [2, 2, 2, 2, 2], [2, 2, 2, 2, 2]],
            8,
            3,
            [ModulationKind.Linear, ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table, ModulationKind.Table],
            [new LatentGrid(0, 1, 1, 3), new LatentGrid(2, 3, 2, 8), new LatentGrid(3, 2, 2, 1)]);
        return (
            Build(architecture, firstFrame: 3, frameCount: 3, seed: 6, i => i % 3 == 0 ? EntropyCoding.Raw : EntropyCoding.Adaptive),
            new ModelPayloadExpectations(3, 3, 31, 31, ChromaFormat.Yuv420));
    }

    /// <summary>L = 5, O = 1, every level a table; grid 2 × 8 × 16; a 16-wide, 7-high 4:0:0 sequence of 2 frames.</summary>
    public static (SegmentModel Model, ModelPayloadExpectations Expected) FiveLevelTableMono(EntropyCoding coding = EntropyCoding.Adaptive)
    {
        var architecture = new ModelArchitecture(
            [[2, 1, 1, 1, 1], [2, 2, 1, 2, 1], [2, 2, 2, 1, 2]],
            6,
            1,
            [ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Table]);
        return (Build(architecture, firstFrame: 100, frameCount: 2, seed: 4, _ => coding), new ModelPayloadExpectations(100, 2, 16, 7, ChromaFormat.Mono400));
    }

    /// <summary>
    /// The pinned golden model: L = 2, O = 1, H = 2, level 0 linear and level 1 table, grid 1 × 2 × 2, frame 7 of a
    /// 2 × 2 4:0:0 sequence. Fixed values; codings alternate adaptive, raw, adaptive, raw, adaptive.
    /// </summary>
    public static (SegmentModel Model, ModelPayloadExpectations Expected) Golden()
    {
        var architecture = new ModelArchitecture([[1, 1], [1, 2], [2, 1]], 2, 1, [ModulationKind.Linear, ModulationKind.Table]);
        QuantizedTensor[] tensors =
        [
            new(TensorRole.Modulation, 0, 2, 3, 1u << 20, [0, 3, -1, 20, 0, -2], EntropyCoding.Adaptive),
            new(TensorRole.Modulation, 1, 2, 2, 65536, [1, -1, 100, int.MinValue], EntropyCoding.Raw),
            new(TensorRole.Bias, 0, 1, 2, 1u << 24, [5, -5], EntropyCoding.Adaptive),
            new(TensorRole.OutputWeight, 0, 1, 2, 4096, [1000, -1000], EntropyCoding.Raw),
            new(TensorRole.OutputBias, 0, 1, 1, 1, [123456], EntropyCoding.Adaptive),
        ];
        return (new SegmentModel(7, 1, architecture, tensors), new ModelPayloadExpectations(7, 1, 2, 2, ChromaFormat.Mono400));
    }

    /// <summary>
    /// Fills every tensor of an architecture with Laplacian integers; output tensors stay within |q·μ| &lt; 2^31; the
    /// latents of a model_version 3 grid are context-coded, whatever <paramref name="coding"/> says.
    /// </summary>
    public static SegmentModel Build(ModelArchitecture architecture, int firstFrame, int frameCount, int seed, Func<int, EntropyCoding> coding)
    {
        var layout = architecture.TensorLayout();
        var tensors = new QuantizedTensor[layout.Count];
        for (int i = 0; i < layout.Count; i++)
        {
            var (role, level, rows, columns) = layout[i];
            bool output = role is TensorRole.OutputWeight or TensorRole.OutputBias;
            int[] values = LaplacianSamples.Generate(rows * columns, output ? 50 : 6, seed * 1000 + i);
            if (output)
            {
                values[0] = 40000; // non-zero, so that a larger multiplier overflows |q·μ| < 2^31
            }

            bool integers = role is TensorRole.GridLatents or >= TensorRole.ContextWeight;
            uint multiplier = integers ? 1u : output ? 1u << 12 : (uint)(1 << (10 + (i % 12)));
            bool contextCoded = role == TensorRole.GridLatents && architecture.ModelVersion == 3;
            tensors[i] = new QuantizedTensor(role, level, rows, columns, multiplier, values, contextCoded ? EntropyCoding.Context : coding(i));
        }

        return new SegmentModel(firstFrame, frameCount, architecture, tensors);
    }

    /// <summary>
    /// Reads the payload with each byte in turn changed (by 0x01, 0x80 and 0xFF): each read must succeed or reject the
    /// payload as corrupt (<see cref="InvalidDataException"/>); any other exception fails the test. The payload is left as it was.
    /// </summary>
    public static void ReadWithEveryByteFlipped(byte[] payload, ModelPayloadExpectations expected)
    {
        foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
        {
            for (int i = 0; i < payload.Length; i++)
            {
                payload[i] ^= mask;
                try
                {
                    ModelPayloadReader.Read(payload, expected);
                }
                catch (InvalidDataException)
                {
                    // Rejected as corrupt: the only failure allowed.
                }

                payload[i] ^= mask;
            }
        }
    }

    public static void AssertEqual(SegmentModel expected, SegmentModel actual)
    {
        Assert.Equal(expected.FirstFrame, actual.FirstFrame);
        Assert.Equal(expected.FrameCount, actual.FrameCount);
        var a = expected.Architecture;
        var b = actual.Architecture;
        Assert.Equal(a.Levels, b.Levels);
        Assert.Equal(a.Width, b.Width);
        Assert.Equal(a.OutputChannels, b.OutputChannels);
        for (int l = 0; l < a.Levels; l++)
        {
            Assert.Equal(a.Modulation(l), b.Modulation(l));
            foreach (var axis in new[] { Axis.T, Axis.Y, Axis.X })
            {
                Assert.Equal(a.Base(axis, l), b.Base(axis, l));
            }
        }

        Assert.Equal(expected.Tensors.Count, actual.Tensors.Count);
        for (int i = 0; i < expected.Tensors.Count; i++)
        {
            var s = expected.Tensors[i];
            var t = actual.Tensors[i];
            Assert.Equal(s.ToString(), t.ToString());
            Assert.Equal(s.Values, t.Values);
        }
    }
}
