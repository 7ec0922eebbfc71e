using Asmr.Codec.Training;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>The trainer's check for a network that collapsed at the start (its loss still that of a constant picture).</summary>
public sealed class StallCheckTests
{
    private static TrainingReport Train(double learningRate, double stallFraction)
    {
        var video = TestVideos.Smooth(4, 32, 32);
        var a = LevelPlanner.Plan(4, 32, 32, video.Chroma, new PlannerOptions { Width = 16, LastSpatialBase = 4 });
        manual_seed(5);
        using var net = new AsmrNetwork(a, new NetworkInit(), 5);
        using var target = new TrainingTarget(a, video);
        var options = new TrainerOptions
        {
            Steps = 300, Seed = 5, ReportEvery = 10, StallLossFraction = stallFraction,
            LearningRate = learningRate, ModulationLearningRate = 6 * learningRate, LatentLearningRate = 3 * learningRate,
        };
        return Trainer.Train(net, target, options);
    }

    [Fact]
    public void A_network_that_does_not_learn_is_reported_stalled_at_the_check_step()
    {
        var report = Train(learningRate: 0, stallFraction: 0.5);

        Assert.True(report.Stalled);
        Assert.Equal(101, report.Steps);
    }

    [Fact]
    public void A_network_that_learns_is_not_stalled_and_trains_to_the_end()
    {
        var report = Train(learningRate: 1e-2, stallFraction: 0.5);

        Assert.False(report.Stalled);
        Assert.Equal(300, report.Steps);
    }

    [Fact]
    public void Without_the_check_a_network_that_does_not_learn_trains_to_the_end()
    {
        var report = Train(learningRate: 0, stallFraction: 0);

        Assert.False(report.Stalled);
        Assert.Equal(300, report.Steps);
    }

    [Fact]
    public void The_constant_picture_loss_is_the_weighted_variance_of_the_target()
    {
        var video = TestVideos.Smooth(2, 16, 16);
        var a = LevelPlanner.Plan(2, 16, 16, video.Chroma, new PlannerOptions { Width = 8, LastSpatialBase = 4 });
        using var target = new TrainingTarget(a, video);
        double expected = 0;
        for (int p = 0; p < 3; p++)
        {
            var values = video.Frames.SelectMany(f => f[p]).Select(v => v / (double)(1 << video.BitDepth)).ToArray();
            double mean = values.Average();
            expected += Trainer.RgbWeights[p] * values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        }

        double actual = target.ConstantLoss(Trainer.RgbWeights);
        Assert.True(Math.Abs(actual - expected) < 1e-3 * expected + 1e-9, $"constant loss {actual}, weighted variance {expected}");
    }
}
