using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Tests.Inference;

public class SegmentDecoderHashTests
{
    /// <summary>SHA-256 (spec §12 layout) of the fixed model below. Changing it means the decoding process changed.</summary>
    private const string PinnedHash = "2b37afb7cfd7b9230ac9394c07e0832986c2a32377b1c759edd53c2662fe98f3";

    [Fact]
    public void DecodeAll_FixedModel_HasThePinnedHashOnEveryPathAndThreadCount()
    {
        var (config, model) = FixedModel();
        var runs = new List<DecoderOptions>
        {
            new() { ForceScalar = true, Threads = 1 },
            new() { Threads = 2, ParallelThreshold = 0 },
            new() { PrecomputeLimit = 0, MaxBlockCells = 7, Threads = 3, ParallelThreshold = 0 },
        };
        runs.AddRange(SimdSupport.Available.Select(p => new DecoderOptions { Path = p }));
        foreach (var options in runs)
        {
            var hash = FrameAssert.Sha256(DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model, options)));
            Assert.True(PinnedHash == hash, $"got {hash}");
        }
    }

    [Fact]
    public void ReferenceDecode_FixedModel_HasThePinnedHash()
    {
        var (config, model) = FixedModel();
        var frames = new ReferenceDecoder(model).Decode(config.PictureWidth, config.PictureHeight, config.Chroma, config.BitDepth, 0, config.FrameCount);
        Assert.Equal(PinnedHash, FrameAssert.Sha256(frames));
    }

    /// <summary>L = 4, H = 21, 4:2:0 at 10 bits, 30×22 picture on a 32×24 grid, 5 of 6 frames, mixed modulation.</summary>
    private static (ModelConfig Config, SegmentModel Model) FixedModel()
    {
        var config = new ModelConfig(
            [[3, 1, 1, 2], [2, 3, 1, 4], [2, 2, 2, 4]],
            21,
            [ModulationKind.Linear, ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table],
            ChromaFormat.Yuv420,
            10,
            30,
            22,
            5);
        return (config, TestModels.Build(config, new TestRandom(20261125), ValueStyle.Realistic));
    }
}
