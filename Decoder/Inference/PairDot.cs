using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using X86 = System.Runtime.Intrinsics.X86;

namespace Asmr.Decoder.Inference;

/// <summary>
/// The decoder's inner product on packed int16 pairs:
/// <c>output[i] = init + Σ_k (lo(M[k][i])·lo(p[k]) + hi(M[k][i])·hi(p[k]))</c> in wrapping i32, where
/// <c>M[k][i] = matrix[k·stride + offset + i]</c> holds two int16 (lo = bits 0..15, hi = bits 16..31) and p[k] is a
/// pair broadcast to every lane. With M = the last level's (C(m), S(m)) table and p = (A, B) this is §11.4's v; with
/// M = a hidden weight matrix's column pairs and p = activation pairs it is the hidden layer's acc. Each pair product
/// is exact in i32 because one factor of every product is a Q14 sine in [−16384, 16384], so <c>vpmaddwd</c>
/// never saturates, and wrapping addition in any order gives the scalar result bit for bit.
/// </summary>
internal static class PairDot
{
    /// <summary>Vector paths compute whole 16-lane groups: see <see cref="Compute"/>.</summary>
    public const int LaneGroup = 16;

    /// <summary>
    /// Computes lanes [0, count). SIMD paths compute whole vectors, so every matrix row must be readable, and
    /// <paramref name="output"/> writable, up to <see cref="RoundUp"/>(count).
    /// </summary>
    public static void Compute(SimdPath path, ReadOnlySpan<int> matrix, int stride, int offset, int count, ReadOnlySpan<int> pairs, int init, Span<int> output)
    {
        int rows = pairs.Length;
        int padded = RoundUp(count);
        if (count < 0 || offset < 0 || output.Length < padded || (rows > 0 && ((long)(rows - 1) * stride) + offset + padded > matrix.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Pair-dot operands are smaller than the lanes requested.");
        }

        if (count == 0)
        {
            return;
        }

        ref int m = ref Unsafe.Add(ref MemoryMarshal.GetReference(matrix), offset);
        ref int p = ref MemoryMarshal.GetReference(pairs);
        ref int o = ref MemoryMarshal.GetReference(output);
        switch (path)
        {
            case SimdPath.Scalar:
                Scalar(ref m, stride, ref p, rows, count, init, ref o);
                break;
            case SimdPath.Avx512:
                Avx512(ref m, stride, ref p, rows, count, init, ref o);
                break;
            case SimdPath.AvxVnni:
            case SimdPath.Avx2:
                Width256(path, ref m, stride, ref p, rows, 0, count, init, ref o);
                break;
            case SimdPath.Sse2:
            case SimdPath.Portable128:
                Width128(path, ref m, stride, ref p, rows, 0, count, init, ref o);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(path), path, "Unknown SIMD path.");
        }
    }

    /// <summary>
    /// <see cref="Compute"/> for several broadcast sets over the same matrix (one per output channel): set c is
    /// <paramref name="pairs"/>[c·pairStride ..][..rows], starts at <paramref name="inits"/>[c] and goes to
    /// <paramref name="output"/>[c·outputStride ..]. Three channels share each matrix load on the wide paths.
    /// </summary>
    public static void ComputeChannels(
        SimdPath path,
        ReadOnlySpan<int> matrix,
        int stride,
        int offset,
        int count,
        ReadOnlySpan<int> pairs,
        int pairStride,
        int rows,
        ReadOnlySpan<int> inits,
        Span<int> output,
        int outputStride)
    {
        int channels = inits.Length;
        int padded = RoundUp(count);
        if (channels != 3 || path is not (SimdPath.Avx512 or SimdPath.Avx2 or SimdPath.AvxVnni) || count == 0)
        {
            for (int c = 0; c < channels; c++)
            {
                Compute(path, matrix, stride, offset, count, pairs.Slice(c * pairStride, rows), inits[c], output.Slice(c * outputStride, padded));
            }

            return;
        }

        if (pairs.Length < (2 * pairStride) + rows || output.Length < (2 * outputStride) + padded || outputStride < padded ||
            (rows > 0 && ((long)(rows - 1) * stride) + offset + padded > matrix.Length))
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                $"Pair-dot operands are smaller than the lanes requested (count {count}, rows {rows}, stride {stride}, offset {offset}, matrix {matrix.Length}, pairs {pairs.Length}/{pairStride}, output {output.Length}/{outputStride}).");
        }

        ref int m = ref Unsafe.Add(ref MemoryMarshal.GetReference(matrix), offset);
        ref int p = ref MemoryMarshal.GetReference(pairs);
        ref int o = ref MemoryMarshal.GetReference(output);
        // Whole vectors up to RoundUp(count): 16 lanes while more than 8 remain, then 8-lane vectors.
        int i = path == SimdPath.Avx512 ? Three512(ref m, stride, ref p, pairStride, rows, count, inits[0], inits[1], inits[2], ref o, outputStride) : 0;
        if (i < count)
        {
            Three256(path == SimdPath.AvxVnni, ref m, stride, ref p, pairStride, rows, i, count, inits[0], inits[1], inits[2], ref o, outputStride);
        }
    }

    public static int RoundUp(int count) => (count + LaneGroup - 1) & ~(LaneGroup - 1);

    /// <summary>Packs two int16 values as one pair (lo, hi).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Pack(int lo, int hi) => (ushort)lo | (hi << 16);

    private static void Scalar(ref int m, int stride, ref int p, int rows, int count, int init, ref int o)
    {
        for (int i = 0; i < count; i++)
        {
            int acc = init;
            ref int col = ref Unsafe.Add(ref m, i);
            for (int k = 0; k < rows; k++)
            {
                int mk = Unsafe.Add(ref col, (nint)k * stride);
                int pk = Unsafe.Add(ref p, k);
                acc = unchecked(acc + ((short)mk * (short)pk) + ((mk >> 16) * (pk >> 16)));
            }

            Unsafe.Add(ref o, i) = acc;
        }
    }

    /// <summary>Three channels, 16 lanes at a time, two rows per step; returns the lanes done.</summary>
    private static int Three512(ref int m, int stride, ref int p, int pairStride, int rows, int count, int i0, int i1, int i2, ref int o, int outputStride)
    {
        nuint s = (nuint)stride;
        ref int p1 = ref Unsafe.Add(ref p, pairStride);
        ref int p2 = ref Unsafe.Add(ref p, 2 * pairStride);
        int i = 0;
        for (; i + 8 < count; i += 16)
        {
            ref int col = ref Unsafe.Add(ref m, i);
            var a0 = Vector512.Create(i0);
            var a1 = Vector512.Create(i1);
            var a2 = Vector512.Create(i2);
            var b0 = Vector512<int>.Zero;
            var b1 = Vector512<int>.Zero;
            var b2 = Vector512<int>.Zero;
            nuint at = 0;
            int k = 0;
            for (; k + 2 <= rows; k += 2)
            {
                var m0 = Vector512.LoadUnsafe(ref col, at).AsInt16();
                var m1 = Vector512.LoadUnsafe(ref col, at + s).AsInt16();
                a0 += X86.Avx512BW.MultiplyAddAdjacent(m0, Vector512.Create(Unsafe.Add(ref p, k)).AsInt16());
                a1 += X86.Avx512BW.MultiplyAddAdjacent(m0, Vector512.Create(Unsafe.Add(ref p1, k)).AsInt16());
                a2 += X86.Avx512BW.MultiplyAddAdjacent(m0, Vector512.Create(Unsafe.Add(ref p2, k)).AsInt16());
                b0 += X86.Avx512BW.MultiplyAddAdjacent(m1, Vector512.Create(Unsafe.Add(ref p, k + 1)).AsInt16());
                b1 += X86.Avx512BW.MultiplyAddAdjacent(m1, Vector512.Create(Unsafe.Add(ref p1, k + 1)).AsInt16());
                b2 += X86.Avx512BW.MultiplyAddAdjacent(m1, Vector512.Create(Unsafe.Add(ref p2, k + 1)).AsInt16());
                at += 2 * s;
            }

            if (k < rows)
            {
                var m0 = Vector512.LoadUnsafe(ref col, at).AsInt16();
                a0 += X86.Avx512BW.MultiplyAddAdjacent(m0, Vector512.Create(Unsafe.Add(ref p, k)).AsInt16());
                a1 += X86.Avx512BW.MultiplyAddAdjacent(m0, Vector512.Create(Unsafe.Add(ref p1, k)).AsInt16());
                a2 += X86.Avx512BW.MultiplyAddAdjacent(m0, Vector512.Create(Unsafe.Add(ref p2, k)).AsInt16());
            }

            (a0 + b0).StoreUnsafe(ref o, (nuint)i);
            (a1 + b1).StoreUnsafe(ref o, (nuint)(outputStride + i));
            (a2 + b2).StoreUnsafe(ref o, (nuint)((2 * outputStride) + i));
        }

        return i;
    }

    /// <summary>Three channels, 8 lanes at a time (vpdpwssd or vpmaddwd + vpaddd), lanes [i, RoundUp8(count)).</summary>
    private static void Three256(bool vnni, ref int m, int stride, ref int p, int pairStride, int rows, int i, int count, int i0, int i1, int i2, ref int o, int outputStride)
    {
        nuint s = (nuint)stride;
        ref int p1 = ref Unsafe.Add(ref p, pairStride);
        ref int p2 = ref Unsafe.Add(ref p, 2 * pairStride);
        for (; i < count; i += 8)
        {
            ref int col = ref Unsafe.Add(ref m, i);
            var a0 = Vector256.Create(i0);
            var a1 = Vector256.Create(i1);
            var a2 = Vector256.Create(i2);
            var b0 = Vector256<int>.Zero;
            var b1 = Vector256<int>.Zero;
            var b2 = Vector256<int>.Zero;
            nuint at = 0;
            int k = 0;
            for (; k + 2 <= rows; k += 2)
            {
                var m0 = Vector256.LoadUnsafe(ref col, at).AsInt16();
                var m1 = Vector256.LoadUnsafe(ref col, at + s).AsInt16();
                if (vnni)
                {
                    a0 = X86.AvxVnni.MultiplyWideningAndAdd(a0, m0, Vector256.Create(Unsafe.Add(ref p, k)).AsInt16());
                    a1 = X86.AvxVnni.MultiplyWideningAndAdd(a1, m0, Vector256.Create(Unsafe.Add(ref p1, k)).AsInt16());
                    a2 = X86.AvxVnni.MultiplyWideningAndAdd(a2, m0, Vector256.Create(Unsafe.Add(ref p2, k)).AsInt16());
                    b0 = X86.AvxVnni.MultiplyWideningAndAdd(b0, m1, Vector256.Create(Unsafe.Add(ref p, k + 1)).AsInt16());
                    b1 = X86.AvxVnni.MultiplyWideningAndAdd(b1, m1, Vector256.Create(Unsafe.Add(ref p1, k + 1)).AsInt16());
                    b2 = X86.AvxVnni.MultiplyWideningAndAdd(b2, m1, Vector256.Create(Unsafe.Add(ref p2, k + 1)).AsInt16());
                }
                else
                {
                    a0 += X86.Avx2.MultiplyAddAdjacent(m0, Vector256.Create(Unsafe.Add(ref p, k)).AsInt16());
                    a1 += X86.Avx2.MultiplyAddAdjacent(m0, Vector256.Create(Unsafe.Add(ref p1, k)).AsInt16());
                    a2 += X86.Avx2.MultiplyAddAdjacent(m0, Vector256.Create(Unsafe.Add(ref p2, k)).AsInt16());
                    b0 += X86.Avx2.MultiplyAddAdjacent(m1, Vector256.Create(Unsafe.Add(ref p, k + 1)).AsInt16());
                    b1 += X86.Avx2.MultiplyAddAdjacent(m1, Vector256.Create(Unsafe.Add(ref p1, k + 1)).AsInt16());
                    b2 += X86.Avx2.MultiplyAddAdjacent(m1, Vector256.Create(Unsafe.Add(ref p2, k + 1)).AsInt16());
                }

                at += 2 * s;
            }

            if (k < rows)
            {
                var m0 = Vector256.LoadUnsafe(ref col, at).AsInt16();
                a0 += X86.Avx2.MultiplyAddAdjacent(m0, Vector256.Create(Unsafe.Add(ref p, k)).AsInt16());
                a1 += X86.Avx2.MultiplyAddAdjacent(m0, Vector256.Create(Unsafe.Add(ref p1, k)).AsInt16());
                a2 += X86.Avx2.MultiplyAddAdjacent(m0, Vector256.Create(Unsafe.Add(ref p2, k)).AsInt16());
            }

            (a0 + b0).StoreUnsafe(ref o, (nuint)i);
            (a1 + b1).StoreUnsafe(ref o, (nuint)(outputStride + i));
            (a2 + b2).StoreUnsafe(ref o, (nuint)((2 * outputStride) + i));
        }
    }

    private static void Avx512(ref int m, int stride, ref int p, int rows, int count, int init, ref int o)
    {
        int i = 0;
        nuint s = (nuint)stride;

        // Four vectors (64 lanes) share each broadcast: four independent chains.
        for (; i + 48 < count; i += 64)
        {
            ref int col = ref Unsafe.Add(ref m, i);
            var a0 = Vector512.Create(init);
            var a1 = a0;
            var a2 = a0;
            var a3 = a0;
            nuint at = 0;
            for (int k = 0; k < rows; k++, at += s)
            {
                var b = Vector512.Create(Unsafe.Add(ref p, k)).AsInt16();
                a0 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at).AsInt16(), b);
                a1 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at + 16).AsInt16(), b);
                a2 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at + 32).AsInt16(), b);
                a3 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at + 48).AsInt16(), b);
            }

            a0.StoreUnsafe(ref o, (nuint)i);
            a1.StoreUnsafe(ref o, (nuint)i + 16);
            a2.StoreUnsafe(ref o, (nuint)i + 32);
            a3.StoreUnsafe(ref o, (nuint)i + 48);
        }

        // Two vectors, rows in pairs: four chains.
        for (; i + 16 < count; i += 32)
        {
            ref int col = ref Unsafe.Add(ref m, i);
            var a0 = Vector512.Create(init);
            var a1 = a0;
            var b0 = Vector512<int>.Zero;
            var b1 = Vector512<int>.Zero;
            nuint at = 0;
            int k = 0;
            for (; k + 2 <= rows; k += 2, at += 2 * s)
            {
                var c0 = Vector512.Create(Unsafe.Add(ref p, k)).AsInt16();
                var c1 = Vector512.Create(Unsafe.Add(ref p, k + 1)).AsInt16();
                a0 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at).AsInt16(), c0);
                a1 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at + 16).AsInt16(), c0);
                b0 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at + s).AsInt16(), c1);
                b1 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at + s + 16).AsInt16(), c1);
            }

            if (k < rows)
            {
                var c0 = Vector512.Create(Unsafe.Add(ref p, k)).AsInt16();
                a0 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at).AsInt16(), c0);
                a1 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at + 16).AsInt16(), c0);
            }

            (a0 + b0).StoreUnsafe(ref o, (nuint)i);
            (a1 + b1).StoreUnsafe(ref o, (nuint)i + 16);
        }

        for (; i + 8 < count; i += 16)
        {
            ref int col = ref Unsafe.Add(ref m, i);
            var a0 = Vector512.Create(init);
            var a1 = Vector512<int>.Zero;
            var a2 = Vector512<int>.Zero;
            var a3 = Vector512<int>.Zero;
            nuint at = 0;
            int k = 0;
            for (; k + 4 <= rows; k += 4)
            {
                a0 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at).AsInt16(), Vector512.Create(Unsafe.Add(ref p, k)).AsInt16());
                a1 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at + s).AsInt16(), Vector512.Create(Unsafe.Add(ref p, k + 1)).AsInt16());
                a2 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at + (2 * s)).AsInt16(), Vector512.Create(Unsafe.Add(ref p, k + 2)).AsInt16());
                a3 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at + (3 * s)).AsInt16(), Vector512.Create(Unsafe.Add(ref p, k + 3)).AsInt16());
                at += 4 * s;
            }

            for (; k < rows; k++)
            {
                a0 += X86.Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref col, at).AsInt16(), Vector512.Create(Unsafe.Add(ref p, k)).AsInt16());
                at += s;
            }

            ((a0 + a1) + (a2 + a3)).StoreUnsafe(ref o, (nuint)i);
        }

        if (i < count)
        {
            Width256(SimdPath.Avx2, ref m, stride, ref p, rows, i, count, init, ref o);
        }
    }

    private static void Width256(SimdPath path, ref int m, int stride, ref int p, int rows, int i, int count, int init, ref int o)
    {
        nuint s = (nuint)stride;
        bool vnni = path == SimdPath.AvxVnni;
        for (; i + 4 < count; i += 8)
        {
            ref int col = ref Unsafe.Add(ref m, i);
            var a0 = Vector256.Create(init);
            var a1 = Vector256<int>.Zero;
            var a2 = Vector256<int>.Zero;
            var a3 = Vector256<int>.Zero;
            nuint at = 0;
            int k = 0;
            if (vnni)
            {
                for (; k + 4 <= rows; k += 4)
                {
                    a0 = X86.AvxVnni.MultiplyWideningAndAdd(a0, Vector256.LoadUnsafe(ref col, at).AsInt16(), Vector256.Create(Unsafe.Add(ref p, k)).AsInt16());
                    a1 = X86.AvxVnni.MultiplyWideningAndAdd(a1, Vector256.LoadUnsafe(ref col, at + s).AsInt16(), Vector256.Create(Unsafe.Add(ref p, k + 1)).AsInt16());
                    a2 = X86.AvxVnni.MultiplyWideningAndAdd(a2, Vector256.LoadUnsafe(ref col, at + (2 * s)).AsInt16(), Vector256.Create(Unsafe.Add(ref p, k + 2)).AsInt16());
                    a3 = X86.AvxVnni.MultiplyWideningAndAdd(a3, Vector256.LoadUnsafe(ref col, at + (3 * s)).AsInt16(), Vector256.Create(Unsafe.Add(ref p, k + 3)).AsInt16());
                    at += 4 * s;
                }

                for (; k < rows; k++)
                {
                    a0 = X86.AvxVnni.MultiplyWideningAndAdd(a0, Vector256.LoadUnsafe(ref col, at).AsInt16(), Vector256.Create(Unsafe.Add(ref p, k)).AsInt16());
                    at += s;
                }
            }
            else
            {
                for (; k + 4 <= rows; k += 4)
                {
                    a0 += X86.Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref col, at).AsInt16(), Vector256.Create(Unsafe.Add(ref p, k)).AsInt16());
                    a1 += X86.Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref col, at + s).AsInt16(), Vector256.Create(Unsafe.Add(ref p, k + 1)).AsInt16());
                    a2 += X86.Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref col, at + (2 * s)).AsInt16(), Vector256.Create(Unsafe.Add(ref p, k + 2)).AsInt16());
                    a3 += X86.Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref col, at + (3 * s)).AsInt16(), Vector256.Create(Unsafe.Add(ref p, k + 3)).AsInt16());
                    at += 4 * s;
                }

                for (; k < rows; k++)
                {
                    a0 += X86.Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref col, at).AsInt16(), Vector256.Create(Unsafe.Add(ref p, k)).AsInt16());
                    at += s;
                }
            }

            ((a0 + a1) + (a2 + a3)).StoreUnsafe(ref o, (nuint)i);
        }

        if (i < count)
        {
            Width128(X86.Sse2.IsSupported ? SimdPath.Sse2 : SimdPath.Portable128, ref m, stride, ref p, rows, i, count, init, ref o);
        }
    }

    private static void Width128(SimdPath path, ref int m, int stride, ref int p, int rows, int i, int count, int init, ref int o)
    {
        nuint s = (nuint)stride;
        bool sse = path == SimdPath.Sse2;
        for (; i < count; i += 4)
        {
            ref int col = ref Unsafe.Add(ref m, i);
            var a0 = Vector128.Create(init);
            var a1 = Vector128<int>.Zero;
            nuint at = 0;
            int k = 0;
            for (; k + 2 <= rows; k += 2)
            {
                a0 += Madd128(sse, Vector128.LoadUnsafe(ref col, at), Unsafe.Add(ref p, k));
                a1 += Madd128(sse, Vector128.LoadUnsafe(ref col, at + s), Unsafe.Add(ref p, k + 1));
                at += 2 * s;
            }

            if (k < rows)
            {
                a0 += Madd128(sse, Vector128.LoadUnsafe(ref col, at), Unsafe.Add(ref p, k));
            }

            (a0 + a1).StoreUnsafe(ref o, (nuint)i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Madd128(bool sse, Vector128<int> pairs, int broadcast)
    {
        if (sse)
        {
            return X86.Sse2.MultiplyAddAdjacent(pairs.AsInt16(), Vector128.Create(broadcast).AsInt16());
        }

        // Portable: sign-extend both halves and multiply in i32.
        var lo = Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(pairs, 16), 16);
        var hi = Vector128.ShiftRightArithmetic(pairs, 16);
        return (lo * Vector128.Create((int)(short)broadcast)) + (hi * Vector128.Create(broadcast >> 16));
    }
}
