using Asmr.Decoder.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>The seeded random cases the decoder tests share.</summary>
internal static class DecoderTestCases
{
    public const int SeedCount = 64;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int s = 1; s <= SeedCount; s++)
        {
            data.Add(s);
        }

        return data;
    }

    /// <summary>Every third seed draws extreme integers (i32 hidden path, sat16, wrap-around), the rest realistic ones.</summary>
    public static (ModelConfig Config, Container.Model.SegmentModel Model) Case(int seed, int maxSpatial = 24)
    {
        var rng = new TestRandom((ulong)seed * 0x1234567UL);
        var config = TestModels.RandomConfig(rng, maxSpatial);
        var style = seed % 3 == 0 ? ValueStyle.Extreme : ValueStyle.Realistic;
        return (config, TestModels.Build(config, rng, style));
    }

    /// <summary>
    /// <see cref="Case"/>'s random architectures with random latent grids (model_version 2); every third seed extreme.
    /// Seeds are drawn apart from <see cref="Case"/>'s, so these are other architectures.
    /// </summary>
    public static (ModelConfig Config, Container.Model.SegmentModel Model) GridCase(int seed, int maxSpatial = 24)
    {
        var rng = new TestRandom(((ulong)seed * 0x9E3779B1UL) + 0x6A09E667UL);
        var config = TestModels.RandomConfig(rng, maxSpatial);
        config = config with { Grids = TestModels.RandomGrids(rng, config.Bases) };
        var style = seed % 3 == 0 ? ValueStyle.Extreme : ValueStyle.Realistic;
        return (config, TestModels.Build(config, rng, style));
    }

    public static SegmentDecoder Decoder(ModelConfig config, Container.Model.SegmentModel model, DecoderOptions? options = null) =>
        new(model, config.PictureWidth, config.PictureHeight, config.Chroma, config.BitDepth, options);

    public static List<VideoFrame> DecodeAll(SegmentDecoder decoder) => [.. decoder.DecodeAll()];
}
