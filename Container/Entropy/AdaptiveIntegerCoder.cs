using System.Runtime.CompilerServices;

namespace Asmr.Container.Entropy;

/// <summary>
/// Adaptive coding of a tensor's integers (spec §10.5, coding = 1): each value is binarized (zero flag, sign, unary
/// magnitude up to <see cref="UnaryLimit"/>, then an order-0 Exp-Golomb escape) and the bins are range coded with a
/// fresh set of <see cref="ContextCount"/> adaptive contexts per tensor.
/// </summary>
internal static class AdaptiveIntegerCoder
{
    /// <summary>Contexts per tensor.</summary>
    public const int ContextCount = 32;

    /// <summary>Magnitudes 1..UnaryLimit are coded in unary; larger ones escape. The escape codes |q| − (UnaryLimit + 1).</summary>
    public const int UnaryLimit = 14;

    /// <summary>Largest Exp-Golomb prefix (number of ones) a valid value can need: |q| ≤ 2^31 − 1 implies n ≤ 30.</summary>
    public const int MaxEscapePrefix = 30;

    /// <summary>Largest magnitude a value may have (−2^31 cannot be coded).</summary>
    public const uint MaxMagnitude = int.MaxValue;

    /// <summary>
    /// Upper bound on the values any <c>byteLength</c> bytes of adaptive data can hold: every value codes at least one
    /// context bit of probability ≤ 4094/4096, so more values than this would read past the end. Readers use it to
    /// reject impossible value counts before allocating.
    /// </summary>
    public const int MaxValuesPerByte = 1 << 15;

    private const int ZeroContext = 0;
    private const int SignContext = 1;
    private const int UnaryContext = 2;
    private const int EscapeContext = UnaryContext + UnaryLimit;
    private const int EscapeContextCount = ContextCount - EscapeContext;

    /// <summary>Codes the values; throws <see cref="ArgumentException"/> for <see cref="int.MinValue"/>, which the format cannot represent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] Encode(ReadOnlySpan<int> values)
    {
        var encoder = new RangeEncoder(Math.Max(64, values.Length / 2));
        Span<AdaptiveBitContext> contexts = stackalloc AdaptiveBitContext[ContextCount];
        contexts.Fill(AdaptiveBitContext.Fresh);
        for (int i = 0; i < values.Length; i++)
        {
            int q = values[i];
            if (q == 0)
            {
                encoder.EncodeBit(ref contexts[ZeroContext], 0);
                continue;
            }

            if (q == int.MinValue)
            {
                throw new ArgumentException($"Value {i} is {int.MinValue}; adaptive coding holds magnitudes up to 2^31 − 1 only.", nameof(values));
            }

            encoder.EncodeBit(ref contexts[ZeroContext], 1);
            encoder.EncodeBit(ref contexts[SignContext], q < 0 ? 1 : 0);
            uint a = (uint)Math.Abs(q);
            if (a <= UnaryLimit)
            {
                for (int k = 1; k < a; k++)
                {
                    encoder.EncodeBit(ref contexts[UnaryContext + k - 1], 1);
                }

                encoder.EncodeBit(ref contexts[UnaryContext + (int)a - 1], 0);
                continue;
            }

            for (int k = 0; k < UnaryLimit; k++)
            {
                encoder.EncodeBit(ref contexts[UnaryContext + k], 1);
            }

            // Exp-Golomb order 0 of r = a − 15: n ones, a zero, then the n low bits of r + 1.
            uint r1 = a - UnaryLimit; // r + 1 ≥ 1
            int n = 31 - System.Numerics.BitOperations.LeadingZeroCount(r1);
            for (int k = 0; k < n; k++)
            {
                encoder.EncodeBit(ref contexts[EscapeContext + Math.Min(k, EscapeContextCount - 1)], 1);
            }

            encoder.EncodeBit(ref contexts[EscapeContext + Math.Min(n, EscapeContextCount - 1)], 0);
            encoder.EncodeBypassBits(r1 - (1u << n), n);
        }

        return encoder.Finish();
    }

    /// <summary>Decodes exactly <paramref name="count"/> values that must use up all of <paramref name="data"/>.</summary>
    /// <param name="tensorName">How error messages name the tensor.</param>
    /// <param name="dataOffset">Absolute offset of <paramref name="data"/>[0], for error messages.</param>
    public static int[] Decode(ReadOnlySpan<byte> data, int count, string tensorName, long dataOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > (long)data.Length * MaxValuesPerByte)
        {
            throw new InvalidDataException(
                $"Tensor {tensorName}: {count} values cannot fit in {data.Length} byte(s) of adaptive data at {FormatErrors.Hex(dataOffset)}.");
        }

        int[] values = new int[count];
        Decode(data, values, tensorName, dataOffset);
        return values;
    }

    /// <summary>Decodes <paramref name="destination"/>.Length values that must use up all of <paramref name="data"/>.</summary>
    /// <remarks>Fully optimised from its first call: it runs once per tensor, too few times for tiered compilation.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(ReadOnlySpan<byte> data, Span<int> destination, string tensorName, long dataOffset)
    {
        var decoder = new RangeDecoder(data, tensorName, dataOffset);
        Span<AdaptiveBitContext> contexts = stackalloc AdaptiveBitContext[ContextCount];
        contexts.Fill(AdaptiveBitContext.Fresh);
        for (int i = 0; i < destination.Length; i++)
        {
            if (decoder.DecodeBit(ref contexts[ZeroContext]) == 0)
            {
                destination[i] = 0;
                continue;
            }

            bool negative = decoder.DecodeBit(ref contexts[SignContext]) != 0;
            int a = 1;
            while (a <= UnaryLimit && decoder.DecodeBit(ref contexts[UnaryContext + a - 1]) != 0)
            {
                a++;
            }

            if (a > UnaryLimit)
            {
                a = DecodeEscape(ref decoder, contexts, i);
            }

            destination[i] = negative ? -a : a;
        }

        decoder.Finish();
    }

    /// <summary>Decodes the Exp-Golomb escape and returns the magnitude (≥ 15).</summary>
    private static int DecodeEscape(ref RangeDecoder decoder, scoped Span<AdaptiveBitContext> contexts, int index)
    {
        int n = 0;
        while (decoder.DecodeBit(ref contexts[EscapeContext + Math.Min(n, EscapeContextCount - 1)]) != 0)
        {
            if (++n > MaxEscapePrefix)
            {
                decoder.ThrowInvalid($"value {index} has an escape prefix longer than {MaxEscapePrefix} ones");
            }
        }

        // r + 1 = 2^n + v with n ≤ 30, so r + 1 < 2^31 and a = r + 15 < 2^31 + 14.
        uint r1 = (1u << n) + decoder.DecodeBypassBits(n);
        uint a = r1 + UnaryLimit;
        if (a > MaxMagnitude)
        {
            decoder.ThrowInvalid($"value {index} has magnitude {a}, above 2^31 − 1");
        }

        return (int)a;
    }
}
