using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container.Model;

namespace Asmr.Codec.Tests;

public sealed class DeterminismTests
{
    private static IReadOnlyList<float[]> TrainOnce(long seed, bool halfPrecision = false)
    {
        var video = TestVideos.Smooth(4, 16, 16);
        var a = LevelPlanner.Plan(4, 16, 16, video.Chroma, new PlannerOptions { Width = 8, LastSpatialBase = 4 });
        using var net = new AsmrNetwork(a, new NetworkInit(), seed);
        using var target = new TrainingTarget(a, video);
        net.HalfPrecisionLastLevel = halfPrecision;
        Trainer.Train(net, target, new TrainerOptions { Steps = 25, ReportEvery = 1000 });
        return SegmentExporter.FloatTensors(net);
    }

    [Fact]
    public void Same_seed_gives_identical_weights()
    {
        var first = TrainOnce(5);
        var second = TrainOnce(5);
        Assert.Equal(first.Count, second.Count);
        for (int i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i], second[i]);
        }
    }

    [Fact]
    public void Same_seed_gives_identical_weights_with_a_bfloat16_last_level()
    {
        var first = TrainOnce(5, halfPrecision: true);
        var second = TrainOnce(5, halfPrecision: true);
        for (int i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i], second[i]);
        }

        Assert.NotEqual(TrainOnce(5)[^1], first[^1]);
    }

    [Fact]
    public void Different_seeds_give_different_weights()
    {
        var first = TrainOnce(5);
        var second = TrainOnce(6);
        Assert.NotEqual(first[0], second[0]);
    }
}
