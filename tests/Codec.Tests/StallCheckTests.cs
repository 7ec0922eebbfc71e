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
            Steps = 300, ReportEvery = 10, StallLossFraction = stallFraction,
            LearningRate = learningRate, ModulationLearningRate = 6 * learningRate, LatentLearningRate = 3 * learningRate,
        };
        return Trainer.Train(net, target, options);
    }

    [Theory]
    [InlineData(0.0, 0.5, true, 101)] // does not learn: stopped at the check step
    [InlineData(1.8e-3, 0.5, true, 201)] // learns slowly: under half the constant loss by step 100, still over a quarter at 200
    [InlineData(1e-2, 0.5, false, 300)] // learns: trains to the end
    [InlineData(0.0, 0.0, false, 300)] // check off: trains to the end whatever happens
    public void A_network_is_reported_stalled_only_when_it_has_not_left_a_constant_picture_by_the_check_steps(
        double learningRate, double stallFraction, bool stalled, int steps)
    {
        var report = Train(learningRate, stallFraction);

        Assert.Equal(stalled, report.Stalled);
        Assert.Equal(steps, report.Steps);
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
            var values = video.Frames.SelectMany(f => f.Planes[p]).Select(v => v / (double)(1 << video.BitDepth)).ToArray();
            double mean = values.Average();
            expected += Trainer.RgbWeights[p] * values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        }

        double actual = target.ConstantLoss(Trainer.RgbWeights);
        Assert.True(Math.Abs(actual - expected) < 1e-3 * expected + 1e-9, $"constant loss {actual}, weighted variance {expected}");
    }
}
