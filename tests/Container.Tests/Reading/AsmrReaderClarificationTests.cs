namespace Asmr.Container.Tests;

/// <summary>
/// Container rules of FORMAT.md that a clean-room reading found unclear (issue 13, item 7): what a reader checks in
/// an ancillary section it skips (§3.4, §6.3, §6.5), how a meta section with reserved flag bits counts (§7.4), and
/// header_length above 24 in a version 1 file (§5).
/// </summary>
public class AsmrReaderClarificationTests
{
    private static readonly byte[] GarbageLz4 = [0xFF, 0xFF, 0xFF];

    private static byte[] FileWith(params byte[][] ancillary)
    {
        var builder = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1));
        foreach (byte[] section in ancillary)
        {
            builder.Add(section);
        }

        return builder.Model(0, [7]).Build();
    }

    [Fact]
    public void Verify_UnknownAncillaryWithAnInvalidLz4Block_IsRejected()
    {
        byte[] bytes = FileWith(RawFileBuilder.Section("zzzz", GarbageLz4, flags: 1, uncompressedLength: 50));
        using AsmrReader reader = Samples.Open(bytes);

        var e = Assert.Throws<InvalidDataException>(() => reader.Verify());

        Assert.Contains("zzzz: the LZ4 payload", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UnknownAncillaryWithReservedFlagsAndAnInvalidLz4Block_IsAcceptedAfterItsCrc()
    {
        byte[] bytes = FileWith(RawFileBuilder.Section("zzzz", GarbageLz4, flags: 0x0003, uncompressedLength: 50));
        using AsmrReader reader = Samples.Open(bytes);

        reader.Verify();
        Assert.Empty(reader.ReadAll().UnknownSections);
    }

    [Fact]
    public void Open_UnknownAncillaryWithReservedFlags_StillHasItsUncompressedLengthBounded()
    {
        // The framing (§6.1) is frozen, so bit 0 still brings uncompressed_length and its bound, whatever bits 1–15 say.
        byte[] bytes = FileWith(RawFileBuilder.Section("zzzz", GarbageLz4, flags: 0x0003, uncompressedLength: (255 * 3) + 17));
        using AsmrReader reader = Samples.Open(bytes);

        var e = Assert.Throws<InvalidDataException>(() => reader.Verify());

        Assert.Contains("uncompressed_length 782", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSegmentModel_UnknownAncillaryWithAnInvalidLz4Block_IsNotReadByRandomAccess()
    {
        byte[] section = RawFileBuilder.Section("zzzz", GarbageLz4, flags: 1, uncompressedLength: 50);
        section[^1] ^= 0xFF; // a bad CRC too: random access reads neither
        using AsmrReader reader = Samples.Open(FileWith(section));

        Assert.Equal([7], reader.ReadSegmentModel(0).ToArray());
        Assert.Throws<InvalidDataException>(() => reader.Verify());
    }

    [Fact]
    public void ReadMetadata_MetaWithReservedFlags_IsNotParsedAndReadsAsNoMetadata()
    {
        byte[] bytes = FileWith(RawFileBuilder.Section("meta", "not JSON"u8, flags: 0x0002));
        using AsmrReader reader = Samples.Open(bytes);

        reader.Verify();
        Assert.Null(reader.ReadMetadata());
        Assert.Null(reader.ReadAll().Metadata);
    }

    [Fact]
    public void Read_MetaWithReservedFlagsBesideAnotherMeta_IsASecondMeta()
    {
        byte[] bytes = FileWith(RawFileBuilder.Section("meta", "not JSON"u8, flags: 0x0002), RawFileBuilder.Section("meta", "{}"u8));

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("a second meta section", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MetaWithReservedFlagsLargerThanOneMebibyte_IsRejected()
    {
        byte[] bytes = FileWith(RawFileBuilder.Section("meta", new byte[(1 << 20) + 1], flags: 0x0002));

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("the limit is 1048576", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_Version1FileWithHeaderLongerThan24_IsReadAndTheExtensionSkipped()
    {
        byte[] bytes = new RawFileBuilder { FormatVersion = 1, MinReaderVersion = 1, HeaderExtension = [0xDE, 0xAD, 0xBE, 0xEF] }
            .Sequence(4, 4, 1)
            .SegmentIndex((0, 1))
            .Model(0, [7])
            .Build();

        using AsmrReader reader = Samples.Open(bytes);
        AsmrFile file = reader.ReadAll();

        Assert.Equal(new AsmrFileHeader(1, 1, 28, 0), reader.Header);
        Assert.Equal(28, reader.ReadSectionDirectory()[0].Offset);
        Assert.Equal([7], file.Segments[0].ModelPayload.ToArray());
    }
}
