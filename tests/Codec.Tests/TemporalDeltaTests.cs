using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container.Model;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>Later time cells of a context-coded grid trained as differences from the one before (<see cref="AsmrNetwork.TemporalDeltas"/>).</summary>
public sealed class TemporalDeltaTests
{
    private static readonly ModulationKind[] Kinds = [ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Linear];

    private static AsmrNetwork Network(int temporalCells, bool deltas)
    {
        var a = new ModelArchitecture([[1, 2, 1, 4], [2, 3, 2, 2], [3, 2, 2, 2]], 8, 3, Kinds, [new LatentGrid(2, 2, temporalCells)]);
        return new AsmrNetwork(a, new NetworkInit { OutputGain = 1 }, 4, contextHidden: 4) { TemporalDeltas = deltas };
    }

    [Fact]
    public void The_latents_are_the_running_sums_of_the_differences_over_time()
    {
        using var net = Network(2, deltas: true);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var d = randint(-3, 4, net.GridLatents[0].shape).to(ScalarType.Float32);
        net.GridLatents[0].copy_(d);

        var halves = d.view(2, -1, 2);
        var expected = cat([halves[0], halves[0] + halves[1]], 0).view(d.shape);
        Assert.Equal(0f, (net.LatentValues(0) - expected).abs().max().item<float>());
        Assert.True(NetworkTests.SharedVersusPerSampleDifference(net, out _) < 1e-5);
    }

    [Fact]
    public void Setting_values_stores_their_differences_and_reads_back_the_same_values()
    {
        using var net = Network(2, deltas: true);
        using var scope = NewDisposeScope();
        var values = randint(-5, 6, net.GridLatents[0].shape).to(ScalarType.Float32);
        net.SetLatentValues(0, values);

        Assert.Equal(0f, (net.LatentValues(0) - values).abs().max().item<float>());
        var halves = values.view(2, -1, 2);
        Assert.Equal(0f, (net.GridLatents[0].view(2, -1, 2)[1] - (halves[1] - halves[0])).abs().max().item<float>());
    }

    [Fact]
    public void Without_differences_or_with_one_time_cell_the_parameters_are_the_latents()
    {
        foreach (var (cells, deltas) in new[] { (2, false), (1, true) })
        {
            using var net = Network(cells, deltas);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            net.GridLatents[0].copy_(rand(net.GridLatents[0].shape));
            Assert.Equal(0f, (net.LatentValues(0) - net.GridLatents[0]).abs().max().item<float>());
        }
    }

    [Fact]
    public void Export_stores_the_sums_of_the_rounded_differences_and_loading_restores_them()
    {
        using var net = Network(2, deltas: true);
        using (var noGrad = no_grad())
        {
            net.GridLatents[0].copy_((rand(net.GridLatents[0].shape) * 6) - 3);
        }

        using var scope = NewDisposeScope();
        var integers = net.LatentIntegers(0);
        SegmentExporter.RoundLatents(net);
        Assert.Equal(0f, (net.LatentValues(0) - integers).abs().max().item<float>());

        var a = net.Architecture;
        var multipliers = a.TensorLayout().Select(t => t.Role == TensorRole.GridLatents ? 1u : 1u << 12).ToArray();
        var model = SegmentExporter.Export(net, 0, 4, multipliers, [.. net.GridContexts.Select(c => c.ToInteger())]);
        Assert.Equal(integers.to_type(ScalarType.Int32).contiguous().data<int>().ToArray(), model.GridLatentMatrixOf(2));

        using var reloaded = Network(2, deltas: true);
        SegmentExporter.Load(reloaded, model);
        Assert.Equal(0f, (reloaded.LatentValues(0) - integers).abs().max().item<float>());
    }

    [Fact]
    public void While_training_the_rate_reports_the_integer_models_estimate_of_the_stored_latents()
    {
        using var net = Network(2, deltas: true);
        net.ContextFitOnIntegers = true;
        using var scope = NewDisposeScope();
        using (var noGrad = no_grad())
        {
            net.GridLatents[0].copy_((rand(net.GridLatents[0].shape) * 4) - 2);
        }

        var a = net.Architecture;
        int rows = a.CumulativeSize(Axis.Y, 2), columns = a.CumulativeSize(Axis.X, 2);
        float reported = net.LatentBits().item<float>();
        using var noGradAgain = no_grad();
        float expected = net.GridContexts[0].Bits(net.LatentIntegers(0), 2, rows, columns).item<float>();

        Assert.Equal(expected, reported, 2);
    }

    [Fact]
    public void On_a_still_video_the_later_time_cell_learns_to_repeat_the_first()
    {
        var still = TestVideos.Smooth(1, 16, 12);
        var video = new VideoClip([.. Enumerable.Repeat(still.Frames[0], 4)]);
        var a = new ModelArchitecture([[1, 2, 2, 1], [2, 3, 1, 2], [2, 2, 2, 2]], 8, 3, Kinds, [new LatentGrid(2, 2, 2)]);
        using var net = new AsmrNetwork(a, new NetworkInit(), 5, contextHidden: 4) { TemporalDeltas = true, ContextFitOnIntegers = true };
        using var target = new TrainingTarget(a, video);
        Trainer.Train(net, target, new TrainerOptions { Steps = 150, ReportEvery = 1000, LatentRateWeight = 1e-2, LatentRoundingFraction = 0.2, Threads = 1 });

        using var scope = NewDisposeScope();
        var integers = net.LatentIntegers(0).view(2, -1);
        Assert.True(integers[0].abs().sum().item<float>() > 0, "the first time cell must carry something");
        Assert.Equal(0f, (integers[1] - integers[0]).abs().sum().item<float>());
    }
}
