using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>
/// model_version 3 (spec §10.7, §11.4): latents that arrive context-coded are used exactly as a model_version 2 grid's
/// latents, so a v3 model decodes to the same pictures as the v2 model holding the same integers.
/// </summary>
public class SegmentDecoderContextModelTests
{
    public static TheoryData<int> Seeds() => DecoderTestCases.Seeds();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeAll_Version3ModelThroughItsPayload_EqualsVersion2ModelWithTheSameLatents(int seed)
    {
        var (config, extreme) = DecoderTestCases.GridCase(seed);
        var v2 = WithLatentsWithin2Pow29(extreme);
        var v3 = WithContextModels(v2, seed);
        var expected = new ModelPayloadExpectations(0, config.FrameCount, config.PictureWidth, config.PictureHeight, config.Chroma);

        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(v3), expected);

        Assert.Equal(3, read.Architecture.ModelVersion);
        var reference = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, v2, new DecoderOptions { ForceScalar = true, Threads = 1 }));
        foreach (var options in new[] { new DecoderOptions { ForceScalar = true, Threads = 1 }, new DecoderOptions { Threads = 3, ParallelThreshold = 0, MaxBlockCells = 3 } })
        {
            FrameAssert.Equal(reference, DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, read, options)), $"seed {seed}: {config}");
        }
    }

    /// <summary>
    /// The model with its latents clamped to ±2^29: an escape codes residuals below 2^31 + 15, so a context-coded latent
    /// cannot be any i32 (the extreme test models have some near ±2^31).
    /// </summary>
    internal static SegmentModel WithLatentsWithin2Pow29(SegmentModel model) => new(
        model.FirstFrame,
        model.FrameCount,
        model.Architecture,
        [.. model.Tensors.Select(t => t.Role == TensorRole.GridLatents
            ? new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 1, [.. t.Values.Select(v => Math.Clamp(v, -(1 << 29), 1 << 29))], t.Coding)
            : t)]);

    /// <summary>
    /// The v2 model's tensors in the v3 layout: the same network and latents (now one cells × k record per grid) and a
    /// small seeded context model per grid.
    /// </summary>
    internal static SegmentModel WithContextModels(SegmentModel v2, int seed)
    {
        var rng = new TestRandom((ulong)seed + 313);
        var architecture = v2.Architecture.WithContextModels([.. v2.Architecture.Grids.Select(_ => rng.Next(1, 5))]);
        var tensors = new List<QuantizedTensor>();
        foreach (var (role, level, rows, columns) in architecture.TensorLayout())
        {
            tensors.Add(role switch
            {
                TensorRole.GridLatents => new QuantizedTensor(role, level, rows, columns, 1, v2.GridLatentMatrixOf(level), EntropyCoding.Context),
                >= TensorRole.ContextWeight => new QuantizedTensor(role, level, rows, columns, 1, [.. Enumerable.Range(0, rows * columns).Select(_ => rng.Next(-300, 300))]),
                _ => v2.Tensors.Single(t => t.Role == role && t.Level == level),
            });
        }

        return new SegmentModel(v2.FirstFrame, v2.FrameCount, architecture, tensors);
    }
}
