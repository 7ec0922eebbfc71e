using Asmr.Container.Entropy;

namespace Asmr.Container.Tests.Entropy;

public sealed class RangeCoderTests
{
    [Fact]
    public void EncodeDecode_MixedContextAndBypassBits_RoundTrips()
    {
        var random = new Random(7);
        int[] bits = new int[20000];
        bool[] bypass = new bool[bits.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            bypass[i] = random.Next(4) == 0;
            bits[i] = random.Next(10) < (bypass[i] ? 5 : 8) ? 0 : 1;
        }

        var encoder = new RangeEncoder();
        var encoderContexts = new AdaptiveBitContext[3];
        Array.Fill(encoderContexts, AdaptiveBitContext.Fresh);
        for (int i = 0; i < bits.Length; i++)
        {
            if (bypass[i])
            {
                encoder.EncodeBypassBit(bits[i]);
            }
            else
            {
                encoder.EncodeBit(ref encoderContexts[i % 3], bits[i]);
            }
        }

        byte[] data = encoder.Finish();

        var decoder = new RangeDecoder(data, "test", 0);
        var decoderContexts = new AdaptiveBitContext[3];
        Array.Fill(decoderContexts, AdaptiveBitContext.Fresh);
        for (int i = 0; i < bits.Length; i++)
        {
            int bit = bypass[i] ? decoder.DecodeBypassBit() : decoder.DecodeBit(ref decoderContexts[i % 3]);
            Assert.Equal(bits[i], bit);
        }

        decoder.Finish();
        Assert.Equal(data.Length, decoder.Position);
    }

    [Fact]
    public void Finish_NothingCoded_WritesFiveZeroBytes()
    {
        var encoder = new RangeEncoder();

        Assert.Equal(new byte[5], encoder.Finish());
    }

    [Fact]
    public void Finish_CalledTwice_Throws()
    {
        var encoder = new RangeEncoder();
        encoder.Finish();

        Assert.Throws<InvalidOperationException>(() => encoder.Finish());
        Assert.Throws<InvalidOperationException>(() => encoder.EncodeBypassBit(1));
    }

    [Fact]
    public void Finish_ManyRandomStreams_FirstByteIsAlwaysZero()
    {
        var random = new Random(11);
        for (int stream = 0; stream < 300; stream++)
        {
            var encoder = new RangeEncoder();
            var context = AdaptiveBitContext.Fresh;
            int length = random.Next(1, 200);
            int oneBias = random.Next(1, 100);
            for (int i = 0; i < length; i++)
            {
                // Mostly ones pushes low towards the top of the interval: the carry-propagation path.
                encoder.EncodeBit(ref context, random.Next(100) < oneBias ? 1 : 0);
            }

            Assert.Equal(0, encoder.Finish()[0]);
        }
    }

    [Fact]
    public void EncodeBypassBits_ValueAndCount_DecodeReturnsSameValue()
    {
        var encoder = new RangeEncoder();
        encoder.EncodeBypassBits(0xDEADBEEF, 32);
        encoder.EncodeBypassBits(0b101, 3);
        encoder.EncodeBypassBits(0, 0);
        byte[] data = encoder.Finish();

        var decoder = new RangeDecoder(data, "test", 0);
        Assert.Equal(0xDEADBEEFu, decoder.DecodeBypassBits(32));
        Assert.Equal(0b101u, decoder.DecodeBypassBits(3));
        Assert.Equal(0u, decoder.DecodeBypassBits(0));
        decoder.Finish();
    }

    [Fact]
    public void Constructor_FirstByteNotZero_ThrowsNamingTensorAndOffset()
    {
        byte[] data = [1, 0, 0, 0, 0];

        var e = Assert.Throws<InvalidDataException>(() => { _ = new RangeDecoder(data, "Weight[2]", 0x40); });

        Assert.Contains("Weight[2]", e.Message, StringComparison.Ordinal);
        Assert.Contains("0x40", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InitialCodeAllOnes_Throws()
    {
        byte[] data = [0, 0xFF, 0xFF, 0xFF, 0xFF];

        Assert.Throws<InvalidDataException>(() => { _ = new RangeDecoder(data, "t", 0); });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Constructor_FewerThanFiveBytes_ThrowsNamingEndOffset(int length)
    {
        byte[] data = new byte[length];

        var e = Assert.Throws<InvalidDataException>(() => { _ = new RangeDecoder(data, "Bias[0]", 0x100); });

        Assert.Contains("Bias[0]", e.Message, StringComparison.Ordinal);
        Assert.Contains(FormatErrors.Hex(0x100 + length), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeBypassBit_PastTheEnd_Throws()
    {
        byte[] data = new byte[5];

        var e = Assert.Throws<InvalidDataException>(() =>
        {
            var decoder = new RangeDecoder(data, "t", 0);
            for (int i = 0; i < 9; i++)
            {
                decoder.DecodeBypassBit();
            }
        });

        Assert.Contains("ends early", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finish_UnconsumedBytes_ThrowsNamingOffset()
    {
        byte[] data = new byte[7];

        var e = Assert.Throws<InvalidDataException>(() => new RangeDecoder(data, "t", 0x10).Finish());

        Assert.Contains("2 unused byte(s)", e.Message, StringComparison.Ordinal);
        Assert.Contains("0x15", e.Message, StringComparison.Ordinal);
    }
}
