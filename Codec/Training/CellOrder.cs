using Asmr.Container.Model;

namespace Asmr.Codec.Training;

/// <summary>
/// The order in which training lays out the cells of a level: tree order, each parent's children together
/// (position = Σ_k d_k · Π_{j&gt;k} β_j over the local digit tuples d_k = (d_t·B_y + d_y)·B_x + d_x of levels 0…l).
/// Broadcasting a parent over its children and summing the gradient back are then plain row operations; in raster
/// order they are strided 7-D reductions, ten times slower (experiments/NOTES.md). The decoder and the
/// file use raster order (spec §11.1); the order here never leaves training.
/// </summary>
internal static class CellOrder
{
    /// <summary>For each cell of <paramref name="level"/> in raster order (t, y, x), its position in tree order.</summary>
    public static long[] TreePositions(ModelArchitecture architecture, int level)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var spans = Spans(architecture, level);
        int ct = architecture.CumulativeSize(Axis.T, level);
        int cy = architecture.CumulativeSize(Axis.Y, level);
        int cx = architecture.CumulativeSize(Axis.X, level);
        var positions = new long[(long)ct * cy * cx];
        long r = 0;
        for (int t = 0; t < ct; t++)
        {
            for (int y = 0; y < cy; y++)
            {
                for (int x = 0; x < cx; x++)
                {
                    positions[r++] = TreePosition(architecture, spans, t, y, x);
                }
            }
        }

        return positions;
    }

    /// <summary>Tree position of cell (t, y, x) of <paramref name="level"/>.</summary>
    public static long TreePosition(ModelArchitecture architecture, int level, int t, int y, int x)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return TreePosition(architecture, Spans(architecture, level), t, y, x);
    }

    /// <summary>
    /// Σ_k d_k · Π_{j&gt;k} β_j, where the level-k digit on an axis is the cell's coordinate divided by the span of a
    /// level-k cell (in cells of the target level), modulo the level-k base.
    /// </summary>
    private static long TreePosition(ModelArchitecture architecture, (int T, int Y, int X)[] spans, int t, int y, int x)
    {
        long position = 0;
        for (int k = 0; k < spans.Length; k++)
        {
            int bt = architecture.Base(Axis.T, k), by = architecture.Base(Axis.Y, k), bx = architecture.Base(Axis.X, k);
            int dt = t / spans[k].T % bt, dy = y / spans[k].Y % by, dx = x / spans[k].X % bx;
            position = (position * architecture.LocalCount(k)) + (((dt * by) + dy) * bx) + dx;
        }

        return position;
    }

    /// <summary>For k = 0…level: cells of <paramref name="level"/> per level-k cell along t, y and x.</summary>
    private static (int T, int Y, int X)[] Spans(ModelArchitecture architecture, int level) =>
        [.. Enumerable.Range(0, level + 1).Select(k => (
            architecture.CumulativeSize(Axis.T, level) / architecture.CumulativeSize(Axis.T, k),
            architecture.CumulativeSize(Axis.Y, level) / architecture.CumulativeSize(Axis.Y, k),
            architecture.CumulativeSize(Axis.X, level) / architecture.CumulativeSize(Axis.X, k)))];

    /// <summary>For each cell of grid <paramref name="gridIndex"/>'s level in tree order, its latent cell n(c) (spec §11.4).</summary>
    public static long[] GridCellsInTreeOrder(ModelArchitecture architecture, int gridIndex)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var grid = architecture.Grids[gridIndex];
        int level = grid.Level;
        int ct = architecture.CumulativeSize(Axis.T, level);
        int cy = architecture.CumulativeSize(Axis.Y, level);
        int cx = architecture.CumulativeSize(Axis.X, level);
        int framesPerCell = ct / grid.TemporalCells;
        var positions = TreePositions(architecture, level);
        var cells = new long[positions.Length];
        long r = 0;
        for (int t = 0; t < ct; t++)
        {
            for (int y = 0; y < cy; y++)
            {
                for (int x = 0; x < cx; x++)
                {
                    cells[positions[r++]] = ((((long)(t / framesPerCell) * cy) + y) * cx) + x;
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// For <see cref="AsmrNetwork.InterpolatedGrids"/> (spec §11.4): for each cell of the level below grid
    /// <paramref name="gridIndex"/>'s (tree order), the four latent cells around its centre in y and x and their bilinear
    /// weights ([cells × 4] each; in time the latent cell that holds it). Cells past the grid's edge take its border.
    /// </summary>
    public static (long[] Cells, float[] Weights) BilinearTaps(ModelArchitecture architecture, int gridIndex)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var grid = architecture.Grids[gridIndex];
        int level = grid.Level + 1;
        int ct = architecture.CumulativeSize(Axis.T, level);
        int cy = architecture.CumulativeSize(Axis.Y, level);
        int cx = architecture.CumulativeSize(Axis.X, level);
        int gy = architecture.CumulativeSize(Axis.Y, grid.Level);
        int gx = architecture.CumulativeSize(Axis.X, grid.Level);
        int framesPerCell = ct / grid.TemporalCells;
        var positions = TreePositions(architecture, level);
        var cells = new long[positions.Length * 4];
        var weights = new float[positions.Length * 4];
        long r = 0;
        for (int t = 0; t < ct; t++)
        {
            for (int y = 0; y < cy; y++)
            {
                var (y0, y1, wy) = Taps(y, cy / gy, gy);
                for (int x = 0; x < cx; x++)
                {
                    var (x0, x1, wx) = Taps(x, cx / gx, gx);
                    long row = positions[r++] * 4;
                    long plane = (long)(t / framesPerCell) * gy;
                    cells[row] = ((plane + y0) * gx) + x0;
                    cells[row + 1] = ((plane + y0) * gx) + x1;
                    cells[row + 2] = ((plane + y1) * gx) + x0;
                    cells[row + 3] = ((plane + y1) * gx) + x1;
                    weights[row] = (float)((1 - wy) * (1 - wx));
                    weights[row + 1] = (float)((1 - wy) * wx);
                    weights[row + 2] = (float)(wy * (1 - wx));
                    weights[row + 3] = (float)(wy * wx);
                }
            }
        }

        return (cells, weights);
    }

    /// <summary>The two grid rows around the centre of fine row <paramref name="i"/> (<paramref name="ratio"/> fine rows a grid row) and the second one's weight.</summary>
    private static (int Lower, int Upper, double Weight) Taps(int i, int ratio, int size)
    {
        double u = ((i + 0.5) / ratio) - 0.5;
        int lower = (int)Math.Floor(u);
        double w = u - lower;
        return (Math.Clamp(lower, 0, size - 1), Math.Clamp(lower + 1, 0, size - 1), w);
    }
}
