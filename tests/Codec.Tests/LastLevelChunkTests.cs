using Asmr.Codec.Quantization;
using Asmr.Codec.Training;

namespace Asmr.Codec.Tests;

/// <summary>Training a large segment's last level a block of cells at a time (<see cref="TrainerOptions.LastLevelChunkElements"/>).</summary>
public sealed class LastLevelChunkTests
{
    private static IReadOnlyList<float[]> Train(int width, int height, long chunkElements, int contextHidden, int steps = 12, double cellFraction = 1)
    {
        var video = TestVideos.Smooth(4, width, height);
        var a = LevelPlanner.Plan(4, height, width, video.Chroma, new PlannerOptions { Width = 8, LastSpatialBase = 2, GridLevels = 1, GridRank = 2, MinGridCell = 2 });
        using var net = new AsmrNetwork(a, new NetworkInit(), 3, contextHidden);
        using var target = new TrainingTarget(a, video);
        Assert.True(target.CellCount > 8, "the segment must have enough cells to split");
        if (steps > 0)
        {
            Trainer.Train(net, target, new TrainerOptions { Steps = steps, ReportEvery = 1000, LastLevelChunkElements = chunkElements, LastLevelCellFraction = cellFraction, MinSampledCells = 1 });
        }

        return SegmentExporter.FloatTensors(net);
    }

    private static double LargestDifference(IReadOnlyList<float[]> x, IReadOnlyList<float[]> y)
    {
        double largest = 0;
        for (int i = 0; i < x.Count; i++)
        {
            for (int j = 0; j < x[i].Length; j++)
            {
                largest = Math.Max(largest, Math.Abs(x[i][j] - y[i][j]));
            }
        }

        return largest;
    }

    [Theory]
    [InlineData(16, 16, 0)]
    [InlineData(16, 16, 4)]
    [InlineData(18, 14, 4)] // padded: the target's mask is split with the cells
    public void Training_in_blocks_of_cells_matches_one_pass(int width, int height, int contextHidden)
    {
        var whole = Train(width, height, long.MaxValue, contextHidden);
        // 8 × 3 elements a block: blocks of 3 cells, the last one shorter when the count is not a multiple of 3.
        var blocks = Train(width, height, 8 * 3, contextHidden);

        double difference = LargestDifference(whole, blocks);
        double moved = LargestDifference(whole, Train(width, height, long.MaxValue, contextHidden, steps: 0));
        Assert.True(moved > 1e-2, $"training must move the parameters (largest change {moved})");
        Assert.True(difference < 2e-4, $"largest parameter difference {difference}");
    }

    [Theory]
    [InlineData(16, 16)]
    [InlineData(18, 14)] // padded
    public void Training_on_part_of_the_cells_in_blocks_matches_one_pass(int width, int height)
    {
        var whole = Train(width, height, long.MaxValue, 4, cellFraction: 0.5);
        var blocks = Train(width, height, 8 * 3, 4, cellFraction: 0.5);

        double moved = LargestDifference(whole, Train(width, height, long.MaxValue, 4, cellFraction: 1));
        Assert.True(moved > 1e-3, $"a part of the cells must train differently from all of them (largest difference {moved})");
        Assert.True(LargestDifference(whole, blocks) < 2e-4, $"largest parameter difference {LargestDifference(whole, blocks)}");
    }

    [Theory]
    [InlineData(50_688, 40, 50_688)] // CIF, 32 frames, 2×2×16 last-level cells: one block
    [InlineData(460_800, 128, 230_400)] // 720p: two blocks
    [InlineData(1_036_800, 128, 259_200)] // 1080p: four blocks
    public void A_segment_splits_into_as_few_even_blocks_as_the_limit_allows(long cells, int width, long rows)
    {
        Assert.Equal(rows, Trainer.LastLevelChunkRows(cells, width, new TrainerOptions().LastLevelChunkElements));
    }
}
