using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Codec.Tests;

public sealed class PlannerTests
{
    [Theory]
    [InlineData(1, 1, 1, ChromaFormat.Mono400)]
    [InlineData(1, 1, 1, ChromaFormat.Yuv420)]
    [InlineData(7, 13, 17, ChromaFormat.Yuv420)]
    [InlineData(5, 97, 101, ChromaFormat.Yuv422)]
    [InlineData(32, 288, 352, ChromaFormat.Yuv420)]
    [InlineData(30, 720, 1280, ChromaFormat.Yuv420)]
    [InlineData(24, 1080, 1920, ChromaFormat.Yuv444)]
    public void Plan_covers_the_video_with_little_padding_and_chroma_aligned_last_level(int frames, int height, int width, ChromaFormat chroma)
    {
        var a = LevelPlanner.Plan(frames, height, width, chroma, new PlannerOptions());
        int sy = 1 << chroma.ChromaShiftY();
        int sx = 1 << chroma.ChromaShiftX();
        Assert.True(a.GridSize(Axis.T) >= frames);
        Assert.True(a.GridSize(Axis.Y) >= height);
        Assert.True(a.GridSize(Axis.X) >= width);
        Assert.Equal(0, a.Base(Axis.Y, a.Levels - 1) % sy);
        Assert.Equal(0, a.Base(Axis.X, a.Levels - 1) % sx);
        Assert.True(a.GridSize(Axis.Y) <= Math.Max(height * 1.15, height + 16));
        Assert.True(a.GridSize(Axis.X) <= Math.Max(width * 1.15, width + 16));
        Assert.True(a.GridSize(Axis.T) <= Math.Max(frames * 1.15, frames + 2));
        Assert.Equal(chroma == ChromaFormat.Mono400 ? 1 : 3, a.OutputChannels);
    }

    [Fact]
    public void Time_at_the_finest_shared_level_leaves_the_coarser_levels_one_time_cell()
    {
        var a = LevelPlanner.Plan(32, 288, 352, ChromaFormat.Yuv420, new PlannerOptions
        {
            LastSpatialBase = 2, LastTemporalBase = 4, TimeAtFinestSharedLevel = true, MinGridCell = 2, GridTemporalCells = 8,
        });

        Assert.Equal([1, 1, 1, 1, 8, 4], Bases(a, Axis.T));
        Assert.Equal(32, a.GridSize(Axis.T));
        Assert.Equal(8, a.Grids.Single(g => g.Level == a.Levels - 2).TemporalCells);
    }

    [Fact]
    public void Cif_needs_no_padding_and_gets_4x4_blocks_of_16_frames_at_the_last_level()
    {
        var a = LevelPlanner.Plan(32, 288, 352, ChromaFormat.Yuv420, new PlannerOptions());
        Assert.Equal((32, 288, 352), (a.GridSize(Axis.T), a.GridSize(Axis.Y), a.GridSize(Axis.X)));
        Assert.Equal([1, 1, 1, 2, 16], Bases(a, Axis.T));
        Assert.Equal([4, 3, 3, 2, 4], Bases(a, Axis.Y));
        Assert.Equal([11, 2, 2, 2, 4], Bases(a, Axis.X));
    }

    [Fact]
    public void Cif_with_2x2_blocks_keeps_its_grids_on_4x4_and_8x8_cells()
    {
        var a = LevelPlanner.Plan(32, 288, 352, ChromaFormat.Yuv420, new PlannerOptions { LastSpatialBase = 2 });
        Assert.Equal([1, 1, 1, 1, 2, 16], Bases(a, Axis.T));
        Assert.Equal([4, 3, 3, 2, 2, 2], Bases(a, Axis.Y));
        Assert.Equal([11, 2, 2, 2, 2, 2], Bases(a, Axis.X));
        Assert.Equal([2, 3], a.Grids.Select(g => g.Level));
    }

    [Theory]
    [InlineData(1, new[] { 1, 1 })]
    [InlineData(2, new[] { 2, 2 })]
    [InlineData(3, new[] { 2, 2 })]
    [InlineData(8, new[] { 2, 4 })]
    public void Grids_take_the_largest_divisor_of_their_levels_time_cells_up_to_the_limit(int limit, int[] expected)
    {
        var a = LevelPlanner.Plan(32, 288, 352, ChromaFormat.Yuv420, new PlannerOptions { LastSpatialBase = 2, LastTemporalBase = 4, GridTemporalCells = limit });
        Assert.Equal([1, 1, 2, 2, 2, 4], Bases(a, Axis.T));
        Assert.Equal(expected, a.Grids.Select(g => g.TemporalCells));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(4, 2)]
    [InlineData(2, 1)]
    public void Grids_sit_on_the_finest_levels_whose_cells_span_at_least_the_minimum(int lastBase, int gridLevels)
    {
        var a = LevelPlanner.Plan(32, 720, 1280, ChromaFormat.Yuv420, new PlannerOptions { LastSpatialBase = lastBase, GridLevels = gridLevels });
        Assert.Equal(gridLevels, a.Grids.Count);
        int finest = a.Grids[^1].Level;
        Assert.True(Span(a, Axis.Y, finest) >= 4 && Span(a, Axis.X, finest) >= 4);
        Assert.True(Span(a, Axis.Y, finest + 1) < 4 || Span(a, Axis.X, finest + 1) < 4);
        Assert.Equal(Enumerable.Range(finest - gridLevels + 1, gridLevels), a.Grids.Select(g => g.Level));
    }

    [Fact]
    public void A_picture_too_small_for_4x4_cells_still_gets_its_grids_above_the_last_level()
    {
        var a = LevelPlanner.Plan(3, 2, 2, ChromaFormat.Yuv420, new PlannerOptions { LastSpatialBase = 2, GridLevels = 1 });
        Assert.Equal([a.Levels - 2], a.Grids.Select(g => g.Level));
    }

    private static int Span(ModelArchitecture a, Axis axis, int level) =>
        Enumerable.Range(level + 1, a.Levels - level - 1).Aggregate(1, (p, l) => p * a.Base(axis, l));

    private static int[] Bases(ModelArchitecture a, Axis axis) => [.. Enumerable.Range(0, a.Levels).Select(l => a.Base(axis, l))];

    [Fact]
    public void Long_720p_video_is_split_into_even_segments_of_at_most_the_segment_length()
    {
        var segments = LevelPlanner.Segments(300, 32);
        Assert.Equal(10, segments.Count);
        Assert.All(segments, s => Assert.Equal(30, s.Count));
        Assert.Equal(0, segments[0].First);
        Assert.Equal(270, segments[^1].First);
        var a = LevelPlanner.Plan(segments[0].Count, 720, 1280, ChromaFormat.Yuv420, new PlannerOptions());
        Assert.True(a.Levels >= 5);
        Assert.True(a.LocalCount(a.Levels - 1) >= 16);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(33, 32)]
    [InlineData(7, 3)]
    public void Segments_cover_every_frame_once(int frames, int length)
    {
        var segments = LevelPlanner.Segments(frames, length);
        Assert.Equal(frames, segments.Sum(s => s.Count));
        Assert.All(segments, s => Assert.InRange(s.Count, 1, length));
        for (int i = 1; i < segments.Count; i++)
        {
            Assert.Equal(segments[i - 1].First + segments[i - 1].Count, segments[i].First);
        }
    }
}
