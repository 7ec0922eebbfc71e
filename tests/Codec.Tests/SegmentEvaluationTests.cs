using Asmr.Codec.Training;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>Evaluating a whole segment in blocks of cells (<see cref="SegmentEvaluation"/>), as a large segment is.</summary>
public sealed class SegmentEvaluationTests
{
    /// <summary>8 × 3 elements a block: blocks of 3 cells, the last one shorter when the count is not a multiple of 3.</summary>
    private const long ThreeCells = 8 * 3;

    private static (AsmrNetwork Network, TrainingTarget Target) Fitted(int width, int height)
    {
        var video = TestVideos.Smooth(4, width, height);
        var a = LevelPlanner.Plan(4, height, width, video.Chroma, new PlannerOptions { Width = 8, LastSpatialBase = 2, GridLevels = 1, GridRank = 2, MinGridCell = 2 });
        var network = new AsmrNetwork(a, new NetworkInit(), 3, 4);
        var target = new TrainingTarget(a, video);
        Assert.True(target.CellCount > 8, "the segment must have enough cells to split");
        Trainer.Train(network, target, new TrainerOptions { Steps = 12, ReportEvery = 1000 });
        return (network, target);
    }

    [Theory]
    [InlineData(16, 16)]
    [InlineData(18, 14)] // padded: the target's mask is split with the cells
    public void The_loss_in_blocks_matches_one_pass(int width, int height)
    {
        var (network, target) = Fitted(width, height);
        using (network)
        using (target)
        {
            double whole = SegmentEvaluation.Loss(network, target, Trainer.RgbWeights);
            double blocks = SegmentEvaluation.Loss(network, target, Trainer.RgbWeights, blockElements: ThreeCells);

            Assert.True(whole > 0, "a fit of 12 steps leaves an error");
            Assert.Equal(whole, blocks, whole * 1e-5);
        }
    }

    [Fact]
    public void The_loss_of_every_other_cell_in_blocks_matches_one_pass()
    {
        var (network, target) = Fitted(18, 14);
        using (network)
        using (target)
        {
            using var cells = arange(0, target.CellCount, 2, dtype: ScalarType.Int64);
            double whole = SegmentEvaluation.Loss(network, target, Trainer.RgbWeights, cells);
            double blocks = SegmentEvaluation.Loss(network, target, Trainer.RgbWeights, cells, blockElements: ThreeCells);
            double all = SegmentEvaluation.Loss(network, target, Trainer.RgbWeights);

            Assert.NotEqual(all, whole, all * 1e-5); // half the cells scaled up is not the whole segment's loss
            Assert.Equal(whole, blocks, whole * 1e-5);
        }
    }

    [Fact]
    public void The_output_in_blocks_matches_one_pass()
    {
        var (network, target) = Fitted(18, 14);
        using (network)
        using (target)
        {
            using var whole = SegmentEvaluation.Output(network, target);
            using var blocks = SegmentEvaluation.Output(network, target, blockElements: ThreeCells);

            Assert.Equal(whole.shape, blocks.shape);
            Assert.True(whole.abs().max().item<float>() > 1e-3, "the fitted network outputs a picture");
            Assert.True((whole - blocks).abs().max().item<float>() < 1e-5, "largest output difference");
        }
    }
}
