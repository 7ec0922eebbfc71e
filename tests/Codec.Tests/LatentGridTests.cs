using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>Latent grids (format 2): what the float network computes with them, their rate model and their export.</summary>
public sealed class LatentGridTests
{
    private static readonly ModulationKind[] Kinds = [ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Linear];

    private static ModelArchitecture Tiny(params LatentGrid[] grids) =>
        new([[1, 2, 1, 4], [2, 3, 2, 2], [3, 2, 2, 2]], 8, 3, Kinds, grids);

    [Fact]
    public void Zero_latents_leave_the_network_unchanged_and_their_rate_follows_the_laplace_model()
    {
        using var plain = new AsmrNetwork(Tiny(), new NetworkInit(), 9);
        using var grid = new AsmrNetwork(Tiny(new LatentGrid(2, 2, 1)), new NetworkInit(), 9);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        Assert.Equal(0f, (plain.SharedPre() - grid.SharedPre()).abs().max().item<float>());
        // Scale 1: P(0) = 1 − e^(−1/2), so each zero latent costs −log2(1 − e^(−0.5)) bits.
        double expected = grid.GridLatents[0].numel() * -Math.Log2(1 - Math.Exp(-0.5));
        Assert.Equal(expected, grid.LatentBits().item<float>(), 2);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    public void Shared_forward_with_a_grid_equals_the_per_sample_forward(int level, int temporalCells)
    {
        using var net = new AsmrNetwork(Tiny(new LatentGrid(level, 3, temporalCells)), new NetworkInit { OutputGain = 1 }, 4);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        net.GridLatents[0].copy_(randint(-3, 4, net.GridLatents[0].shape).to(ScalarType.Float32));

        double maxDiff = NetworkTests.SharedVersusPerSampleDifference(net, out double largestOutput);

        Assert.True(maxDiff < 1e-5, $"max difference {maxDiff}");
        Assert.True(largestOutput > 0.1, "the test network must produce non-trivial outputs");
    }

    [Fact]
    public void Pre_of_listed_cells_equals_those_rows_of_the_whole_pre_with_the_same_gradients()
    {
        var a = Tiny(new LatentGrid(1, 2, 1), new LatentGrid(2, 3, 2));
        using var net = new AsmrNetwork(a, new NetworkInit { OutputGain = 1 }, 5);
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            foreach (var z in net.GridLatents)
            {
                z.copy_(randint(-3, 4, z.shape).to(ScalarType.Float32));
            }
        }

        var cells = tensor(new long[] { 0, 3, 7, 100, 143, 144, 200, a.CellCount(2) - 1 });
        var weights = randn(cells.shape[0], a.Width);
        List<Tensor> Gradients(Func<Tensor> pre)
        {
            net.zero_grad();
            (pre() * weights).sum().backward();
            return [.. net.parameters().Select(p => p.grad is null ? zeros(1) : p.grad.clone())];
        }

        var whole = Gradients(() => net.SharedPre().index_select(0, cells));
        var listed = Gradients(() => net.SharedPre(cells));

        using (no_grad())
        {
            Assert.Equal(0f, (net.SharedPre().index_select(0, cells) - net.SharedPre(cells)).abs().max().item<float>(), 5);
        }

        Assert.True(whole.Zip(listed).All(g => (g.First - g.Second).abs().max().item<float>() < 1e-5));
        Assert.True(whole.Any(g => g.abs().max().item<float>() > 1e-3), "the listed cells must reach some parameters");
    }

    [Fact]
    public void A_time_shared_latent_changes_its_cell_in_every_frame_and_nothing_else()
    {
        using var net = new AsmrNetwork(Tiny(new LatentGrid(2, 1, 1)), new NetworkInit { OutputGain = 1 }, 4);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var before = net.Forward();
        net.GridLatents[0][5, 0] = tensor(2f);
        var changed = (net.Forward() - before).abs().amax([1, 2]);

        // Level 2 (the last level's parents, 2 × 12 × 12 cells) and τ = 1: grid cell 5 is cell (t, 0, 5) for t = 0 and 1.
        Assert.True(changed[5].item<float>() > 1e-3);
        Assert.True(changed[144 + 5].item<float>() > 1e-3);
        Assert.Equal(2L, (changed > 1e-6f).sum().item<long>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_higher_rate_weight_trains_cheaper_latents(int rateEvery)
    {
        var video = TestVideos.Smooth(4, 12, 8);
        double Bits(double lambda)
        {
            var a = Tiny(new LatentGrid(1, 2, 1), new LatentGrid(2, 2, 2));
            using var net = new AsmrNetwork(a, new NetworkInit(), 3);
            using var target = new TrainingTarget(a, video);
            Trainer.Train(net, target, new TrainerOptions { Steps = 60, ReportEvery = 1000, LatentRateWeight = lambda, Threads = 1, RateEvery = rateEvery });
            using var noGrad = no_grad();
            return net.LatentBits().item<float>();
        }

        Assert.True(Bits(10) < Bits(1e-4));
    }

    [Theory]
    [InlineData(null, 1e-3)]
    [InlineData(5e-3, 5e-3)]
    [InlineData(1e-4, 1e-3)]
    public void Lambda_starts_at_the_initial_weight_but_never_below_the_floor(double? initial, double expected)
    {
        var video = TestVideos.Smooth(4, 12, 8);
        var a = Tiny(new LatentGrid(1, 2, 1));
        using var net = new AsmrNetwork(a, new NetworkInit(), 3);
        using var target = new TrainingTarget(a, video);

        // No budget: λ is never steered, so it ends where it started.
        var report = Trainer.Train(net, target, new TrainerOptions
        {
            Steps = 5, ReportEvery = 1, LatentRateWeight = 1e-3, InitialLatentRateWeight = initial, Threads = 1,
        });

        Assert.Equal(expected, report.LatentRateWeight, 12);
    }

    [Theory]
    [InlineData(0, 3000.0)]
    [InlineData(150, 2000.0)]
    [InlineData(300, 1000.0)]
    [InlineData(900, 1000.0)]
    public void The_bits_target_falls_from_its_headroom_to_the_budget_over_the_first_third(int step, double expected)
    {
        var options = new TrainerOptions { Steps = 900, LatentBudgetBits = 1000, LatentBudgetHeadroom = 2 };

        Assert.Equal(expected, options.LatentBudgetAt(step)!.Value, 9);
        Assert.Null((options with { LatentBudgetBits = null }).LatentBudgetAt(step));
        Assert.Equal(1000.0, (options with { LatentBudgetHeadroom = 0 }).LatentBudgetAt(step)!.Value, 9);
    }

    [Theory]
    [InlineData(0, 1e-3)]
    [InlineData(299, 1e-3)]
    [InlineData(300, 0.25e-3)]
    [InlineData(899, 0.25e-3)]
    public void Lambda_may_fall_below_its_floor_only_once_the_bits_target_has_settled(int step, double expected)
    {
        var options = new TrainerOptions { Steps = 900, LatentRateWeight = 1e-3, MinLatentRateFactor = 0.25 };

        Assert.Equal(expected, options.LatentRateFloorAt(step), 12);
        Assert.Equal(1e-3, (options with { MinLatentRateFactor = 1 }).LatentRateFloorAt(step), 12);
    }

    [Theory]
    [InlineData(1.0, 1e-3)]
    [InlineData(0.25, 0.25e-3)]
    public void Latents_far_under_their_budget_lower_lambda_to_its_lowest_allowed_value(double minFactor, double expected)
    {
        var video = TestVideos.Smooth(4, 12, 8);
        var a = Tiny(new LatentGrid(1, 2, 1));
        using var net = new AsmrNetwork(a, new NetworkInit(), 3);
        using var target = new TrainingTarget(a, video);

        var report = Trainer.Train(net, target, new TrainerOptions
        {
            Steps = 30, ReportEvery = 1, LatentRateWeight = 1e-3, LatentBudgetBits = 1e9, LatentBudgetHeadroom = 0,
            LatentBudgetFallFraction = 0.2, MinLatentRateFactor = minFactor, Threads = 1,
        });

        Assert.Equal(expected, report.LatentRateWeight, 12);
    }

    [Fact]
    public void Export_stores_rounded_latents_with_multiplier_one_in_a_version_2_model()
    {
        var a = Tiny(new LatentGrid(1, 2, 1), new LatentGrid(2, 3, 2));
        using var net = new AsmrNetwork(a, new NetworkInit(), 6);
        using (var noGrad = no_grad())
        {
            net.GridLatents[1].copy_(rand(net.GridLatents[1].shape) * 6 - 3);
        }

        var expected = SegmentExporter.FloatTensors(net);
        var model = SegmentExporter.Export(net, 0, 4, [.. a.TensorLayout().Select(t => t.Role == TensorRole.GridLatents ? 1u : 1u << 12)]);
        byte[] payload = ModelPayloadWriter.Write(model);

        Assert.Equal(2, payload[0] | (payload[1] << 8));
        var layout = a.TensorLayout();
        Assert.Equal(2 + 3, layout.Count(t => t.Role == TensorRole.GridLatents));
        for (int i = 0; i < layout.Count; i++)
        {
            if (layout[i].Role == TensorRole.GridLatents)
            {
                Assert.Equal(1u, model.Tensors[i].Multiplier);
                Assert.Equal(expected[i].Select(v => (int)Math.Round(v)), model.Tensors[i].Values);
            }
        }

        Assert.Contains(model.Tensors, t => t.Role == TensorRole.GridLatents && t.Values.Any(v => v != 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Fine_step_export_with_grids_decodes_like_the_float_model(int level)
    {
        var video = TestVideos.Smooth(4, 20, 14);
        var a = new ModelArchitecture(
            [[2, 1, 2, 1], [2, 2, 1, 4], [3, 1, 2, 4]],
            16,
            3,
            [ModulationKind.Table, ModulationKind.Table, ModulationKind.Linear, ModulationKind.Linear],
            [new LatentGrid(level, 2, level == 0 ? 1 : 2), .. level == 0 ? new[] { new LatentGrid(1, 1, 1) } : []]);
        using var net = new AsmrNetwork(a, new NetworkInit(), 11);
        using var target = new TrainingTarget(a, video);
        Trainer.Train(net, target, new TrainerOptions { Steps = 40, ReportEvery = 1000, LatentRateWeight = 1e-5 });
        SegmentExporter.RoundLatents(net);
        Assert.True(net.GridLatents.Any(z => z.abs().max().item<float>() >= 1), "training must move some latents off zero");

        var fine = DecoderAgreement.FineMultipliers(a);
        var model = SegmentExporter.Export(net, 0, video.Frames.Count, fine);
        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(model), new ModelPayloadExpectations(0, video.Frames.Count, video.Width, video.Height, video.Chroma));
        var floatFrames = DecoderAgreement.FloatFrames(net, target);

        var decoded = new SegmentDecoder(read, video.Width, video.Height, video.Chroma, 8).DecodeAll().ToList();
        var (worst, _, _) = DecoderAgreement.Compare(floatFrames, decoded);
        Assert.True(worst <= 1, $"worst difference {worst}");
    }
}
