using System.IO.Hashing;
using K4os.Compression.LZ4;

namespace Asmr.Container.Tests;

public class SectionCodecTests
{
    private static ContainerSource Source(byte[] bytes) => new(new MemoryStream(bytes), leaveOpen: false);

    [Fact]
    public void Crc32_CheckString_MatchesTheValueTheSpecStates() =>
        Assert.Equal(0xCBF43926u, Crc32.HashToUInt32("123456789"u8));

    [Fact]
    public void ReadHeader_UncompressedSection_ReturnsItsFraming()
    {
        byte[] section = RawFileBuilder.Section("abcd", [1, 2, 3]);
        using ContainerSource source = Source([0, 0, .. section]);

        SectionHeader header = SectionCodec.ReadHeader(source, 2);

        Assert.Equal(("abcd", 3L, 3L, 14L, 2L + 12 + 3 + 4), (header.Tag.ToString(), header.StoredLength, header.UncompressedLength, header.PayloadOffset, header.End));
    }

    [Fact]
    public void ReadHeader_CompressedSection_ReadsUncompressedLength()
    {
        byte[] section = RawFileBuilder.CompressedSection("abcd", new byte[1000]);
        using ContainerSource source = Source(section);

        SectionHeader header = SectionCodec.ReadHeader(source, 0);

        Assert.True(header.IsCompressed);
        Assert.Equal(1000, header.UncompressedLength);
        Assert.Equal(16, header.PayloadOffset);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void ReadHeader_FewerThan12BytesLeft_ThrowsTruncated(int length)
    {
        using ContainerSource source = Source(RawFileBuilder.Section("abcd", [1, 2, 3])[..length]);

        var e = Assert.Throws<InvalidDataException>(() => SectionCodec.ReadHeader(source, 0));

        Assert.Contains("truncated section header at offset 0x0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadHeader_CompressedWithFewerThan16BytesLeft_ThrowsTruncated()
    {
        using ContainerSource source = Source(RawFileBuilder.CompressedSection("abcd", new byte[100])[..14]);

        Assert.Throws<InvalidDataException>(() => SectionCodec.ReadHeader(source, 0));
    }

    [Theory]
    [InlineData("ab1d")]
    [InlineData("ab d")]
    [InlineData("\0\0\0\0")]
    public void ReadHeader_TagNotFourLetters_ThrowsNamingTheOffset(string tag)
    {
        using ContainerSource source = Source([0, 0, 0, 0, .. RawFileBuilder.Section(tag, [1])]);

        var e = Assert.Throws<InvalidDataException>(() => SectionCodec.ReadHeader(source, 4));

        Assert.Contains("is not four ASCII letters", e.Message, StringComparison.Ordinal);
        Assert.Contains("offset 0x4", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x10000001u)]
    [InlineData(0x80000000u)]
    [InlineData(0xFFFFFFFFu)]
    public void ReadHeader_StoredLengthAboveTheLimit_ThrowsNamingTheField(uint storedLength)
    {
        byte[] bytes = FileBytes.WithUInt32(RawFileBuilder.Section("abcd", [1]), 8, storedLength);
        using ContainerSource source = Source(bytes);

        var e = Assert.Throws<InvalidDataException>(() => SectionCodec.ReadHeader(source, 0));

        Assert.Contains($"stored_length {storedLength} at offset 0x8 exceeds the section limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadHeader_StoredLengthPastTheEndOfFile_Throws()
    {
        byte[] bytes = FileBytes.WithUInt32(RawFileBuilder.Section("abcd", [1, 2, 3]), 8, 4);
        using ContainerSource source = Source(bytes);

        var e = Assert.Throws<InvalidDataException>(() => SectionCodec.ReadHeader(source, 0));

        Assert.Contains("only 19 remain", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(10u * 255 + 17)]
    [InlineData(0x80000000u)]
    public void ReadHeader_UncompressedLengthOutsideTheBound_Throws(uint uncompressedLength)
    {
        byte[] bytes = RawFileBuilder.Section("abcd", new byte[10], flags: 1, uncompressedLength: uncompressedLength);
        using ContainerSource source = Source(bytes);

        var e = Assert.Throws<InvalidDataException>(() => SectionCodec.ReadHeader(source, 0));

        Assert.Contains($"uncompressed_length {uncompressedLength} at offset 0xC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadHeader_UncompressedLengthAtTheBound_IsAccepted()
    {
        byte[] bytes = RawFileBuilder.Section("abcd", new byte[10], flags: 1, uncompressedLength: (10 * 255) + 16);
        using ContainerSource source = Source(bytes);

        Assert.Equal((10 * 255) + 16, SectionCodec.ReadHeader(source, 0).UncompressedLength);
    }

    [Fact]
    public void ReadHeader_CompressedWithStoredLengthZero_Throws()
    {
        byte[] bytes = RawFileBuilder.Section("abcd", [], flags: 1, uncompressedLength: 1);
        using ContainerSource source = Source(bytes);

        Assert.Throws<InvalidDataException>(() => SectionCodec.ReadHeader(source, 0));
    }

    [Fact]
    public void ReadVerified_IntactSection_ReturnsItsBytes()
    {
        byte[] section = RawFileBuilder.Section("abcd", [9, 8, 7]);
        using ContainerSource source = Source(section);
        SectionHeader header = SectionCodec.ReadHeader(source, 0);

        Assert.Equal(section, SectionCodec.ReadVerified(source, header));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(13)]
    [InlineData(16)]
    public void ReadVerified_AnyFlippedBit_ThrowsCrcMismatch(int byteIndex)
    {
        byte[] section = RawFileBuilder.Section("abcd", [9, 8, 7]);
        section[byteIndex] ^= 0x20;
        using ContainerSource source = Source(section);
        SectionHeader header = SectionCodec.ReadHeader(source, 0);

        var e = Assert.Throws<InvalidDataException>(() => SectionCodec.ReadVerified(source, header));

        Assert.Contains("CRC mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodePayload_CompressedSection_ReturnsTheOriginalBytes()
    {
        byte[] payload = Samples.Repetitive(5000);
        byte[] section = RawFileBuilder.CompressedSection("abcd", payload);
        using ContainerSource source = Source(section);
        SectionHeader header = SectionCodec.ReadHeader(source, 0);

        ReadOnlyMemory<byte> decoded = SectionCodec.DecodePayload(header, SectionCodec.ReadVerified(source, header));

        Assert.Equal(payload, decoded.ToArray());
    }

    [Fact]
    public void DecodePayload_GarbageLz4Block_ThrowsInvalidData()
    {
        byte[] section = RawFileBuilder.Section("abcd", [0xF0, 0xFF, 0xFF, 0xFF, 0x00], flags: 1, uncompressedLength: 100);
        using ContainerSource source = Source(section);
        SectionHeader header = SectionCodec.ReadHeader(source, 0);
        byte[] raw = SectionCodec.ReadVerified(source, header);

        var e = Assert.Throws<InvalidDataException>(() => SectionCodec.DecodePayload(header, raw));

        Assert.Contains("not a valid LZ4 block", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void DecodePayload_Lz4BlockOfAnotherSize_ThrowsInvalidData(int delta)
    {
        byte[] payload = Samples.Repetitive(5000);
        byte[] block = new byte[LZ4Codec.MaximumOutputSize(payload.Length)];
        int n = LZ4Codec.Encode(payload, block, LZ4Level.L00_FAST);
        byte[] section = RawFileBuilder.Section("abcd", block.AsSpan(0, n), flags: 1, uncompressedLength: (uint)(payload.Length + delta));
        using ContainerSource source = Source(section);
        SectionHeader header = SectionCodec.ReadHeader(source, 0);
        byte[] raw = SectionCodec.ReadVerified(source, header);

        Assert.Throws<InvalidDataException>(() => SectionCodec.DecodePayload(header, raw));
    }

    [Fact]
    public void RequireNoReservedFlags_ReservedBitSet_ThrowsNamingTheFlags()
    {
        using ContainerSource source = Source(RawFileBuilder.Section("MODL", [0, 0, 0, 0], flags: 0x8000));
        SectionHeader header = SectionCodec.ReadHeader(source, 0);

        var e = Assert.Throws<InvalidDataException>(() => SectionCodec.RequireNoReservedFlags(header));

        Assert.Contains("reserved flag bits 0x8000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadHeader_NonZeroReservedField_IsIgnored()
    {
        using ContainerSource source = Source(RawFileBuilder.Section("abcd", [1], reserved: 0xFFFF));

        Assert.Equal(1, SectionCodec.ReadHeader(source, 0).StoredLength);
    }
}
