using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Asmr.Container.Model;

namespace Asmr.Decoder.Inference;

/// <summary>
/// One hidden level l ≥ 2 (spec §11.4): from the parent's activations h (Q14, i16) it forms the part of θ_l shared by
/// all children, <c>acc[r]·μ_W + b_l[r]</c> with <c>acc[r] = Σ_j q_W[r][j]·h[j]</c> (wrapping i32, then u32).
/// When every q_W fits in int16 the SIMD paths use <see cref="PairDot"/> on column pairs; otherwise
/// <see cref="WideDot"/> on whole columns. Both equal the scalar row-by-row sum bit for bit.
/// </summary>
internal sealed class HiddenLayer
{
    private readonly int[] _weights;
    private readonly int[]? _columnPairs;
    private readonly int[]? _columns;
    private readonly uint[] _bias;
    private readonly uint _multiplier;

    public HiddenLayer(QuantizedTensor weight, QuantizedTensor bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        Width = weight.Rows;
        PaddedWidth = PairDot.RoundUp(Width);
        PairCount = (Width + 1) / 2;
        _weights = weight.Values;
        _multiplier = weight.Multiplier;
        _bias = new uint[PaddedWidth];
        for (int r = 0; r < Width; r++)
        {
            _bias[r] = unchecked((uint)bias.Values[r] * bias.Multiplier);
        }

        FitsInt16 = _weights.All(q => q is >= short.MinValue and <= short.MaxValue);
        int h = Width;
        int hp = PaddedWidth;
        if (FitsInt16)
        {
            // Row k of the pair matrix holds, for every output r, (W[r][2k], W[r][2k+1]).
            _columnPairs = new int[PairCount * hp];
            for (int k = 0; k < PairCount; k++)
            {
                for (int r = 0; r < h; r++)
                {
                    int lo = _weights[(r * h) + (2 * k)];
                    int hi = (2 * k) + 1 < h ? _weights[(r * h) + (2 * k) + 1] : 0;
                    _columnPairs[(k * hp) + r] = PairDot.Pack(lo, hi);
                }
            }
        }
        else
        {
            _columns = new int[h * hp];
            for (int j = 0; j < h; j++)
            {
                for (int r = 0; r < h; r++)
                {
                    _columns[(j * hp) + r] = _weights[(r * h) + j];
                }
            }
        }
    }

    public int Width { get; }

    /// <summary>Width rounded up to whole 16-lane groups (the size of every scratch vector).</summary>
    public int PaddedWidth { get; }

    /// <summary>ceil(H/2): activation pairs per product.</summary>
    public int PairCount { get; }

    /// <summary>True when every weight integer fits in int16, so the pair kernels apply.</summary>
    public bool FitsInt16 { get; }

    /// <summary>
    /// shared[r] = acc[r]·μ + b[r] for r &lt; H. <paramref name="activations"/> holds h[0..H) followed by zeros up to
    /// 2·<see cref="PairCount"/>; <paramref name="acc"/> and <paramref name="shared"/> are <see cref="PaddedWidth"/> long.
    /// </summary>
    public void Apply(SimdPath path, ReadOnlySpan<short> activations, Span<int> acc, Span<uint> shared)
    {
        int h = Width;
        if (path == SimdPath.Scalar)
        {
            for (int r = 0; r < h; r++)
            {
                int sum = 0;
                var row = _weights.AsSpan(r * h, h);
                for (int j = 0; j < h; j++)
                {
                    sum = unchecked(sum + (row[j] * activations[j]));
                }

                acc[r] = sum;
            }

            for (int r = 0; r < h; r++)
            {
                shared[r] = unchecked(((uint)acc[r] * _multiplier) + _bias[r]);
            }

            return;
        }

        if (_columnPairs is not null)
        {
            PairDot.Compute(path, _columnPairs, PaddedWidth, 0, h, MemoryMarshal.Cast<short, int>(activations[..(2 * PairCount)]), 0, acc);
        }
        else
        {
            WideDot.Compute(path, _columns!, PaddedWidth, h, activations, h, acc);
        }

        var mu = Vector256.Create(_multiplier);
        for (int r = 0; r < PaddedWidth; r += Vector256<uint>.Count)
        {
            var a = Vector256.Create(acc.Slice(r, Vector256<uint>.Count)).AsUInt32();
            ((a * mu) + Vector256.Create(_bias.AsSpan(r, Vector256<uint>.Count))).CopyTo(shared[r..]);
        }
    }
}
