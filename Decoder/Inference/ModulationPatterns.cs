using System.Runtime.Intrinsics;
using Asmr.Container.Model;

namespace Asmr.Decoder.Inference;

/// <summary>
/// The modulation patterns P_l (β_l × H u32 phases) of spec §11.3. Small patterns are precomputed; a pattern whose
/// β_l·H exceeds the precompute limit is evaluated per row from the tensor, so memory stays bounded.
/// </summary>
internal sealed class ModulationPatterns
{
    private readonly int _width;
    private readonly int[][] _bases;
    private readonly uint[]?[] _precomputed;
    private readonly ModulationKind[] _kinds;
    private readonly uint[][] _linear;
    private readonly int[][] _tableValues;
    private readonly uint[] _tableMultiplier;

    public ModulationPatterns(SegmentModel model, long precomputeLimit)
    {
        ArgumentNullException.ThrowIfNull(model);
        var arch = model.Architecture;
        _width = arch.Width;
        int levels = arch.Levels;
        _bases = new int[levels][];
        _precomputed = new uint[]?[levels];
        _kinds = new ModulationKind[levels];
        _linear = new uint[levels][];
        _tableValues = new int[levels][];
        _tableMultiplier = new uint[levels];
        for (int l = 0; l < levels; l++)
        {
            _bases[l] = [arch.Base(Axis.T, l), arch.Base(Axis.Y, l), arch.Base(Axis.X, l)];
            _kinds[l] = arch.Modulation(l);
            var tensor = model.ModulationOf(l);
            uint mu = tensor.Multiplier;
            if (_kinds[l] == ModulationKind.Linear)
            {
                // m_a[r] = q[r][a]·μ (u32), stored axis-major: t, y, x.
                var m = new uint[3 * _width];
                for (int r = 0; r < _width; r++)
                {
                    for (int a = 0; a < 3; a++)
                    {
                        m[(a * _width) + r] = unchecked((uint)tensor[r, a] * mu);
                    }
                }

                _linear[l] = m;
                _tableValues[l] = [];
            }
            else
            {
                _linear[l] = [];
                _tableValues[l] = tensor.Values;
                _tableMultiplier[l] = mu;
            }

            long entries = (long)arch.LocalCount(l) * _width;
            if (entries <= precomputeLimit)
            {
                var table = new uint[entries];
                int beta = arch.LocalCount(l);
                for (int delta = 0; delta < beta; delta++)
                {
                    Compute(l, delta, table.AsSpan(delta * _width, _width));
                }

                _precomputed[l] = table;
            }
        }
    }

    public int Width => _width;

    /// <summary>δ = (d_t·B_y + d_y)·B_x + d_x (spec §11.1).</summary>
    public int LocalIndex(int level, int dt, int dy, int dx)
    {
        var b = _bases[level];
        return (((dt * b[1]) + dy) * b[2]) + dx;
    }

    /// <summary>dst[r] = src[r] + P_level[δ][r] (u32) for r &lt; H, δ from the digits (d_t, d_y, d_x).</summary>
    public void AddTo(int level, int dt, int dy, int dx, ReadOnlySpan<uint> src, Span<uint> dst)
    {
        int h = _width;
        src = src[..h];
        dst = dst[..h];
        var table = _precomputed[level];
        if (table is not null)
        {
            Add(src, table.AsSpan(LocalIndex(level, dt, dy, dx) * h, h), dst);
            return;
        }

        if (_kinds[level] == ModulationKind.Linear)
        {
            var m = _linear[level];
            uint ut = (uint)dt, uy = (uint)dy, ux = (uint)dx;
            for (int r = 0; r < h; r++)
            {
                dst[r] = unchecked(src[r] + (ut * m[r]) + (uy * m[h + r]) + (ux * m[(2 * h) + r]));
            }
        }
        else
        {
            var q = _tableValues[level].AsSpan(LocalIndex(level, dt, dy, dx) * h, h);
            uint mu = _tableMultiplier[level];
            for (int r = 0; r < h; r++)
            {
                dst[r] = unchecked(src[r] + ((uint)q[r] * mu));
            }
        }
    }

    /// <summary>dst[r] = P_level[δ][r] for r &lt; H.</summary>
    public void Row(int level, int delta, Span<uint> dst)
    {
        var table = _precomputed[level];
        if (table is not null)
        {
            table.AsSpan(delta * _width, _width).CopyTo(dst);
            return;
        }

        Compute(level, delta, dst[.._width]);
    }

    private void Compute(int level, int delta, Span<uint> dst)
    {
        int h = _width;
        if (_kinds[level] == ModulationKind.Linear)
        {
            var b = _bases[level];
            uint dx = (uint)(delta % b[2]);
            uint dy = (uint)(delta / b[2] % b[1]);
            uint dt = (uint)(delta / b[2] / b[1]);
            var m = _linear[level];
            for (int r = 0; r < h; r++)
            {
                dst[r] = unchecked((dt * m[r]) + (dy * m[h + r]) + (dx * m[(2 * h) + r]));
            }
        }
        else
        {
            var q = _tableValues[level].AsSpan(delta * h, h);
            uint mu = _tableMultiplier[level];
            for (int r = 0; r < h; r++)
            {
                dst[r] = unchecked((uint)q[r] * mu);
            }
        }
    }

    private static void Add(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> dst)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<uint>.Count <= dst.Length; i += Vector256<uint>.Count)
            {
                (Vector256.Create(a[i..]) + Vector256.Create(b[i..])).CopyTo(dst[i..]);
            }
        }

        for (; i < dst.Length; i++)
        {
            dst[i] = unchecked(a[i] + b[i]);
        }
    }
}
