using System.IO;
using Asmr.Container.Model;

namespace Asmr.Decoder.Inference;

/// <summary>
/// A latent grid (spec §11.4, model_version 2 to 5) in integer form: for a cell c of its level g it adds
/// <c>Σ_{i&lt;k} z_i[n(c)]·U[i][r]</c> to θ_g(c)[r] (u32, wrapping), with
/// <c>n(c) = ((c_t div (C[t][g]/τ))·C[y][g] + c_y)·C[x][g] + c_x</c>. An interpolated grid (model_version 5,
/// placement 1) adds to θ_{g+1}(c) instead, with z_i the integer bilinear sum of the four grid cells around c's centre.
/// </summary>
internal sealed class LatentGridTerm
{
    private readonly int _width;
    private readonly uint[][] _projection;
    private readonly int[] _latents;
    private readonly int _rank;
    private readonly int _timeStep;
    private readonly int _cellsY;
    private readonly int _cellsX;
    private readonly int _timeRatio = 1;
    private readonly (int Lower, int Upper, uint WeightLower, uint WeightUpper)[]? _tapsY;
    private readonly (int Lower, int Upper, uint WeightLower, uint WeightUpper)[]? _tapsX;

    /// <exception cref="InvalidDataException">A latent tensor's multiplier is not 1 (spec §10.3).</exception>
    public LatentGridTerm(SegmentModel model, LatentGrid grid, int paddedWidth)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(grid);
        var arch = model.Architecture;
        int g = grid.Level;
        Level = grid.Interpolated ? g + 1 : g;
        _width = arch.Width;
        _timeStep = arch.CumulativeSize(Axis.T, g) / grid.TemporalCells;
        _cellsY = arch.CumulativeSize(Axis.Y, g);
        _cellsX = arch.CumulativeSize(Axis.X, g);
        if (grid.Interpolated)
        {
            _timeRatio = arch.Base(Axis.T, g + 1);
            _tapsY = Taps(arch.CumulativeSize(Axis.Y, g + 1), arch.Base(Axis.Y, g + 1), _cellsY);
            _tapsX = Taps(arch.CumulativeSize(Axis.X, g + 1), arch.Base(Axis.X, g + 1), _cellsX);
        }

        // U[i][r] = q·μ as u32 phases, zero beyond H.
        var u = model.GridProjectionOf(g);
        _projection = new uint[grid.Rank][];
        for (int i = 0; i < grid.Rank; i++)
        {
            _projection[i] = new uint[paddedWidth];
            for (int r = 0; r < _width; r++)
            {
                _projection[i][r] = unchecked((uint)u[i, r] * u.Multiplier);
            }
        }

        if (model.GridLatentsOf(g).FirstOrDefault(z => z.Multiplier != 1) is { } bad)
        {
            throw new InvalidDataException($"The latents of the grid on level {g} have multiplier {bad.Multiplier}; it must be 1 (spec §10.3).");
        }

        // cells × k whichever model_version stored them (v3 records are decoded by the container, §10.7).
        _rank = grid.Rank;
        _latents = model.GridLatentMatrixOf(g);
    }

    /// <summary>The level whose phases receive the term: g, or g + 1 for an interpolated grid.</summary>
    public int Level { get; }

    /// <summary>theta[r] += Σ_i z_i·U[i][r] for r &lt; H, for the cell c = (ct, cy, cx) of <see cref="Level"/>.</summary>
    public void AddTo(int ct, int cy, int cx, Span<uint> theta)
    {
        theta = theta[.._width];
        if (_tapsY is null || _tapsX is null)
        {
            int n = (((ct / _timeStep * _cellsY) + cy) * _cellsX) + cx;
            var z = _latents.AsSpan(n * _rank, _rank);
            for (int i = 0; i < z.Length; i++)
            {
                Add(unchecked((uint)z[i]), i, theta);
            }

            return;
        }

        var (y0, y1, wy0, wy1) = _tapsY[cy];
        var (x0, x1, wx0, wx1) = _tapsX[cx];
        int plane = ct / _timeRatio / _timeStep * _cellsY;
        int n00 = ((plane + y0) * _cellsX) + x0, n01 = ((plane + y0) * _cellsX) + x1;
        int n10 = ((plane + y1) * _cellsX) + x0, n11 = ((plane + y1) * _cellsX) + x1;
        for (int i = 0; i < _rank; i++)
        {
            uint zi = unchecked(
                (wy0 * ((wx0 * (uint)_latents[(n00 * _rank) + i]) + (wx1 * (uint)_latents[(n01 * _rank) + i])))
                + (wy1 * ((wx0 * (uint)_latents[(n10 * _rank) + i]) + (wx1 * (uint)_latents[(n11 * _rank) + i]))));
            Add(zi, i, theta);
        }
    }

    private void Add(uint zi, int channel, Span<uint> theta)
    {
        if (zi == 0)
        {
            return;
        }

        var u = _projection[channel].AsSpan(0, theta.Length);
        for (int r = 0; r < theta.Length; r++)
        {
            theta[r] = unchecked(theta[r] + (zi * u[r]));
        }
    }

    /// <summary>
    /// Per cell of the finer level along one axis (R finer cells a grid cell, grid size <paramref name="gridCells"/>):
    /// the grid cells below and above its centre, clamped to the grid, and their weights 2R − f and f, where
    /// 2c + 1 − R = 2R·lower + f with 0 ≤ f &lt; 2R (spec §11.4).
    /// </summary>
    private static (int, int, uint, uint)[] Taps(int cells, int ratio, int gridCells)
    {
        var taps = new (int, int, uint, uint)[cells];
        for (int c = 0; c < cells; c++)
        {
            int n = (2 * c) + 1 - ratio;
            int lower = (int)Math.Floor(n / (2.0 * ratio));
            int f = n - (2 * ratio * lower);
            taps[c] = (Math.Clamp(lower, 0, gridCells - 1), Math.Clamp(lower + 1, 0, gridCells - 1), (uint)((2 * ratio) - f), (uint)f);
        }

        return taps;
    }
}
