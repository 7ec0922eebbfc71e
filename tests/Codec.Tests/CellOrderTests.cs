using Asmr.Codec.Training;
using Asmr.Container.Model;

namespace Asmr.Codec.Tests;

public sealed class CellOrderTests
{
    private static readonly ModelArchitecture Arch = new(
        [[1, 2, 1, 4], [2, 3, 2, 2], [3, 2, 2, 2]],
        8,
        3,
        [ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Linear],
        [new LatentGrid(1, 2, 2), new LatentGrid(2, 1, 1)]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Tree_positions_are_a_permutation_of_the_cells(int level)
    {
        var positions = CellOrder.TreePositions(Arch, level);
        Assert.Equal(Arch.CellCount(level), positions.Length);
        Assert.Equal(Enumerable.Range(0, positions.Length).Select(i => (long)i), positions.Order());
    }

    [Fact]
    public void Level_zero_keeps_raster_order()
    {
        Assert.Equal(Enumerable.Range(0, (int)Arch.CellCount(0)).Select(i => (long)i), CellOrder.TreePositions(Arch, 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_cells_children_sit_together_in_local_digit_order(int level)
    {
        int beta = Arch.LocalCount(level);
        int bt = Arch.Base(Axis.T, level), by = Arch.Base(Axis.Y, level), bx = Arch.Base(Axis.X, level);
        for (int t = 0; t < Arch.CumulativeSize(Axis.T, level); t++)
        {
            for (int y = 0; y < Arch.CumulativeSize(Axis.Y, level); y++)
            {
                for (int x = 0; x < Arch.CumulativeSize(Axis.X, level); x++)
                {
                    long position = CellOrder.TreePosition(Arch, level, t, y, x);
                    long parent = CellOrder.TreePosition(Arch, level - 1, t / bt, y / by, x / bx);
                    Assert.Equal(parent, position / beta);
                    Assert.Equal((((t % bt) * by) + (y % by)) * bx + (x % bx), position % beta);
                }
            }
        }
    }

    [Fact]
    public void Grid_cells_in_tree_order_name_the_latent_of_each_cell()
    {
        // Grid 0: level 1 (2 × 6 × 6 cells), τ = 2, so latent cell n = (t·6 + y)·6 + x.
        var cells = CellOrder.GridCellsInTreeOrder(Arch, 0);
        Assert.Equal(Arch.CellCount(1), cells.Length);
        for (int t = 0; t < 2; t++)
        {
            for (int y = 0; y < 6; y++)
            {
                for (int x = 0; x < 6; x++)
                {
                    Assert.Equal(((t * 6) + y) * 6 + x, cells[CellOrder.TreePosition(Arch, 1, t, y, x)]);
                }
            }
        }

        // Grid 1: level 2 (2 × 12 × 12 cells), τ = 1: both frames share latent cell y·12 + x.
        var shared = CellOrder.GridCellsInTreeOrder(Arch, 1);
        Assert.Equal(shared[CellOrder.TreePosition(Arch, 2, 0, 7, 3)], shared[CellOrder.TreePosition(Arch, 2, 1, 7, 3)]);
        Assert.Equal((7 * 12) + 3, shared[CellOrder.TreePosition(Arch, 2, 1, 7, 3)]);
    }
}
