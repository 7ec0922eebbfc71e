using System.Runtime.Intrinsics;

namespace Asmr.Decoder.Inference;

/// <summary>Network output v (units of 2^−28 of full scale 2^D) to D-bit samples, spec §11.5. All in i64.</summary>
internal static class SampleConversion
{
    /// <summary>Full-resolution plane: clamp((v + 2^(27−D)) >> (28−D), 0, 2^D − 1).</summary>
    public static ushort Full(int v, int bitDepth) =>
        (ushort)Math.Clamp((v + (1L << (27 - bitDepth))) >> (28 - bitDepth), 0, (1L << bitDepth) - 1);

    /// <summary>
    /// <see cref="Full"/> for a run of values, 16 at a time. In i32: with k = 28 − D,
    /// floor((v + 2^(k−1)) / 2^k) = ((v >> (k−1)) + 1) >> 1, which cannot overflow, then the clamp. Writes
    /// <see cref="PairDot.RoundUp"/>(count) samples, so both spans must be that long.
    /// </summary>
    public static void FullBlock(ReadOnlySpan<int> values, Span<ushort> samples, int count, int bitDepth)
    {
        int k = 28 - bitDepth;
        var zero = Vector256<int>.Zero;
        var max = Vector256.Create((1 << bitDepth) - 1);
        var one = Vector256<int>.One;
        for (int i = 0; i < count; i += 16)
        {
            var a = Vector256.Create(values.Slice(i, 8));
            var b = Vector256.Create(values.Slice(i + 8, 8));
            a = Vector256.Min(Vector256.Max(Vector256.ShiftRightArithmetic(Vector256.ShiftRightArithmetic(a, k - 1) + one, 1), zero), max);
            b = Vector256.Min(Vector256.Max(Vector256.ShiftRightArithmetic(Vector256.ShiftRightArithmetic(b, k - 1) + one, 1), zero), max);
            Vector256.Narrow(a.AsUInt32(), b.AsUInt32()).CopyTo(samples[i..]);
        }
    }

    /// <summary>4:2:2 chroma from the sum of two v: clamp((s + 2^(28−D)) >> (29−D), 0, 2^D − 1).</summary>
    public static ushort Pair(long sum, int bitDepth) =>
        (ushort)Math.Clamp((sum + (1L << (28 - bitDepth))) >> (29 - bitDepth), 0, (1L << bitDepth) - 1);

    /// <summary>4:2:0 chroma from the sum of four v: clamp((s + 2^(29−D)) >> (30−D), 0, 2^D − 1).</summary>
    public static ushort Quad(long sum, int bitDepth) =>
        (ushort)Math.Clamp((sum + (1L << (29 - bitDepth))) >> (30 - bitDepth), 0, (1L << bitDepth) - 1);
}
