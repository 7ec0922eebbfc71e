using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Tests.Inference;

public class SegmentDecoderReferenceTests
{
    public static TheoryData<int> Seeds() => DecoderTestCases.Seeds();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeAll_RandomModel_EqualsPerSampleReference(int seed)
    {
        var (config, model) = DecoderTestCases.Case(seed);
        var decoder = DecoderTestCases.Decoder(config, model);
        var actual = DecoderTestCases.DecodeAll(decoder);
        var expected = new ReferenceDecoder(model).Decode(config.PictureWidth, config.PictureHeight, config.Chroma, config.BitDepth, 0, config.FrameCount);
        FrameAssert.Equal(expected, actual, $"seed {seed}: {config}");
    }

    [Fact]
    public void RandomCases_AllSeeds_CoverTheArchitectureSpace()
    {
        var configs = Enumerable.Range(1, DecoderTestCases.SeedCount).Select(s => DecoderTestCases.Case(s).Config).ToList();
        Assert.Equal([2, 3, 4, 5], configs.Select(c => c.Levels).Distinct().Order());
        Assert.Equal(
            [ChromaFormat.Mono400, ChromaFormat.Yuv420, ChromaFormat.Yuv422, ChromaFormat.Yuv444],
            configs.Select(c => c.Chroma).Distinct().Order());
        Assert.Equal([8, 10], configs.Select(c => c.BitDepth).Distinct().Order());
        Assert.Contains(configs, c => c.Kinds.Contains(ModulationKind.Linear) && c.Kinds.Contains(ModulationKind.Table));
        Assert.Contains(configs, c => c.Width == 1 || c.Width % 16 is 1 or 15);
        Assert.Contains(configs, c => c.Width > 32);
        Assert.Contains(configs, c => c.Bases.Any(a => a.Contains(1)));
        Assert.Contains(configs, c => c.Bases.Any(a => a.Contains(3)));
        Assert.Contains(configs, c => c.PictureWidth % 2 == 1 && c.Chroma == ChromaFormat.Yuv420);
        Assert.Contains(configs, c => c.PictureWidth < c.GridSize(2) || c.PictureHeight < c.GridSize(1));
        Assert.Contains(configs, c => c.FrameCount < c.GridSize(0));
    }

    [Fact]
    public void RealisticCases_DecodedSamples_AreMostlyInsideTheClamp()
    {
        // Comparisons are only sensitive if samples are not pinned at 0 or 2^D − 1.
        long inside = 0;
        long total = 0;
        for (int seed = 1; seed <= DecoderTestCases.SeedCount; seed++)
        {
            if (seed % 3 == 0)
            {
                continue;
            }

            var (config, model) = DecoderTestCases.Case(seed);
            int max = (1 << config.BitDepth) - 1;
            foreach (var frame in DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model)))
            {
                foreach (var plane in frame.Planes)
                {
                    inside += plane.Count(v => v > 0 && v < max);
                    total += plane.Length;
                }
            }
        }

        Assert.True(inside > total * 0.8, $"{inside} of {total} samples inside (0, max).");
    }

    [Fact]
    public void DecodeAll_SeveralChunksOfFramesAndHiddenLevels_EqualsReference()
    {
        // A deeper time hierarchy (slabs recomputed between chunks) and a last level with several frames per parent.
        var rng = new TestRandom(4242);
        var config = new ModelConfig(
            [[2, 1, 3, 2], [2, 3, 1, 2], [3, 1, 2, 3]],
            19,
            [ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table, ModulationKind.Linear],
            ChromaFormat.Yuv420,
            10,
            17,
            12,
            11);
        var model = TestModels.Build(config, rng, ValueStyle.Realistic);
        var actual = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model));
        var expected = new ReferenceDecoder(model).Decode(17, 12, ChromaFormat.Yuv420, 10, 0, 11);
        FrameAssert.Equal(expected, actual, config.ToString());
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv420, 2, 20, 16, 8)]
    [InlineData(ChromaFormat.Yuv420, 2, 19, 15, 7)]
    [InlineData(ChromaFormat.Yuv444, 3, 29, 16, 8)]
    [InlineData(ChromaFormat.Yuv422, 2, 20, 13, 8)]
    public void DecodeAll_WholeLastLevelPicturesAndClippedEdges_EqualsReference(ChromaFormat chroma, int lastX, int width, int height, int frames)
    {
        // The last level of most encodes (several frames of 2×2 samples per parent): parents inside the picture are
        // emitted a whole picture at a time, those on a clipped edge row by row; both must give the reference's samples.
        var rng = new TestRandom((ulong)(9000 + width + lastX));
        var config = new ModelConfig(
            [[1, 2, 4], [4, 2, 2], [10, 1, lastX]],
            24,
            [ModulationKind.Linear, ModulationKind.Table, ModulationKind.Table],
            chroma,
            8,
            width,
            height,
            frames);
        var model = TestModels.Build(config, rng, ValueStyle.Realistic);
        var actual = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model));
        var expected = new ReferenceDecoder(model).Decode(width, height, chroma, 8, 0, frames);
        FrameAssert.Equal(expected, actual, config.ToString());
    }
}
