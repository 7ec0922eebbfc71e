using System.Buffers.Binary;
using System.IO.Hashing;

namespace Asmr.Container.Tests;

public class FileHeaderCodecTests
{
    private static AsmrFileHeader ReadHeader(byte[] bytes)
    {
        using var source = new ContainerSource(new MemoryStream(bytes), leaveOpen: false);
        return FileHeaderCodec.Read(source);
    }

    [Fact]
    public void Encode_Version1_IsMagicVersionsLengthFlagsAndCrc()
    {
        byte[] header = FileHeaderCodec.Encode();

        Assert.Equal(Convert.FromHexString("8A41534D520D0A1A" + "0100" + "0100" + "18000000" + "00000000"), header[..20]);
        Assert.Equal(Crc32.HashToUInt32(header.AsSpan(0, 20)), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20)));
    }

    [Fact]
    public void Read_Version1Header_ReturnsItsFields()
    {
        AsmrFileHeader header = ReadHeader(FileHeaderCodec.Encode());

        Assert.Equal(new AsmrFileHeader(1, 1, 24, 0), header);
    }

    [Fact]
    public void Read_FutureFormatVersionWithMinReader1AndLongerHeader_IsAccepted()
    {
        byte[] bytes = new RawFileBuilder { FormatVersion = 7, MinReaderVersion = 1, HeaderExtension = [1, 2, 3, 4, 5, 6, 7, 8] }.FileHeader();

        AsmrFileHeader header = ReadHeader(bytes);

        Assert.Equal(new AsmrFileHeader(7, 1, 32, 0), header);
    }

    [Fact]
    public void Read_NonZeroFlags_AreIgnored()
    {
        byte[] bytes = new RawFileBuilder { HeaderFlags = 0xDEADBEEF }.FileHeader();

        Assert.Equal(0xDEADBEEFu, ReadHeader(bytes).Flags);
    }

    [Fact]
    public void Read_MinReaderVersionAboveSupported_ThrowsNotSupportedNamingBothVersions()
    {
        byte[] bytes = new RawFileBuilder { FormatVersion = 8, MinReaderVersion = 8 }.FileHeader();

        var e = Assert.Throws<NotSupportedException>(() => ReadHeader(bytes));

        Assert.Contains("this file needs reader version 8; this asmrc reads up to version 7", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, "format_version 0")]
    [InlineData(1, 0, "min_reader_version 0")]
    [InlineData(1, 2, "min_reader_version 2")]
    public void Read_InconsistentVersions_ThrowsInvalidData(ushort formatVersion, ushort minReaderVersion, string expected)
    {
        byte[] bytes = new RawFileBuilder { FormatVersion = formatVersion, MinReaderVersion = minReaderVersion }.FileHeader();

        var e = Assert.Throws<InvalidDataException>(() => ReadHeader(bytes));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CorruptVersionField_ThrowsCrcMismatchBeforeLookingAtVersions()
    {
        byte[] bytes = FileBytes.WithUInt16(FileHeaderCodec.Encode(), 10, 9);

        var e = Assert.Throws<InvalidDataException>(() => ReadHeader(bytes));

        Assert.Contains("file header CRC mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongMagic_ThrowsInvalidDataSayingNotAnAsmrFile()
    {
        byte[] bytes = "RIFF\0\0\0\0WAVEfmt \0\0\0\0\0\0\0\0"u8.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => ReadHeader(bytes));

        Assert.StartsWith("not an .asmr file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextModeDamagedMagic_ThrowsInvalidData()
    {
        byte[] good = FileHeaderCodec.Encode();
        byte[] damaged = [.. good[..5], 0x0A, .. good[7..]]; // CR LF became LF

        Assert.Throws<InvalidDataException>(() => ReadHeader(damaged));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(23u)]
    [InlineData(65537u)]
    [InlineData(0x80000000u)]
    [InlineData(0xFFFFFFFFu)]
    public void Read_HeaderLengthOutOfRange_ThrowsInvalidDataNamingTheField(uint headerLength)
    {
        byte[] bytes = FileBytes.WithUInt32(FileHeaderCodec.Encode(), 12, headerLength);

        var e = Assert.Throws<InvalidDataException>(() => ReadHeader(bytes));

        Assert.Contains($"header_length {headerLength} at offset 0xC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderLengthBeyondTheFile_ThrowsInvalidDataSayingTruncated()
    {
        byte[] bytes = FileBytes.WithUInt32(FileHeaderCodec.Encode(), 12, 100);

        var e = Assert.Throws<InvalidDataException>(() => ReadHeader(bytes));

        Assert.StartsWith("truncated file header", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(23)]
    public void Read_ShortFile_ThrowsInvalidData(int length)
    {
        Assert.Throws<InvalidDataException>(() => ReadHeader(FileHeaderCodec.Encode()[..length]));
    }
}
