using System.Buffers.Binary;
using System.IO.Hashing;
using K4os.Compression.LZ4;

namespace Asmr.Container.Tests;

public class EncodedSectionTests
{
    private static byte[] Bytes(EncodedSection section)
    {
        using var stream = new MemoryStream();
        section.WriteTo(new OutputSink(stream, null, CancellationToken.None));
        return stream.ToArray();
    }

    [Fact]
    public void Create_Uncompressed_WritesTagFlagsReservedLengthPayloadAndCrc()
    {
        EncodedSection section = EncodedSection.Create(SectionTag.Parse("abcd"), [new byte[] { 1, 2 }, new byte[] { 3 }], null);

        byte[] bytes = Bytes(section);

        Assert.Equal(RawFileBuilder.Section("abcd", [1, 2, 3]), bytes);
        Assert.Equal(bytes.Length, section.Length);
        Assert.False(section.IsCompressed);
    }

    [Fact]
    public void Create_CompressibleWithCompression_StoresAnLz4BlockAndTheUncompressedLength()
    {
        byte[] payload = Samples.Repetitive(4000);

        EncodedSection section = EncodedSection.Create(SectionTag.Parse("abcd"), [payload], LZ4Level.L00_FAST);
        byte[] bytes = Bytes(section);

        Assert.True(section.IsCompressed);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)));
        int stored = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        Assert.Equal(4000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)));
        byte[] decoded = new byte[4000];
        Assert.Equal(4000, LZ4Codec.Decode(bytes.AsSpan(16, stored), decoded));
        Assert.Equal(payload, decoded);
        Assert.Equal(Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - 4)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)));
    }

    [Fact]
    public void Create_IncompressibleWithCompression_StoresThePayloadAsIs()
    {
        byte[] payload = Samples.Random(500, seed: 3);

        EncodedSection section = EncodedSection.Create(SectionTag.Parse("abcd"), [payload], LZ4Level.L09_HC);

        Assert.False(section.IsCompressed);
        Assert.Equal(RawFileBuilder.Section("abcd", payload), Bytes(section));
    }

    [Fact]
    public void Create_EmptyPayloadWithCompression_StoresItUncompressed()
    {
        EncodedSection section = EncodedSection.Create(SectionTag.Parse("abcd"), [], LZ4Level.L00_FAST);

        Assert.Equal(RawFileBuilder.Section("abcd", []), Bytes(section));
    }
}
