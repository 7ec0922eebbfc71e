using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Asmr.Decoder.Inference;

/// <summary>
/// The hidden-layer product for weights that do not fit in int16:
/// <c>output[i] = Σ_j matrix[j·stride + i] · h[j]</c> in wrapping i32 (the low 32 bits of every product, which is
/// what <c>vpmulld</c> keeps), so every path equals the scalar one.
/// </summary>
internal static class WideDot
{
    /// <summary>SIMD paths compute whole 16-lane groups: rows and output must be valid up to <see cref="PairDot.RoundUp"/>(count).</summary>
    public static void Compute(SimdPath path, ReadOnlySpan<int> matrix, int stride, int count, ReadOnlySpan<short> h, int rows, Span<int> output)
    {
        int padded = PairDot.RoundUp(count);
        if (rows > h.Length || output.Length < padded || (rows > 0 && ((long)(rows - 1) * stride) + padded > matrix.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Wide-dot operands are smaller than the lanes requested.");
        }

        ref int m = ref MemoryMarshal.GetReference(matrix);
        ref short a = ref MemoryMarshal.GetReference(h);
        ref int o = ref MemoryMarshal.GetReference(output);
        nuint s = (nuint)stride;
        int i = 0;
        switch (path)
        {
            case SimdPath.Scalar:
                for (; i < count; i++)
                {
                    int acc = 0;
                    for (int j = 0; j < rows; j++)
                    {
                        acc = unchecked(acc + (Unsafe.Add(ref m, ((nint)j * stride) + i) * Unsafe.Add(ref a, j)));
                    }

                    Unsafe.Add(ref o, i) = acc;
                }

                return;
            case SimdPath.Avx512:
                for (; i < count; i += 16)
                {
                    var acc = Vector512<int>.Zero;
                    ref int col = ref Unsafe.Add(ref m, i);
                    for (int j = 0; j < rows; j++)
                    {
                        acc += Vector512.LoadUnsafe(ref col, (nuint)j * s) * Vector512.Create((int)Unsafe.Add(ref a, j));
                    }

                    acc.StoreUnsafe(ref o, (nuint)i);
                }

                return;
            case SimdPath.Avx2:
            case SimdPath.AvxVnni:
                for (; i < count; i += 8)
                {
                    var acc = Vector256<int>.Zero;
                    ref int col = ref Unsafe.Add(ref m, i);
                    for (int j = 0; j < rows; j++)
                    {
                        acc += Vector256.LoadUnsafe(ref col, (nuint)j * s) * Vector256.Create((int)Unsafe.Add(ref a, j));
                    }

                    acc.StoreUnsafe(ref o, (nuint)i);
                }

                return;
            case SimdPath.Sse2:
            case SimdPath.Portable128:
                for (; i < count; i += 4)
                {
                    var acc = Vector128<int>.Zero;
                    ref int col = ref Unsafe.Add(ref m, i);
                    for (int j = 0; j < rows; j++)
                    {
                        acc += Vector128.LoadUnsafe(ref col, (nuint)j * s) * Vector128.Create((int)Unsafe.Add(ref a, j));
                    }

                    acc.StoreUnsafe(ref o, (nuint)i);
                }

                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(path), path, "Unknown SIMD path.");
        }
    }
}
