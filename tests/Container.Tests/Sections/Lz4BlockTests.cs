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

    // The end-of-block rules of FORMAT.md §6.5, on hand-made blocks. A token's high nibble is the literal count, its
    // low nibble the match length − 4; a match is followed by its offset (u16le). 'a' = 0x61.
    private const byte A = (byte)'a';

    private static byte[] Decode(byte[] block, int uncompressedLength) => Lz4Block.Decode(block, Header(block.Length, uncompressedLength));

    [Fact]
    public void Decode_LiteralsOnlyBlock_IsAccepted() =>
        Assert.Equal("aaaaa"u8.ToArray(), Decode([0x50, A, A, A, A, A], 5));

    [Fact]
    public void Decode_LastMatchEndingFiveBytesBeforeTheEnd_IsAccepted() =>
        Assert.Equal(Enumerable.Repeat(A, 18).ToArray(), Decode([0x18, A, 1, 0, 0x50, A, A, A, A, A], 18)); // 1 + 12 + 5

    [Fact]
    public void Decode_LastMatchStartingTwelveBytesBeforeTheEnd_IsAccepted() =>
        Assert.Equal(Enumerable.Repeat(A, 17).ToArray(), Decode([0x50, A, A, A, A, A, 1, 0, 0x80, A, A, A, A, A, A, A, A], 17)); // 5 + 4 + 8

    [Fact]
    public void Decode_BlockEndingWithAMatch_IsRejected() =>
        Assert.Throws<InvalidDataException>(() => Decode([0x18, A, 1, 0], 13));

    [Fact]
    public void Decode_BlockEndingWithASequenceOfNoLiterals_IsRejected() =>
        Assert.Throws<InvalidDataException>(() => Decode([0x18, A, 1, 0, 0x00], 13));

    [Fact]
    public void Decode_MatchEndingInTheLastFiveBytes_IsRejected() =>
        Assert.Throws<InvalidDataException>(() => Decode([0x18, A, 1, 0, 0x30, A, A, A], 16)); // 1 + 12 + 3

    [Fact]
    public void Decode_LastMatchStartingElevenBytesBeforeTheEnd_IsRejected() =>
        Assert.Throws<InvalidDataException>(() => Decode([0x60, A, A, A, A, A, A, 1, 0, 0x70, A, A, A, A, A, A, A], 17)); // 6 + 4 + 7

    [Fact]
    public void Decode_BytesAfterTheLastLiterals_AreRejected() =>
        Assert.Throws<InvalidDataException>(() => Decode([0x50, A, A, A, A, A, 0x00], 5));

    [Fact]
    public void Decode_MatchReachingBeforeTheBlock_IsRejected() =>
        Assert.Throws<InvalidDataException>(() => Decode([0x50, A, A, A, A, A, 6, 0, 0x80, A, A, A, A, A, A, A, A], 17));

    [Fact]
    public void Decode_BlockYieldingFewerBytesThanDeclared_IsRejected() =>
        Assert.Contains("decodes to 5 bytes", Assert.Throws<InvalidDataException>(() => Decode([0x50, A, A, A, A, A], 6)).Message, StringComparison.Ordinal);

    /// <summary>
    /// FORMAT.md §6.5: an offset of 0 is invalid. K4os's LZ4Codec.Decode alone accepts it (the match copies whatever its
    /// wild literal copy left in the output), so the reader checks the offsets itself.
    /// </summary>
    [Fact]
    public void Decode_MatchOffsetZero_IsRejected() =>
        Assert.Throws<InvalidDataException>(() => Decode([0x50, A, A, A, A, A, 0, 0, 0x80, A, A, A, A, A, A, A, A], 17));

    /// <summary>
    /// FORMAT.md §6.5: the last 5 bytes are literals. K4os's fast path does not check it for a short sequence far from
    /// the end of the block: 14 literals and an 18-byte match ending exactly at uncompressed_length 32, then an empty
    /// last sequence, decode there without complaint.
    /// </summary>
    [Fact]
    public void Decode_ShortSequenceWhoseMatchEndsAtTheEnd_IsRejected()
    {
        byte[] block = [0xEE, .. Enumerable.Repeat(A, 14), 8, 0, 0x00];

        Assert.Throws<InvalidDataException>(() => Decode(block, 32));
    }
}
