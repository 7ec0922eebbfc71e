using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Tests.Inference;

public class SegmentDecoderEquivalenceTests
{
    public static TheoryData<int> Seeds() => DecoderTestCases.Seeds();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeAll_EverySimdPath_EqualsForceScalar(int seed)
    {
        var (config, model) = DecoderTestCases.Case(seed);
        var scalar = DecoderTestCases.Decoder(config, model, new DecoderOptions { ForceScalar = true, Threads = 1 });
        Assert.Equal(SimdPath.Scalar, scalar.Path);
        var expected = DecoderTestCases.DecodeAll(scalar);
        foreach (var path in SimdSupport.Available.Where(p => p != SimdPath.Scalar))
        {
            var decoder = DecoderTestCases.Decoder(config, model, new DecoderOptions { Path = path, Threads = 1 });
            Assert.Equal(path, decoder.Path);
            FrameAssert.Equal(expected, DecoderTestCases.DecodeAll(decoder), $"seed {seed} {path}: {config}");
        }
    }

    [Fact]
    public void Machine_HasAVectorPath_SoSimdComparisonsAreNotVacuous()
    {
        Assert.Contains(SimdSupport.Available, p => p != SimdPath.Scalar);
        Assert.NotEqual(SimdPath.Scalar, DecoderOptions.Default.EffectivePath);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeAll_ManyThreads_EqualsOneThread(int seed)
    {
        var (config, model) = DecoderTestCases.Case(seed, maxSpatial: 40);
        var expected = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model, new DecoderOptions { Threads = 1 }));
        foreach (int threads in new[] { 2, 3, 8 })
        {
            var options = new DecoderOptions { Threads = threads, ParallelThreshold = 0 };
            FrameAssert.Equal(expected, DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model, options)), $"seed {seed} threads {threads}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeAll_OnTheFlyPatternsAndSmallBlocks_EqualsPrecomputed(int seed)
    {
        var (config, model) = DecoderTestCases.Case(seed);
        var expected = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model));
        var options = new DecoderOptions { PrecomputeLimit = 0, MaxBlockCells = 3, ParallelThreshold = 0, Threads = 2 };
        FrameAssert.Equal(expected, DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model, options)), $"seed {seed}: {config}");
        var scalar = new DecoderOptions { PrecomputeLimit = 0, MaxBlockCells = 5, ForceScalar = true };
        FrameAssert.Equal(expected, DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model, scalar)), $"seed {seed} scalar: {config}");
    }
}
