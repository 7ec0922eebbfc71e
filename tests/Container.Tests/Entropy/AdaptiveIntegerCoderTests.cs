using Asmr.Container.Entropy;
using CsCheck;

namespace Asmr.Container.Tests.Entropy;

public sealed class AdaptiveIntegerCoderTests
{
    /// <summary>The worked example of spec §10.5.</summary>
    [Fact]
    public void Encode_SpecWorkedExample_GivesPinnedBytes()
    {
        byte[] data = AdaptiveIntegerCoder.Encode([0, 3, -1, 20]);

        Assert.Equal("006DCAF3FD30000000", Convert.ToHexString(data));
        Assert.Equal([0, 3, -1, 20], AdaptiveIntegerCoder.Decode(data, 4, "t", 0));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 14 })]
    [InlineData(new[] { 15 })]
    [InlineData(new[] { -16 })]
    [InlineData(new[] { int.MaxValue })]
    [InlineData(new[] { -int.MaxValue })]
    [InlineData(new[] { int.MaxValue, -int.MaxValue, 0, int.MaxValue, 1, -int.MaxValue })]
    public void EncodeDecode_EdgeValues_RoundTrip(int[] values)
    {
        byte[] data = AdaptiveIntegerCoder.Encode(values);

        Assert.Equal(0, data[0]);
        Assert.Equal(values, AdaptiveIntegerCoder.Decode(data, values.Length, "t", 0));
    }

    [Fact]
    public void EncodeDecode_EscapePrefixBoundaries_RoundTrip()
    {
        // |q| = 15 + r with r + 1 = 2^n: the first value of each Exp-Golomb prefix length n = 0..30, and the last of each.
        var values = new List<int>();
        for (int n = 0; n <= 30; n++)
        {
            long first = 14 + (1L << n);
            long last = Math.Min(14 + (2L << n) - 1, int.MaxValue);
            values.Add((int)first);
            values.Add(-(int)last);
        }

        values.Add(int.MaxValue); // n = 30: r + 1 = 2^31 − 15
        int[] array = [.. values];

        byte[] data = AdaptiveIntegerCoder.Encode(array);

        Assert.Equal(array, AdaptiveIntegerCoder.Decode(data, array.Length, "t", 0));
    }

    [Fact]
    public void EncodeDecode_LaplacianAndRandom_RoundTrip()
    {
        int[] laplacian = LaplacianSamples.Generate(50000, 3, seed: 1);
        var random = new Random(2);
        int[] uniform = new int[5000];
        for (int i = 0; i < uniform.Length; i++)
        {
            uniform[i] = random.Next(-int.MaxValue, int.MaxValue);
        }

        foreach (int[] values in new[] { laplacian, uniform, new int[100000] })
        {
            byte[] data = AdaptiveIntegerCoder.Encode(values);
            Assert.Equal(values, AdaptiveIntegerCoder.Decode(data, values.Length, "t", 0));
        }
    }

    [Fact]
    public void EncodeDecode_GeneratedArrays_RoundTrip()
    {
        var small = Gen.Int[-40, 40].Array[0, 400];
        var wide = Gen.Int[-int.MaxValue, int.MaxValue].Array[0, 100];
        Gen.OneOf(small, wide).Sample(values =>
        {
            byte[] data = AdaptiveIntegerCoder.Encode(values);
            Assert.Equal(0, data[0]);
            Assert.Equal(values, AdaptiveIntegerCoder.Decode(data, values.Length, "t", 0));
        }, iter: 1000);
    }

    [Fact]
    public void Encode_MinValue_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => AdaptiveIntegerCoder.Encode([1, int.MinValue]));
    }

    /// <summary>The product target: coded bytes ≤ 1.02 × order-0 entropy, for 20 000 Laplacian values at each scale.</summary>
    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(256)]
    public void Encode_LaplacianValues_CodedBytesWithin2PercentOfOrder0Entropy(double scale)
    {
        int[] values = LaplacianSamples.Generate(20000, scale, seed: 12345);

        int coded = AdaptiveIntegerCoder.Encode(values).Length;
        double entropy = EntropyStatistics.Order0EntropyBytes(values);

        Assert.True(coded <= 1.02 * entropy, $"scale {scale}: {coded} coded bytes vs {entropy:F1} entropy bytes (ratio {coded / entropy:F4}).");
    }

    [Fact]
    public void Encode_AllZeros_StaysWellInsideValuesPerByteBound()
    {
        int[] values = new int[1 << 22];

        int coded = AdaptiveIntegerCoder.Encode(values).Length;

        // The bound readers rely on (2^15 values per byte) must hold with a margin for the most compressible input.
        Assert.True((long)coded * AdaptiveIntegerCoder.MaxValuesPerByte > 2L * values.Length, $"{values.Length} zeros took {coded} bytes.");
    }

    [Fact]
    public void Decode_EveryTruncation_ThrowsInvalidData()
    {
        int[] values = LaplacianSamples.Generate(300, 20, seed: 3);
        byte[] data = AdaptiveIntegerCoder.Encode(values);

        for (int length = 0; length < data.Length; length++)
        {
            byte[] truncated = data[..length];
            Assert.Throws<InvalidDataException>(() => AdaptiveIntegerCoder.Decode(truncated, values.Length, "t", 0));
        }
    }

    [Fact]
    public void Decode_TrailingGarbage_ThrowsNamingTensor()
    {
        int[] values = [1, 2, 3, 0, -7];
        byte[] data = [.. AdaptiveIntegerCoder.Encode(values), 0x5A];

        var e = Assert.Throws<InvalidDataException>(() => AdaptiveIntegerCoder.Decode(data, values.Length, "Modulation[1]", 0));

        Assert.Contains("Modulation[1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("unused", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_FirstByteNotZero_Throws()
    {
        byte[] data = AdaptiveIntegerCoder.Encode([4, 4, 4]);
        data[0] = 1;

        Assert.Throws<InvalidDataException>(() => AdaptiveIntegerCoder.Decode(data, 3, "t", 0));
    }

    [Fact]
    public void Decode_ThirtyOneEscapePrefixOnes_Throws()
    {
        var encoder = new RangeEncoder();
        var contexts = FreshContexts();
        EncodeEscapeStart(encoder, contexts);
        for (int i = 0; i < 31; i++)
        {
            encoder.EncodeBit(ref contexts[16 + Math.Min(i, 15)], 1);
        }

        encoder.EncodeBit(ref contexts[31], 0);
        byte[] data = encoder.Finish();

        var e = Assert.Throws<InvalidDataException>(() => AdaptiveIntegerCoder.Decode(data, 1, "t", 0));

        Assert.Contains("prefix", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MagnitudeAbove2Pow31Minus1_Throws()
    {
        // n = 30 and v = 2^30 − 1 gives |q| = 15 + 2^31 − 2, beyond 2^31 − 1.
        var encoder = new RangeEncoder();
        var contexts = FreshContexts();
        EncodeEscapeStart(encoder, contexts);
        for (int i = 0; i < 30; i++)
        {
            encoder.EncodeBit(ref contexts[16 + Math.Min(i, 15)], 1);
        }

        encoder.EncodeBit(ref contexts[31], 0);
        encoder.EncodeBypassBits((1u << 30) - 1, 30);
        byte[] data = encoder.Finish();

        var e = Assert.Throws<InvalidDataException>(() => AdaptiveIntegerCoder.Decode(data, 1, "t", 0));

        Assert.Contains("magnitude", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MoreValuesThanBytesCanHold_ThrowsBeforeAllocating()
    {
        byte[] data = AdaptiveIntegerCoder.Encode(new int[10]);

        var e = Assert.Throws<InvalidDataException>(() => AdaptiveIntegerCoder.Decode(data, int.MaxValue, "t", 0));

        Assert.Contains("cannot fit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ValueCountAbove2Pow15PerByte_IsRejectedBeforeDecodingAndTheLimitItselfIsNot()
    {
        byte[] data = AdaptiveIntegerCoder.Encode(new int[10]);
        int limit = data.Length * AdaptiveIntegerCoder.MaxValuesPerByte;

        var above = Assert.Throws<InvalidDataException>(() => AdaptiveIntegerCoder.Decode(data, limit + 1, "t", 0));
        var at = Assert.Throws<InvalidDataException>(() => AdaptiveIntegerCoder.Decode(data, limit, "t", 0));

        Assert.Equal(1 << 15, AdaptiveIntegerCoder.MaxValuesPerByte);
        Assert.Contains("cannot fit", above.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot fit", at.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Spec §10.5 (informative): a context-coded bit leaves at most 4094/4096 + 2^−23 of the range, so n values need at
    /// least 4 + n / 11357 bytes. A run of zeros is the most skewed input there is (one context bit per value).
    /// </summary>
    [Theory]
    [InlineData(100_000)]
    [InlineData(2_000_000)]
    public void Encode_RunOfZeros_TakesAtLeastTheBytesOfTheSpecsBound(int count)
    {
        byte[] data = AdaptiveIntegerCoder.Encode(new int[count]);

        Assert.True(data.Length >= 4 + (count / 11357.0), $"{count} zeros took {data.Length} bytes");
        Assert.Equal(new int[count], AdaptiveIntegerCoder.Decode(data, count, "t", 0));
    }

    private static AdaptiveBitContext[] FreshContexts()
    {
        var contexts = new AdaptiveBitContext[AdaptiveIntegerCoder.ContextCount];
        Array.Fill(contexts, AdaptiveBitContext.Fresh);
        return contexts;
    }

    /// <summary>Codes "non-zero, positive, magnitude ≥ 15" with the §10.5 contexts.</summary>
    private static void EncodeEscapeStart(RangeEncoder encoder, AdaptiveBitContext[] contexts)
    {
        encoder.EncodeBit(ref contexts[0], 1);
        encoder.EncodeBit(ref contexts[1], 0);
        for (int i = 0; i < 14; i++)
        {
            encoder.EncodeBit(ref contexts[2 + i], 1);
        }
    }
}
