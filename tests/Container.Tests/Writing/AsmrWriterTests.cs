using System.Buffers.Binary;

namespace Asmr.Container.Tests;

public class AsmrWriterTests
{
    [Fact]
    public void Write_RichFile_LaysOutHeaderSeqhSegiMetaUnknownThenModels()
    {
        byte[] bytes = Samples.ToBytes(Samples.Rich(), Samples.Plain);

        var tags = new List<string>();
        long position = 24;
        while (position < bytes.Length)
        {
            tags.Add(System.Text.Encoding.ASCII.GetString(bytes, (int)position, 4));
            bool compressed = (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)position + 4)) & 1) != 0;
            position += (compressed ? 16 : 12) + BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)position + 8)) + 4;
        }

        Assert.Equal(["SEQH", "SEGI", "meta", "xtra", "MODL", "MODL", "MODL"], tags);
        Assert.Equal(bytes.Length, position);
    }

    [Fact]
    public void Write_SegmentIndex_PointsAtEachModelSection()
    {
        AsmrFile file = Samples.Rich();
        byte[] bytes = Samples.ToBytes(file, Samples.Compressing);

        int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24 + 44 + 12));
        Assert.Equal(3, count);
        for (int k = 0; k < count; k++)
        {
            int entry = 24 + 44 + 12 + 4 + (24 * k);
            long offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(entry + 8));
            long length = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(entry + 16));
            Assert.Equal("MODL"u8.ToArray(), bytes[(int)offset..(int)(offset + 4)]);
            Assert.Equal((uint)file.Segments[k].FirstFrame, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(entry)));
            Assert.True(offset + length <= bytes.Length);
            if (k == count - 1)
            {
                Assert.Equal(bytes.Length, offset + length);
            }
        }
    }

    [Fact]
    public void Write_ModelSection_StartsWithTheSegmentIndex()
    {
        byte[] bytes = Samples.ToBytes(Samples.Segmented(3, 10));

        using AsmrReader reader = Samples.Open(bytes);
        for (int k = 0; k < 3; k++)
        {
            int payload = (int)reader.Segments[k].ModelSectionOffset + 12;
            Assert.Equal((uint)k, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(payload)));
        }
    }

    [Fact]
    public void Write_SameFileTwice_GivesIdenticalBytes() =>
        Assert.Equal(Samples.ToBytes(Samples.Rich(), Samples.Compressing), Samples.ToBytes(Samples.Rich(), Samples.Compressing));

    [Fact]
    public void Write_DefaultOptions_CompressesMetadataButNotModels()
    {
        AsmrFile file = Samples.Rich();
        using AsmrReader reader = Samples.Open(Samples.ToBytes(file));

        IReadOnlyList<SectionInfo> sections = reader.ReadSectionDirectory();

        Assert.True(sections.Single(s => s.Tag == "meta").IsCompressed);
        Assert.All(sections.Where(s => s.Tag == "MODL"), s => Assert.False(s.IsCompressed));
    }

    [Fact]
    public void Write_NoCompression_StoresEverySectionUncompressed()
    {
        using AsmrReader reader = Samples.Open(Samples.ToBytes(Samples.Rich(), Samples.Plain));

        Assert.All(reader.ReadSectionDirectory(), s => Assert.False(s.IsCompressed));
    }

    [Fact]
    public void Write_ForwardOnlyStream_WritesTheSameBytesAsToMemory()
    {
        var inner = new MemoryStream();

        AsmrWriter.Write(new ForwardOnlyStream(inner), Samples.Rich());

        Assert.Equal(Samples.ToBytes(Samples.Rich()), inner.ToArray());
    }

    [Fact]
    public void Write_StreamAfterAPrefix_WritesOffsetsRelativeToTheStartOfTheFile()
    {
        var stream = new MemoryStream();
        stream.Write(new byte[50]);

        AsmrWriter.Write(stream, Samples.Rich());

        Assert.Equal(Samples.ToBytes(Samples.Rich()), stream.ToArray()[50..]);
    }

    [Fact]
    public void Write_ReadBackAndWriteAgain_GivesIdenticalBytes()
    {
        byte[] first = Samples.ToBytes(Samples.Rich());

        byte[] second = Samples.ToBytes(Samples.Read(first));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_CancelledToken_ThrowsOperationCanceled()
    {
        using var stream = new MemoryStream();

        Assert.Throws<OperationCanceledException>(() => AsmrWriter.Write(stream, Samples.Rich(), null, new CancellationToken(canceled: true)));
    }

    public static TheoryData<string> InvalidFiles() =>
        ["no segments", "gap", "overlap", "short", "long", "empty segment", "null segment", "bad sequence", "critical unknown", "known unknown", "bad tag", "bad metadata", "too many segments"];

    private static AsmrFile Invalid(string kind)
    {
        SequenceHeader sequence = Samples.Sequence(16, 16, 10);
        AsmrSegment[] Segs(params (int First, int Count)[] s) => s.Select(x => new AsmrSegment(x.First, x.Count, new byte[] { 1 })).ToArray();
        AsmrFile ok = new() { SequenceHeader = sequence, Segments = Segs((0, 10)) };
        return kind switch
        {
            "no segments" => new AsmrFile { SequenceHeader = sequence, Segments = [] },
            "gap" => new AsmrFile { SequenceHeader = sequence, Segments = Segs((0, 4), (5, 5)) },
            "overlap" => new AsmrFile { SequenceHeader = sequence, Segments = Segs((0, 5), (4, 6)) },
            "short" => new AsmrFile { SequenceHeader = sequence, Segments = Segs((0, 9)) },
            "long" => new AsmrFile { SequenceHeader = sequence, Segments = Segs((0, 11)) },
            "empty segment" => new AsmrFile { SequenceHeader = sequence, Segments = Segs((0, 10), (10, 0)) },
            "null segment" => new AsmrFile { SequenceHeader = sequence, Segments = [null!] },
            "bad sequence" => new AsmrFile { SequenceHeader = sequence with { Width = 0 }, Segments = Segs((0, 10)) },
            "critical unknown" => new AsmrFile { SequenceHeader = sequence, Segments = ok.Segments, UnknownSections = [new UnknownSection("Xtra", new byte[1])] },
            "known unknown" => new AsmrFile { SequenceHeader = sequence, Segments = ok.Segments, UnknownSections = [new UnknownSection("meta", new byte[1])] },
            "bad tag" => new AsmrFile { SequenceHeader = sequence, Segments = ok.Segments, UnknownSections = [new UnknownSection("x1yz", new byte[1])] },
            "bad metadata" => new AsmrFile { SequenceHeader = sequence, Segments = ok.Segments, Metadata = new Metadata { Quality = new MetadataQuality { Bpp = double.NaN } } },
            _ => new AsmrFile { SequenceHeader = sequence with { FrameCount = 3 }, Segments = Segs((0, 1), (1, 1), (2, 1), (3, 1)) },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Write_InvalidFile_ThrowsArgumentExceptionBeforeWritingAnything(string kind)
    {
        using var stream = new MemoryStream();

        Assert.ThrowsAny<ArgumentException>(() => AsmrWriter.Write(stream, Invalid(kind)));

        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Write_GapBetweenSegments_NamesTheSegmentAndTheExpectedFrame()
    {
        var e = Assert.Throws<ArgumentException>(() => AsmrWriter.Write(Stream.Null, Invalid("gap")));

        Assert.Contains("Segment 1 starts at frame 5", e.Message, StringComparison.Ordinal);
        Assert.Contains("must start at 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileLayout_RichFile_LengthMatchesTheBytesWritten()
    {
        FileLayout layout = FileLayout.Build(Samples.Rich(), Samples.Compressing);

        Assert.Equal(Samples.RichBytes().Length, layout.Length);
        Assert.Equal(layout.Length, layout.Segments[^1].ModelSectionOffset + layout.Segments[^1].ModelSectionLength);
    }

    [Fact]
    public void ContainerLength_IsTheWrittenFileLessItsModelPayloads()
    {
        // Models stored as they are (the encoder's way): only then is the container what surrounds the payloads.
        AsmrFile rich = Samples.Rich();
        var file = new AsmrFile { SequenceHeader = rich.SequenceHeader, Segments = rich.Segments, Metadata = rich.Metadata };
        var options = new AsmrWriterOptions { CompressMetadata = true };
        var segments = file.Segments.Select(s => (s.FirstFrame, s.FrameCount)).ToList();

        long container = FileLayout.ContainerLength(file.SequenceHeader, segments, file.Metadata, options);

        Assert.Equal(Samples.ToBytes(file, options).Length - file.Segments.Sum(s => (long)s.ModelPayload.Length), container);
    }
}
