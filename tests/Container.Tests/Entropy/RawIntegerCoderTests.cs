using Asmr.Container.Entropy;
using CsCheck;

namespace Asmr.Container.Tests.Entropy;

public sealed class RawIntegerCoderTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(-1, "01")]
    [InlineData(1, "02")]
    [InlineData(63, "7E")]
    [InlineData(-64, "7F")]
    [InlineData(64, "8001")]
    [InlineData(int.MaxValue, "FEFFFFFF0F")]
    [InlineData(int.MinValue, "FFFFFFFF0F")]
    public void Encode_KnownValue_GivesZigZagLeb128(int value, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(RawIntegerCoder.Encode([value])));
    }

    [Fact]
    public void EncodeDecode_Extremes_RoundTrip()
    {
        int[] values = [0, 1, -1, 127, -128, 8191, -8192, int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1];

        byte[] data = RawIntegerCoder.Encode(values);

        Assert.Equal(values, RawIntegerCoder.Decode(data, values.Length, "t", 0));
        Assert.Equal(data.Length, RawIntegerCoder.EncodedLength(values));
    }

    [Fact]
    public void EncodeDecode_RandomArrays_RoundTrip()
    {
        Gen.Int.Array[0, 300].Sample(values =>
        {
            byte[] data = RawIntegerCoder.Encode(values);
            Assert.Equal(values, RawIntegerCoder.Decode(data, values.Length, "t", 0));
        }, iter: 500);
    }

    [Fact]
    public void Decode_OverlongEncoding_Throws()
    {
        byte[] data = [0x80, 0x00]; // 0 in two bytes

        var e = Assert.Throws<InvalidDataException>(() => RawIntegerCoder.Decode(data, 1, "Bias[0]", 0x20));

        Assert.Contains("overlong", e.Message, StringComparison.Ordinal);
        Assert.Contains("0x20", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FFFFFFFF10")] // z = 2^32 needs a 33rd bit
    [InlineData("FFFFFFFF8F00")] // a continuation bit on the fifth byte
    [InlineData("8080808080")]
    public void Decode_ValueAbove32Bits_Throws(string hex)
    {
        byte[] data = Convert.FromHexString(hex);

        Assert.Throws<InvalidDataException>(() => RawIntegerCoder.Decode(data, 1, "t", 0));
    }

    [Fact]
    public void Decode_EveryTruncation_Throws()
    {
        int[] values = [5, -300, 70000, int.MinValue, 0];
        byte[] data = RawIntegerCoder.Encode(values);

        for (int length = 0; length < data.Length; length++)
        {
            byte[] truncated = data[..length];
            Assert.Throws<InvalidDataException>(() => RawIntegerCoder.Decode(truncated, values.Length, "t", 0));
        }
    }

    [Fact]
    public void Decode_TrailingByte_ThrowsNamingOffset()
    {
        byte[] data = [.. RawIntegerCoder.Encode([1, 2, 3]), 0];

        var e = Assert.Throws<InvalidDataException>(() => RawIntegerCoder.Decode(data, 3, "t", 0x100));

        Assert.Contains("unused", e.Message, StringComparison.Ordinal);
        Assert.Contains("0x103", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MoreValuesThanBytes_ThrowsBeforeDecoding()
    {
        byte[] data = [0, 0, 0];

        var e = Assert.Throws<InvalidDataException>(() => RawIntegerCoder.Decode(data, int.MaxValue, "t", 0));

        Assert.Contains("at least", e.Message, StringComparison.Ordinal);
    }
}
