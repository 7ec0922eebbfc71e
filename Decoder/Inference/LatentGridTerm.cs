using System.IO;
using Asmr.Container.Model;

namespace Asmr.Decoder.Inference;

/// <summary>
/// A latent grid (spec §11.4, model_version 2 and 3) in integer form: for a cell c of its level g it adds
/// <c>Σ_{i&lt;k} z_i[n(c)]·U[i][r]</c> to θ_g(c)[r] (u32, wrapping), with
/// <c>n(c) = ((c_t div (C[t][g]/τ))·C[y][g] + c_y)·C[x][g] + c_x</c>.
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

    /// <exception cref="InvalidDataException">A latent tensor's multiplier is not 1 (spec §10.3).</exception>
    public LatentGridTerm(SegmentModel model, LatentGrid grid, int paddedWidth)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(grid);
        var arch = model.Architecture;
        int g = grid.Level;
        Level = g;
        _width = arch.Width;
        _timeStep = arch.CumulativeSize(Axis.T, g) / grid.TemporalCells;
        _cellsY = arch.CumulativeSize(Axis.Y, g);
        _cellsX = arch.CumulativeSize(Axis.X, g);

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

    /// <summary>g, the level whose phases receive the term.</summary>
    public int Level { get; }

    /// <summary>theta[r] += Σ_i z_i[n(c)]·U[i][r] for r &lt; H, for the level-g cell c = (ct, cy, cx).</summary>
    public void AddTo(int ct, int cy, int cx, Span<uint> theta)
    {
        int n = (((ct / _timeStep * _cellsY) + cy) * _cellsX) + cx;
        theta = theta[.._width];
        var z = _latents.AsSpan(n * _rank, _rank);
        for (int i = 0; i < z.Length; i++)
        {
            uint zi = unchecked((uint)z[i]);
            if (zi == 0)
            {
                continue;
            }

            var u = _projection[i].AsSpan(0, theta.Length);
            for (int r = 0; r < theta.Length; r++)
            {
                theta[r] = unchecked(theta[r] + (zi * u[r]));
            }
        }
    }
}
