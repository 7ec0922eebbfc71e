using Asmr.Container.Model;

namespace Asmr.Codec.Training;

/// <summary>
/// The order in which training lays out the cells of a level: tree order, each parent's children together
/// (position = Σ_k d_k · Π_{j&gt;k} β_j over the local digit tuples d_k = (d_t·B_y + d_y)·B_x + d_x of levels 0…l).
/// Broadcasting a parent over its children and summing the gradient back are then plain row operations; in raster
/// order they are strided 7-D reductions, ten times slower (experiments/NOTES.md, session 5). The decoder and the
/// file use raster order (spec §11.1); the order here never leaves training.
/// </summary>
internal static class CellOrder
{
    /// <summary>For each cell of <paramref name="level"/> in raster order (t, y, x), its position in tree order.</summary>
    public static long[] TreePositions(ModelArchitecture architecture, int level)
    {
        ArgumentNullException.ThrowIfNull(architecture);
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
                    positions[r++] = TreePosition(architecture, level, t, y, x);
                }
            }
        }

        return positions;
    }

    /// <summary>Tree position of cell (t, y, x) of <paramref name="level"/>.</summary>
    public static long TreePosition(ModelArchitecture architecture, int level, int t, int y, int x)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        long position = 0;
        int spanT = 1, spanY = 1, spanX = 1;
        for (int k = level; k > 0; k--)
        {
            spanT *= architecture.Base(Axis.T, k);
            spanY *= architecture.Base(Axis.Y, k);
            spanX *= architecture.Base(Axis.X, k);
        }

        for (int k = 0; k <= level; k++)
        {
            int bt = architecture.Base(Axis.T, k), by = architecture.Base(Axis.Y, k), bx = architecture.Base(Axis.X, k);
            if (k > 0)
            {
                spanT /= bt;
                spanY /= by;
                spanX /= bx;
            }

            int dt = t / spanT % bt, dy = y / spanY % by, dx = x / spanX % bx;
            position = (position * architecture.LocalCount(k)) + (((dt * by) + dy) * bx) + dx;
        }

        return position;
    }

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
}
