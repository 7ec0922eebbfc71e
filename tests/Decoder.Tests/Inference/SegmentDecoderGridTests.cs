using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>Latent grids (model_version 2, spec §11.4) against the per-sample reference, on every decoding path.</summary>
public class SegmentDecoderGridTests
{
    public static TheoryData<int> Seeds() => DecoderTestCases.Seeds();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeAll_RandomGridModel_EveryPathAndThreadCount_EqualsPerSampleReference(int seed)
    {
        var (config, model) = DecoderTestCases.GridCase(seed);
        var expected = Reference(config, model, 0, config.FrameCount);
        foreach (var options in Options())
        {
            var decoder = DecoderTestCases.Decoder(config, model, options);
            FrameAssert.Equal(expected, DecoderTestCases.DecodeAll(decoder), $"seed {seed} {Describe(options)}: {config}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeFrames_RandomGridModel_CropAndFrameRange_EqualsPerSampleReference(int seed)
    {
        var (config, model) = DecoderTestCases.GridCase(seed, maxSpatial: 40);
        var decoders = new[]
        {
            DecoderTestCases.Decoder(config, model, new DecoderOptions { Threads = 1 }),
            DecoderTestCases.Decoder(config, model, new DecoderOptions { Threads = 3, ParallelThreshold = 0, MaxBlockCells = 5 }),
        };
        var rng = new TestRandom((ulong)seed + 7777);
        int ax = 1 << config.Chroma.ChromaShiftX();
        int ay = 1 << config.Chroma.ChromaShiftY();
        for (int round = 0; round < 3; round++)
        {
            int x = rng.Next(0, (config.PictureWidth - 1) / ax) * ax;
            int y = rng.Next(0, (config.PictureHeight - 1) / ay) * ay;
            var crop = new CropRectangle(x, y, rng.Next(1, config.PictureWidth - x), rng.Next(1, config.PictureHeight - y));
            int a = rng.Next(0, config.FrameCount - 1);
            int b = rng.Next(a + 1, config.FrameCount);
            var expected = new ReferenceDecoder(model).Decode(config.PictureWidth, config.PictureHeight, config.Chroma, config.BitDepth, a, b, crop);
            foreach (var decoder in decoders)
            {
                FrameAssert.Equal(expected, [.. decoder.DecodeFrames(a, b, crop)], $"seed {seed} {crop} [{a},{b}): {config}");
                FrameAssert.Equal([expected[^1]], [decoder.DecodeFrame(b - 1, crop)], $"seed {seed} single frame {b - 1} {crop}");
            }
        }
    }

    [Fact]
    public void GridCases_AllSeeds_CoverGridLevelsRanksAndTemporalCells()
    {
        var configs = Enumerable.Range(1, DecoderTestCases.SeedCount).Select(s => DecoderTestCases.GridCase(s).Config).ToList();
        var grids = configs.SelectMany(c => c.Grids!.Select(g => (Config: c, Grid: g))).ToList();
        Assert.Equal([2, 3, 4, 5], configs.Select(c => c.Levels).Distinct().Order());
        Assert.Contains(configs, c => c.Levels == 2);
        Assert.Contains(grids, e => e.Grid.Level == 0 && e.Config.Levels > 2); // level 0 as a slab
        Assert.Contains(grids, e => e.Grid.Level >= 1 && e.Grid.Level < e.Config.Levels - 2); // a hidden slab level
        Assert.Contains(grids, e => e.Grid.Level >= 1 && e.Grid.Level == e.Config.Levels - 2); // the parent level ≥ 1
        Assert.Contains(configs, c => c.Grids!.Length > 1);
        Assert.Contains(grids, e => e.Grid.Rank == 1);
        Assert.Contains(grids, e => e.Grid.Rank > 1);
        Assert.Contains(grids, e => e.Grid.TemporalCells == 1 && e.Config.CumulativeSize(0, e.Grid.Level) > 1);
        Assert.Contains(grids, e => e.Grid.TemporalCells > 1 && e.Grid.TemporalCells == e.Config.CumulativeSize(0, e.Grid.Level));
        Assert.Contains(grids, e => e.Grid.TemporalCells > 1 && e.Grid.TemporalCells < e.Config.CumulativeSize(0, e.Grid.Level));
        Assert.Contains(configs, c => c.FrameCount > c.Bases[0][^1]); // several chunks of frames
    }

    [Fact]
    public void DecodeAll_NonZeroLatents_DecodeDifferentlyFromZeroLatents()
    {
        // Guards the comparisons above against passing vacuously (a grid term that is never added). A tiny picture
        // may read only cells whose latents happen to be 0, so a few seeds may legitimately decode the same.
        var unchanged = new List<int>();
        for (int seed = 1; seed <= DecoderTestCases.SeedCount; seed++)
        {
            var (config, model) = DecoderTestCases.GridCase(seed);
            var zero = WithZeroLatents(model);
            bool same = Same(DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model)), DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, zero)));
            bool referenceSame = Same(Reference(config, model, 0, config.FrameCount), Reference(config, zero, 0, config.FrameCount));
            Assert.True(same == referenceSame, $"seed {seed}: the decoder and the reference disagree on whether the latents matter");
            if (same)
            {
                unchanged.Add(seed);
            }
        }

        Assert.True(unchanged.Count <= DecoderTestCases.SeedCount / 16, $"latents changed nothing for seeds {string.Join(", ", unchanged)}");
    }

    [Fact]
    public void DecodeAll_ZeroLatents_EqualsTheModelWithoutGrids()
    {
        var (config, model) = DecoderTestCases.GridCase(4);
        var zero = WithZeroLatents(model);
        var plainConfig = config with { Grids = null };
        var plain = new SegmentModel(0, config.FrameCount, plainConfig.Architecture(), [.. model.Tensors.Where(t => t.Role is not (TensorRole.GridProjection or TensorRole.GridLatents))]);
        Assert.Equal(1, plain.Architecture.ModelVersion);
        FrameAssert.Equal(
            DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(plainConfig, plain)),
            DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, zero)),
            config.ToString());
    }

    [Fact]
    public void DecodeFrames_GridOnEveryLevelOverSeveralChunks_EqualsPerSampleReference()
    {
        // L = 4, C_t = 2, 2, 6 on levels 0..2: τ = C_t on level 0, 1 on level 1, 3 (in between) on the parent level.
        var config = new ModelConfig(
            [[2, 1, 3, 2], [2, 3, 1, 2], [3, 1, 2, 3]],
            19,
            [ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table, ModulationKind.Linear],
            ChromaFormat.Yuv420,
            10,
            17,
            12,
            11,
            [new LatentGrid(0, 2, 2), new LatentGrid(1, 1, 1), new LatentGrid(2, 5, 3)]);
        var model = TestModels.Build(config, new TestRandom(4243), ValueStyle.Realistic);
        FrameAssert.Equal(Reference(config, model, 0, 11), DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model)), config.ToString());
        var crop = new CropRectangle(4, 2, 9, 7);
        var expected = new ReferenceDecoder(model).Decode(17, 12, ChromaFormat.Yuv420, 10, 3, 10, crop);
        foreach (var options in Options())
        {
            FrameAssert.Equal(expected, [.. DecoderTestCases.Decoder(config, model, options).DecodeFrames(3, 10, crop)], $"{Describe(options)}: {config}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void DecodeAll_TwoLevelsWithGridOnLevelZero_EqualsPerSampleReference(int temporalCells)
    {
        // L = 2: level 0 is the parent level, so θ_0 with the grid term is pre(p) directly.
        var config = new ModelConfig(
            [[6, 2], [3, 4], [4, 3]],
            13,
            [ModulationKind.Linear, ModulationKind.Table],
            ChromaFormat.Yuv444,
            8,
            11,
            12,
            12,
            [new LatentGrid(0, 3, temporalCells)]);
        var model = TestModels.Build(config, new TestRandom((ulong)temporalCells), ValueStyle.Realistic);
        var expected = Reference(config, model, 0, 12);
        foreach (var options in Options())
        {
            FrameAssert.Equal(expected, DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model, options)), $"{Describe(options)}: {config}");
        }
    }

    /// <summary>Scalar on one thread, each SIMD path on one thread, several threads, on-the-fly patterns and small blocks.</summary>
    private static IEnumerable<DecoderOptions> Options()
    {
        yield return new DecoderOptions { ForceScalar = true, Threads = 1 };
        foreach (var path in SimdSupport.Available.Where(p => p != SimdPath.Scalar))
        {
            yield return new DecoderOptions { Path = path, Threads = 1 };
        }

        yield return new DecoderOptions { Threads = 3, ParallelThreshold = 0 };
        yield return new DecoderOptions { Threads = 8, ParallelThreshold = 0, PrecomputeLimit = 0, MaxBlockCells = 3 };
    }

    private static string Describe(DecoderOptions o) =>
        $"path {o.EffectivePath} threads {o.Threads} precompute {o.PrecomputeLimit} block {o.MaxBlockCells}";

    private static VideoFrame[] Reference(ModelConfig config, SegmentModel model, int start, int end) =>
        new ReferenceDecoder(model).Decode(config.PictureWidth, config.PictureHeight, config.Chroma, config.BitDepth, start, end);

    private static SegmentModel WithZeroLatents(SegmentModel model) =>
        new(model.FirstFrame, model.FrameCount, model.Architecture, [.. model.Tensors.Select(t => t.Role == TensorRole.GridLatents
            ? new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, t.Multiplier, new int[t.Values.Length])
            : t)]);

    private static bool Same(IReadOnlyList<VideoFrame> a, IReadOnlyList<VideoFrame> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Planes.Zip(p.Second.Planes).All(q => q.First.AsSpan().SequenceEqual(q.Second)));
}
