using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Tests.Inference;

public class SegmentDecoderRegionTests
{
    public static TheoryData<int> Seeds() => DecoderTestCases.Seeds();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeFrames_RandomCropAndRange_EqualsCutOfFullDecode(int seed)
    {
        var (config, model) = DecoderTestCases.Case(seed, maxSpatial: 40);
        var decoder = DecoderTestCases.Decoder(config, model, new DecoderOptions { Threads = 2, ParallelThreshold = 0 });
        var full = DecoderTestCases.DecodeAll(decoder);
        var rng = new TestRandom((ulong)seed + 99);
        int ax = 1 << config.Chroma.ChromaShiftX();
        int ay = 1 << config.Chroma.ChromaShiftY();
        for (int round = 0; round < 4; round++)
        {
            int x = rng.Next(0, (config.PictureWidth - 1) / ax) * ax;
            int y = rng.Next(0, (config.PictureHeight - 1) / ay) * ay;
            var crop = new CropRectangle(x, y, rng.Next(1, config.PictureWidth - x), rng.Next(1, config.PictureHeight - y));
            int a = rng.Next(0, config.FrameCount - 1);
            int b = rng.Next(a + 1, config.FrameCount);
            var expected = full.Skip(a).Take(b - a).Select(f => FrameAssert.Cut(f, crop)).ToList();
            FrameAssert.Equal(expected, [.. decoder.DecodeFrames(a, b, crop)], $"seed {seed} {crop} [{a},{b}): {config}");
            FrameAssert.Equal([expected[0]], [decoder.DecodeFrame(a, crop)], $"seed {seed} single frame {a} {crop}");
        }
    }

    [Theory]
    [InlineData(32, 32)]
    [InlineData(34, 30)]
    [InlineData(0, 64)]
    public void DecodeFrame_QuarterAreaCrop_EvaluatesUnder40PercentOfTheCells(int x, int y)
    {
        var (decoder, levels) = LargeDecoder(ChromaFormat.Yuv420);
        var stats = decoder.Statistics;
        decoder.DecodeFrame(1);
        var full = Enumerable.Range(0, levels).Select(stats.Cells).ToArray();
        stats.Reset();
        decoder.DecodeFrame(1, new CropRectangle(x, y, 64, 64));
        var crop = Enumerable.Range(0, levels).Select(stats.Cells).ToArray();
        Assert.InRange(crop[levels - 1], full[levels - 1] / 4, (long)(0.4 * full[levels - 1]));
        Assert.InRange(crop[levels - 2], full[levels - 2] / 4, (long)(0.4 * full[levels - 2]));
        Assert.True(crop[0] < full[0], $"level 0: {crop[0]} of {full[0]}");
    }

    [Fact]
    public void DecodeFrames_OneFrameOfEight_EvaluatesOneEighthOfTheLastLevel()
    {
        var (decoder, levels) = LargeDecoder(ChromaFormat.Yuv444);
        var stats = decoder.Statistics;
        _ = decoder.DecodeAll().Count();
        long all = stats.Cells(levels - 1);
        Assert.Equal(8L * 128 * 128, all);
        stats.Reset();
        decoder.DecodeFrame(5);
        Assert.Equal(all / 8, stats.Cells(levels - 1));
        Assert.Equal(32L * 32, stats.Cells(levels - 2)); // one level-(L−2) time slab: (128/4)² parents
    }

    [Fact]
    public void DecodeFrames_TakingTheFirstFrame_DecodesOnlyItsChunk()
    {
        var (decoder, levels) = LargeDecoder(ChromaFormat.Yuv444);
        var stats = decoder.Statistics;
        var first = decoder.DecodeFrames(0, 8).First();
        Assert.Equal(128, first.Width);

        // The last level spans two frames in time per parent: the first chunk is frames 0 and 1.
        Assert.Equal(2L * 128 * 128, stats.Cells(levels - 1));
    }

    [Fact]
    public void DecodeFrames_OneEnumerableEnumeratedTwiceAndConcurrently_GivesTheSameFrames()
    {
        var (decoder, _) = LargeDecoder(ChromaFormat.Yuv420);
        var frames = decoder.DecodeFrames(1, 6, new CropRectangle(10, 20, 50, 41));
        var first = frames.ToList();
        FrameAssert.Equal(first, [.. frames], "second enumeration");
        var parallel = Enumerable.Range(0, 3).AsParallel().Select(_ => frames.ToList()).ToList();
        foreach (var run in parallel)
        {
            FrameAssert.Equal(first, run, "concurrent enumeration");
        }
    }

    [Fact]
    public void DecodeFrames_CropOnMono_EqualsCutOfFullDecode()
    {
        var (decoder, _) = LargeDecoder(ChromaFormat.Mono400);
        var crop = new CropRectangle(7, 5, 33, 61);
        var full = decoder.DecodeFrames(2, 5).ToList();
        FrameAssert.Equal(full.Select(f => FrameAssert.Cut(f, crop)).ToList(), [.. decoder.DecodeFrames(2, 5, crop)], "mono crop");
    }

    /// <summary>128×128, 8 frames; last level β = 2·4·4 = 32 (two frames per parent), four levels.</summary>
    private static (SegmentDecoder Decoder, int Levels) LargeDecoder(ChromaFormat chroma)
    {
        var config = new ModelConfig(
            [[2, 1, 2, 2], [4, 4, 2, 4], [4, 2, 4, 4]],
            12,
            [ModulationKind.Linear, ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table],
            chroma,
            8,
            128,
            128,
            8);
        var model = TestModels.Build(config, new TestRandom(5), ValueStyle.Realistic);
        return (DecoderTestCases.Decoder(config, model, new DecoderOptions { Threads = 2 }), config.Levels);
    }
}
