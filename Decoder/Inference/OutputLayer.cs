using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Asmr.Container.Model;

namespace Asmr.Decoder.Inference;

/// <summary>
/// The output layer in the factorised form of spec §11.4: per parent p and channel o,
/// <c>A[o][j] = sat16((Wd[o][j]·S(pre[j]) + 2^27) >> 28)</c> and <c>B[o][j] = sat16((Wd[o][j]·C(pre[j]) + 2^27) >> 28)</c>,
/// packed as pairs (A lo, B hi) for <see cref="PairDot"/> against the last level's (C(m), S(m)) table.
/// </summary>
internal sealed class OutputLayer
{
    private const long Round = 1L << 27;
    private readonly long[] _weights;
    private readonly int[] _weightHigh;
    private readonly int[] _weightLow;

    public OutputLayer(QuantizedTensor weight, QuantizedTensor bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        Channels = weight.Rows;
        Width = weight.Columns;
        PaddedWidth = PairDot.RoundUp(Width);
        _weights = new long[Channels * Width];
        _weightHigh = new int[Channels * PaddedWidth];
        _weightLow = new int[Channels * PaddedWidth];
        for (int o = 0; o < Channels; o++)
        {
            for (int j = 0; j < Width; j++)
            {
                long wd = CheckedValue(weight, weight.Values[(o * Width) + j], "output weight");
                _weights[(o * Width) + j] = wd;

                // Wd = Wh·2^16 + Wl with Wh in [−2^15, 2^15) and Wl in [0, 2^16): the vector paths work in i32.
                _weightHigh[(o * PaddedWidth) + j] = (int)(wd >> 16);
                _weightLow[(o * PaddedWidth) + j] = (int)(wd & 0xFFFF);
            }
        }

        Bias = new int[Channels];
        for (int o = 0; o < Channels; o++)
        {
            Bias[o] = (int)CheckedValue(bias, bias.Values[o], "output bias");
        }
    }

    public int Channels { get; }

    public int Width { get; }

    public int PaddedWidth { get; }

    /// <summary>bd[o] (i32; conforming streams keep |bd| &lt; 2^31).</summary>
    public int[] Bias { get; }

    /// <summary>
    /// Fills <paramref name="pairs"/>[o·<see cref="PaddedWidth"/> + j] with (A[o][j], B[o][j]) for j &lt; H.
    /// <paramref name="sinCos"/> is scratch of <see cref="PaddedWidth"/> entries.
    /// </summary>
    public void Project(SimdPath path, ReadOnlySpan<uint> pre, Span<int> sinCos, Span<int> pairs)
    {
        int h = Width;
        int hp = PaddedWidth;
        if (path == SimdPath.Scalar)
        {
            for (int o = 0; o < Channels; o++)
            {
                var w = _weights.AsSpan(o * h, h);
                var dst = pairs.Slice(o * hp, h);
                for (int j = 0; j < h; j++)
                {
                    int a = Sat16((w[j] * SineTable.Sin(pre[j]) + Round) >> 28);
                    int b = Sat16((w[j] * SineTable.Cos(pre[j]) + Round) >> 28);
                    dst[j] = PairDot.Pack(a, b);
                }
            }

            return;
        }

        // One lookup gives S (low half) and C (high half); lanes past H hold 0 and have Wd = 0.
        ref uint phase = ref MemoryMarshal.GetReference(pre);
        ref int sc = ref MemoryMarshal.GetReference(sinCos[..hp]);
        for (int j = 0; j < h; j++)
        {
            Unsafe.Add(ref sc, j) = SineTable.SinCos(Unsafe.Add(ref phase, j));
        }

        sinCos[h..hp].Clear();
        if (path == SimdPath.Avx512)
        {
            Project512(sinCos, pairs);
        }
        else
        {
            Project256(sinCos, pairs);
        }
    }

    // (Wd·s + 2^27) >> 28 = (Wh·s + ((Wl·s + 2^27) >> 16)) >> 12 exactly, with every term inside i32:
    // |Wh·s| ≤ 2^29, |Wl·s| < 2^30 (s is a Q14 sine). The clamp is sat16; A goes to the low half, B to the high.
    private void Project512(ReadOnlySpan<int> sinCos, Span<int> pairs)
    {
        int hp = PaddedWidth;
        var round = Vector512.Create(1 << 27);
        var min = Vector512.Create((int)short.MinValue);
        var max = Vector512.Create((int)short.MaxValue);
        var mask = Vector512.Create(0xFFFF);
        ref int wh = ref MemoryMarshal.GetArrayDataReference(_weightHigh);
        ref int wl = ref MemoryMarshal.GetArrayDataReference(_weightLow);
        ref int sc = ref MemoryMarshal.GetReference(sinCos);
        ref int dst = ref MemoryMarshal.GetReference(pairs[..(Channels * hp)]);
        for (int j = 0; j < hp; j += 16)
        {
            var x = Vector512.LoadUnsafe(ref sc, (nuint)j);
            var s = Vector512.ShiftRightArithmetic(Vector512.ShiftLeft(x, 16), 16);
            var c = Vector512.ShiftRightArithmetic(x, 16);
            for (int o = 0; o < Channels; o++)
            {
                nuint at = (nuint)((o * hp) + j);
                var vh = Vector512.LoadUnsafe(ref wh, at);
                var vl = Vector512.LoadUnsafe(ref wl, at);
                var a = Vector512.ShiftRightArithmetic((vh * s) + Vector512.ShiftRightArithmetic((vl * s) + round, 16), 12);
                var b = Vector512.ShiftRightArithmetic((vh * c) + Vector512.ShiftRightArithmetic((vl * c) + round, 16), 12);
                a = Vector512.Min(Vector512.Max(a, min), max);
                b = Vector512.Min(Vector512.Max(b, min), max);
                ((a & mask) | Vector512.ShiftLeft(b, 16)).StoreUnsafe(ref dst, at);
            }
        }
    }

    private void Project256(ReadOnlySpan<int> sinCos, Span<int> pairs)
    {
        int hp = PaddedWidth;
        var round = Vector256.Create(1 << 27);
        var min = Vector256.Create((int)short.MinValue);
        var max = Vector256.Create((int)short.MaxValue);
        var mask = Vector256.Create(0xFFFF);
        ref int wh = ref MemoryMarshal.GetArrayDataReference(_weightHigh);
        ref int wl = ref MemoryMarshal.GetArrayDataReference(_weightLow);
        ref int sc = ref MemoryMarshal.GetReference(sinCos);
        ref int dst = ref MemoryMarshal.GetReference(pairs[..(Channels * hp)]);
        for (int j = 0; j < hp; j += 8)
        {
            var x = Vector256.LoadUnsafe(ref sc, (nuint)j);
            var s = Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(x, 16), 16);
            var c = Vector256.ShiftRightArithmetic(x, 16);
            for (int o = 0; o < Channels; o++)
            {
                nuint at = (nuint)((o * hp) + j);
                var vh = Vector256.LoadUnsafe(ref wh, at);
                var vl = Vector256.LoadUnsafe(ref wl, at);
                var a = Vector256.ShiftRightArithmetic((vh * s) + Vector256.ShiftRightArithmetic((vl * s) + round, 16), 12);
                var b = Vector256.ShiftRightArithmetic((vh * c) + Vector256.ShiftRightArithmetic((vl * c) + round, 16), 12);
                a = Vector256.Min(Vector256.Max(a, min), max);
                b = Vector256.Min(Vector256.Max(b, min), max);
                ((a & mask) | Vector256.ShiftLeft(b, 16)).StoreUnsafe(ref dst, at);
            }
        }
    }

    private static int Sat16(long v) => (int)Math.Clamp(v, short.MinValue, short.MaxValue);

    private static long CheckedValue(QuantizedTensor tensor, int q, string what)
    {
        long value = q * (long)tensor.Multiplier;
        if (value is <= -(1L << 31) or >= 1L << 31)
        {
            throw new InvalidDataException($"The {what} q·μ = {value} is outside (−2^31, 2^31) (spec §10.3).");
        }

        return value;
    }
}
