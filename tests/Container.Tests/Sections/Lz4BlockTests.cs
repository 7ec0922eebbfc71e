using K4os.Compression.LZ4;

namespace Asmr.Container.Tests;

public class Lz4BlockTests
{
    private static SectionHeader Header(long stored, long uncompressed) =>
        new(0x40, SectionTag.Parse("abcd"), SectionFlags.Lz4, stored, uncompressed);

    [Fact]
    public void TryEncode_CompressibleBytes_RoundTripsThroughDecode()
    {
        byte[] payload = Samples.Repetitive(10_000);

        Assert.True(Lz4Block.TryEncode(payload, LZ4Level.L00_FAST, out byte[] block));
        Assert.True(block.Length < payload.Length);
        Assert.Equal(payload, Lz4Block.Decode(block, Header(block.Length, payload.Length)));
    }

    [Fact]
    public void TryEncode_IncompressibleBytes_ReturnsFalse() =>
        Assert.False(Lz4Block.TryEncode(Samples.Random(1000, seed: 5), LZ4Level.L09_HC, out _));

    [Fact]
    public void TryEncode_Empty_ReturnsFalse() =>
        Assert.False(Lz4Block.TryEncode([], LZ4Level.L00_FAST, out _));

    [Fact]
    public void Decode_TruncatedBlock_ThrowsInvalidDataNamingThePayloadOffset()
    {
        byte[] payload = Samples.Repetitive(10_000);
        Lz4Block.TryEncode(payload, LZ4Level.L00_FAST, out byte[] block);

        var e = Assert.Throws<InvalidDataException>(() => Lz4Block.Decode(block.AsSpan(0, block.Length - 3), Header(block.Length - 3, payload.Length)));

        Assert.Contains("at offset 0x50", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RandomBlocks_NeverThrowAnythingButInvalidData()
    {
        var random = new Random(7);
        for (int i = 0; i < 5000; i++)
        {
            byte[] block = new byte[random.Next(1, 64)];
            random.NextBytes(block);
            int expected = random.Next(1, 2000);
            try
            {
                byte[] decoded = Lz4Block.Decode(block, Header(block.Length, expected));
                Assert.Equal(expected, decoded.Length);
            }
            catch (InvalidDataException)
            {
                // The documented outcome for a bad block.
            }
        }
    }
}
