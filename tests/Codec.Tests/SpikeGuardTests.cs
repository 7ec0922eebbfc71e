using Asmr.Codec.Training;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>The trainer's guard against loss spikes: step back to the best parameters, restart Adam, slow down for a while.</summary>
public sealed class SpikeGuardTests
{
    /// <summary>Throws the network's weights far off at one step, as a sine network's spike does.</summary>
    private sealed class Kick(AsmrNetwork network, int atStep) : IStepHook
    {
        private int _step;

        public void BeforeForward()
        {
            if (_step++ == atStep)
            {
                using var noGrad = no_grad();
                foreach (var p in network.parameters())
                {
                    p.add_(randn(p.shape) * 3.0);
                }
            }
        }

        public void BeforeOptimizerStep()
        {
        }
    }

    private static TrainingReport Train(int? kickAt, double spikeFactor, List<TrainingProgress>? reports = null)
    {
        var video = TestVideos.Smooth(4, 16, 16);
        var a = LevelPlanner.Plan(4, 16, 16, video.Chroma, new PlannerOptions { Width = 8, LastSpatialBase = 4 });
        manual_seed(3);
        using var net = new AsmrNetwork(a, new NetworkInit(), 3);
        using var target = new TrainingTarget(a, video);
        // The stall check is off: this network is still slow at its check step, and the tests isolate the spike guard.
        var options = new TrainerOptions { Steps = 400, ReportEvery = 10, SpikeFactor = spikeFactor, SpikeRecoverySteps = 50, StallLossFraction = 0 };
        return Trainer.Train(net, target, options, reports is null ? null : reports.Add, kickAt is { } k ? new Kick(net, k) : null);
    }

    [Fact]
    public void A_spike_is_undone_and_training_goes_on_improving_from_before_it()
    {
        var calmReports = new List<TrainingProgress>();
        var calm = Train(null, 1.5, calmReports);
        var guardedReports = new List<TrainingProgress>();
        var guarded = Train(95, 1.5, guardedReports);
        double beforeKick = calmReports.Single(r => r.Step == 90).Loss;

        Assert.Equal(0, calm.Spikes);
        Assert.Equal(1, guarded.Spikes);
        Assert.True(guardedReports.Single(r => r.Step == 100).Loss > 1.5 * beforeKick, "the kick must make a spike");
        Assert.True(guarded.FinalLoss < 0.8 * beforeKick, $"after the spike: {guarded.FinalLoss:E3}, before the kick: {beforeKick:E3}");
    }

    [Fact]
    public void Without_the_guard_the_same_spike_is_not_stepped_back_from()
    {
        var unguarded = Train(95, 0);
        var guarded = Train(95, 1.5);

        Assert.Equal(0, unguarded.Spikes);
        Assert.True(guarded.FinalLoss < unguarded.FinalLoss, $"guarded {guarded.FinalLoss:E3}, unguarded {unguarded.FinalLoss:E3}");
    }
}
