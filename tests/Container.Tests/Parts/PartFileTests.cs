namespace Asmr.Container.Tests;

public sealed class PartFileTests
{
    [Fact]
    public void A_part_reads_back_with_its_segments_fingerprints_statistics_and_metadata()
    {
        var part = Part();

        var read = PartReader.Read(new MemoryStream(Bytes(part)));

        Assert.Equal(part.SequenceHeader, read.SequenceHeader);
        Assert.Equal([(2, 2), (4, 1)], read.Segments.Select(s => (s.FirstFrame, s.FrameCount)));
        Assert.Equal(part.Segments[1].ModelPayload.ToArray(), read.Segments[1].ModelPayload.ToArray());
        Assert.Equal((2, 3, 4, 1), (read.Part.Shard, read.Part.ShardCount, read.Part.PlanSegmentCount, read.Part.FirstSegment));
        Assert.Equal(part.Part.SourceDigest.ToArray(), read.Part.SourceDigest.ToArray());
        Assert.Equal(part.Part.SettingsDigest.ToArray(), read.Part.SettingsDigest.ToArray());
        Assert.Equal(0.123456789012345, read.Part.Frames[2].SsimY);
        Assert.Equal(part.Part.Frames[1].PlaneSse, read.Part.Frames[1].PlaneSse);
        Assert.Equal("asmrc", read.Metadata?.Encoder);
    }

    [Fact]
    public void The_whole_file_reader_refuses_a_part_as_unsupported_saying_it_is_a_part()
    {
        var error = Assert.Throws<PartFileException>(() => AsmrReader.Open(new MemoryStream(Bytes(Part()))));

        Assert.Contains("this is a part file made by asmrc encode --shard", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_part_reader_refuses_a_whole_file_as_corrupt_saying_it_is_a_whole_video()
    {
        var error = Assert.Throws<InvalidDataException>(() => PartReader.Read(new MemoryStream(Samples.RichBytes())));

        Assert.Contains("this is a whole .asmr video, not a part file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_single_byte_flip_and_every_truncation_of_a_part_is_rejected_as_corrupt()
    {
        byte[] bytes = Bytes(Part());
        for (int i = 0; i < bytes.Length; i++)
        {
            byte[] flipped = (byte[])bytes.Clone();
            flipped[i] ^= 0x01;
            Assert.Throws<InvalidDataException>(() => PartReader.Read(new MemoryStream(flipped)));
            Assert.Throws<InvalidDataException>(() => PartReader.Read(new MemoryStream(bytes[..i])));
        }
    }

    private static byte[] Bytes(AsmrPartFile part) => [.. PartWriter.Layout(part).SelectMany(b => b)];

    private static AsmrPartFile Part()
    {
        var frames = Enumerable.Range(0, 3)
            .Select(f => new PartFrameStatistics([100L + f, 20, 30], [153, 45, 45], 500 + f, 459, f == 2 ? 0.123456789012345 : 0.9, 0.8))
            .ToArray();
        return new AsmrPartFile
        {
            SequenceHeader = Samples.Sequence(),
            Segments = [new AsmrSegment(2, 2, Samples.Random(40, 1)), new AsmrSegment(4, 1, Samples.Random(30, 2))],
            Metadata = Samples.Metadata(),
            Part = new PartInfo(2, 3, 4, 1, Enumerable.Repeat((byte)7, 32).ToArray(), Enumerable.Repeat((byte)9, 32).ToArray(), frames),
        };
    }
}
