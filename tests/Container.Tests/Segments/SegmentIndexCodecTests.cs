namespace Asmr.Container.Tests;

public class SegmentIndexCodecTests
{
    private const long PayloadOffset = 0x50;
    private const long IndexEnd = 0x200;

    private static SegmentIndexEntry[] Entries(params (int First, int Count, long Length)[] segments)
    {
        var entries = new SegmentIndexEntry[segments.Length];
        long offset = IndexEnd;
        for (int i = 0; i < segments.Length; i++)
        {
            entries[i] = new SegmentIndexEntry(i, segments[i].First, segments[i].Count, offset, segments[i].Length);
            offset += segments[i].Length;
        }

        return entries;
    }

    private static long End(SegmentIndexEntry[] entries) => entries[^1].ModelSectionOffset + entries[^1].ModelSectionLength;

    private static SegmentIndexEntry[] Decode(byte[] payload, int frames, long fileLength) =>
        SegmentIndexCodec.Decode(payload, PayloadOffset, frames, IndexEnd, fileLength);

    [Fact]
    public void Decode_OfEncode_ReturnsTheEntries()
    {
        SegmentIndexEntry[] entries = Entries((0, 16, 100), (16, 1, 20), (17, 40, 5000));

        SegmentIndexEntry[] decoded = Decode(SegmentIndexCodec.Encode(entries), 57, End(entries));

        Assert.Equal(entries, decoded);
    }

    [Fact]
    public void Encode_OneSegment_IsCountThenFirstCountOffsetLength()
    {
        SegmentIndexEntry[] entries = [new SegmentIndexEntry(0, 0, 3, 0x0102030405, 0x20)];

        Assert.Equal(
            Convert.FromHexString("01000000" + "00000000" + "03000000" + "0504030201000000" + "2000000000000000"),
            SegmentIndexCodec.Encode(entries));
    }

    [Fact]
    public void Decode_SegmentNotFollowingThePrevious_ThrowsWithTheDocumentedMessage()
    {
        SegmentIndexEntry[] entries = Entries((0, 8, 100), (8, 8, 100), (17, 3, 100));

        var e = Assert.Throws<InvalidDataException>(() => Decode(SegmentIndexCodec.Encode(entries), 20, End(entries)));

        Assert.Equal("SEGI: segment 2 first_frame 17 at offset 0x84 does not follow segment 1 (expected 16)", e.Message);
    }

    [Fact]
    public void Decode_FirstSegmentNotAtFrame0_Throws()
    {
        SegmentIndexEntry[] entries = Entries((1, 4, 100));

        var e = Assert.Throws<InvalidDataException>(() => Decode(SegmentIndexCodec.Encode(entries), 5, End(entries)));

        Assert.Contains("segment 0 first_frame 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OverlappingSegments_Throws()
    {
        SegmentIndexEntry[] entries = Entries((0, 8, 100), (7, 9, 100));

        Assert.Throws<InvalidDataException>(() => Decode(SegmentIndexCodec.Encode(entries), 16, End(entries)));
    }

    [Fact]
    public void Decode_SegmentWithNoFrames_Throws()
    {
        SegmentIndexEntry[] entries = Entries((0, 8, 100), (8, 0, 100), (8, 8, 100));

        var e = Assert.Throws<InvalidDataException>(() => Decode(SegmentIndexCodec.Encode(entries), 16, End(entries)));

        Assert.Contains("segment 1 frame_count 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_SegmentsPastFrameCount_Throws()
    {
        SegmentIndexEntry[] entries = Entries((0, 8, 100), (8, 9, 100));

        var e = Assert.Throws<InvalidDataException>(() => Decode(SegmentIndexCodec.Encode(entries), 16, End(entries)));

        Assert.Contains("segment 1 frame_count 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_SegmentsShortOfFrameCount_Throws()
    {
        SegmentIndexEntry[] entries = Entries((0, 8, 100), (8, 7, 100));

        var e = Assert.Throws<InvalidDataException>(() => Decode(SegmentIndexCodec.Encode(entries), 16, End(entries)));

        Assert.Contains("cover frames 0..14, but SEQH frame_count is 16", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(17u)]
    [InlineData(0x80000000u)]
    [InlineData(0xFFFFFFFFu)]
    public void Decode_SegmentCountOutOfRange_ThrowsWithoutReadingEntries(uint count)
    {
        SegmentIndexEntry[] entries = Entries((0, 16, 100));
        byte[] payload = FileBytes.WithUInt32(SegmentIndexCodec.Encode(entries), 0, count);

        var e = Assert.Throws<InvalidDataException>(() => Decode(payload, 16, End(entries)));

        Assert.Contains($"segment_count {count} at offset 0x50", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PayloadLengthNotMatchingTheCount_Throws()
    {
        SegmentIndexEntry[] entries = Entries((0, 8, 100), (8, 8, 100));
        byte[] payload = [.. SegmentIndexCodec.Encode(entries), 0];

        var e = Assert.Throws<InvalidDataException>(() => Decode(payload, 16, End(entries)));

        Assert.Contains("segment_count 2 needs exactly 52", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ModelOffsetBeforeTheEndOfSegi_Throws()
    {
        SegmentIndexEntry[] entries = [new SegmentIndexEntry(0, 0, 16, IndexEnd - 1, 101)];

        var e = Assert.Throws<InvalidDataException>(() => Decode(SegmentIndexCodec.Encode(entries), 16, IndexEnd + 100));

        Assert.Contains("segment 0 model_section_offset 0x1FF at offset 0x5C", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OverlappingModelSections_Throws()
    {
        SegmentIndexEntry[] entries = Entries((0, 8, 100), (8, 8, 100));
        entries[1] = entries[1] with { ModelSectionOffset = entries[1].ModelSectionOffset - 1, ModelSectionLength = 101 };

        var e = Assert.Throws<InvalidDataException>(() => Decode(SegmentIndexCodec.Encode(entries), 16, End(entries)));

        Assert.Contains("segment 1 model_section_offset", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(19UL)]
    [InlineData(0x80000000UL)]
    [InlineData(0xFFFFFFFFFFFFFFFFUL)]
    public void Decode_ModelLengthOutOfRange_Throws(ulong length)
    {
        SegmentIndexEntry[] entries = Entries((0, 16, 100));
        byte[] payload = FileBytes.WithUInt64(SegmentIndexCodec.Encode(entries), 4 + 16, length);

        var e = Assert.Throws<InvalidDataException>(() => Decode(payload, 16, End(entries)));

        Assert.Contains($"model_section_length {length}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ModelOffsetBeyondTheFile_Throws()
    {
        SegmentIndexEntry[] entries = Entries((0, 16, 100));
        byte[] payload = FileBytes.WithUInt64(SegmentIndexCodec.Encode(entries), 4 + 8, ulong.MaxValue);

        Assert.Throws<InvalidDataException>(() => Decode(payload, 16, End(entries)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Decode_LastModelNotEndingAtTheEndOfFile_Throws(int delta)
    {
        SegmentIndexEntry[] entries = Entries((0, 8, 100), (8, 8, 100));

        Assert.Throws<InvalidDataException>(() => Decode(SegmentIndexCodec.Encode(entries), 16, End(entries) + delta));
    }
}
