namespace Asmr.Container.Tests;

public class AsmrReaderTests
{
    private static void AssertSameFile(AsmrFile expected, AsmrFile actual)
    {
        Assert.Equal(expected.SequenceHeader, actual.SequenceHeader);
        Assert.Equal(expected.Segments.Count, actual.Segments.Count);
        for (int i = 0; i < expected.Segments.Count; i++)
        {
            Assert.Equal(expected.Segments[i].FirstFrame, actual.Segments[i].FirstFrame);
            Assert.Equal(expected.Segments[i].FrameCount, actual.Segments[i].FrameCount);
            Assert.Equal(expected.Segments[i].ModelPayload.ToArray(), actual.Segments[i].ModelPayload.ToArray());
        }

        Assert.Equal(expected.Metadata is null, actual.Metadata is null);
        if (expected.Metadata is { } metadata)
        {
            MetadataCodecTests.AssertEquivalent(metadata, actual.Metadata!);
        }

        Assert.Equal(expected.UnknownSections.Select(s => s.Tag), actual.UnknownSections.Select(s => s.Tag));
        Assert.Equal(expected.UnknownSections.Select(s => s.Payload.ToArray()), actual.UnknownSections.Select(s => s.Payload.ToArray()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadAll_RichFile_RoundTripsEverySectionKind(bool compress)
    {
        AsmrFile file = Samples.Rich();

        AsmrFile read = Samples.Read(Samples.ToBytes(file, compress ? Samples.Compressing : Samples.Plain));

        AssertSameFile(file, read);
    }

    [Fact]
    public void ReadAll_CompressingWriter_ReallyStoresCompressedSections()
    {
        using AsmrReader reader = Samples.Open(Samples.RichBytes());

        IReadOnlyList<SectionInfo> sections = reader.ReadSectionDirectory();

        Assert.True(sections.Single(s => s.Tag == "meta").IsCompressed);
        Assert.True(sections.Single(s => s.Segment == 0).IsCompressed);
        Assert.False(sections.Single(s => s.Segment == 1).IsCompressed);
    }

    [Theory]
    [InlineData(1, 1, ChromaFormat.Yuv420)]
    [InlineData(2, 2, ChromaFormat.Yuv420)]
    [InlineData(17, 9, ChromaFormat.Yuv422)]
    [InlineData(1, 16384, ChromaFormat.Mono400)]
    [InlineData(16384, 16384, ChromaFormat.Yuv444)]
    [InlineData(65535, 65535, ChromaFormat.Yuv420)]
    public void Open_WrittenSequenceHeader_ReadsBackIncludingColour(int width, int height, ChromaFormat chroma)
    {
        SequenceHeader header = Samples.Sequence(width, height, 3) with
        {
            ChromaFormat = chroma,
            BitDepth = 16,
            FrameRate = new Rational(24000, 1001),
            Color = new ColorDescription { Primaries = 12, Transfer = 13, Matrix = chroma is ChromaFormat.Yuv444 ? (byte)0 : (byte)6, FullRange = true, ChromaSamplePosition = 3 },
        };
        var file = new AsmrFile { SequenceHeader = header, Segments = [new AsmrSegment(0, 3, new byte[] { 7 })] };

        using AsmrReader reader = Samples.Open(Samples.ToBytes(file));

        Assert.Equal(header, reader.SequenceHeader);
    }

    [Fact]
    public void Open_RichFile_ExposesHeaderAndSegmentIndex()
    {
        byte[] bytes = Samples.ToBytes(Samples.Rich(), Samples.Plain);

        using AsmrReader reader = Samples.Open(bytes);

        Assert.Equal(new AsmrFileHeader(1, 1, 24, 0), reader.Header);
        Assert.Equal(bytes.Length, reader.FileLength);
        Assert.Equal([(0, 2), (2, 2), (4, 1)], reader.Segments.Select(s => (s.FirstFrame, s.FrameCount)));
        Assert.Equal([0, 1, 2], reader.Segments.Select(s => s.Index));
        Assert.Equal(bytes.Length, reader.Segments[^1].ModelSectionOffset + reader.Segments[^1].ModelSectionLength);
    }

    [Fact]
    public void ReadSegmentModel_EachSegment_ReturnsItsPayload()
    {
        AsmrFile file = Samples.Rich();
        using AsmrReader reader = Samples.Open(Samples.RichBytes());

        for (int k = 0; k < file.Segments.Count; k++)
        {
            Assert.Equal(file.Segments[k].ModelPayload.ToArray(), reader.ReadSegmentModel(k).ToArray());
            Assert.Equal(file.Segments[k].FirstFrame, reader.ReadSegment(k).FirstFrame);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void ReadSegmentModel_IndexOutsideTheIndex_ThrowsArgumentOutOfRange(int segment)
    {
        using AsmrReader reader = Samples.Open(Samples.RichBytes());

        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadSegmentModel(segment));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    public void FindSegment_Frame_ReturnsTheSegmentHoldingIt(int frame, int segment)
    {
        using AsmrReader reader = Samples.Open(Samples.RichBytes());

        Assert.Equal(segment, reader.FindSegment(frame));
    }

    [Fact]
    public void FindSegment_FramePastTheEnd_ThrowsArgumentOutOfRange()
    {
        using AsmrReader reader = Samples.Open(Samples.RichBytes());

        Assert.Throws<ArgumentOutOfRangeException>(() => reader.FindSegment(5));
    }

    [Fact]
    public void ReadMetadata_FileWithoutMeta_ReturnsNull()
    {
        using AsmrReader reader = Samples.Open(Samples.ToBytes(Samples.AppendixExample()));

        Assert.Null(reader.ReadMetadata());
    }

    [Fact]
    public void ReadMetadata_RichFile_ReturnsTheMetadata()
    {
        using AsmrReader reader = Samples.Open(Samples.RichBytes());

        MetadataCodecTests.AssertEquivalent(Samples.Metadata(), reader.ReadMetadata()!);
    }

    [Fact]
    public void ReadSectionDirectory_RichFile_ListsSectionsInWriterOrderWithTheirPositions()
    {
        byte[] bytes = Samples.ToBytes(Samples.Rich(), Samples.Plain);
        using AsmrReader reader = Samples.Open(bytes);

        IReadOnlyList<SectionInfo> sections = reader.ReadSectionDirectory();

        Assert.Equal(["SEQH", "SEGI", "meta", "xtra", "MODL", "MODL", "MODL"], sections.Select(s => s.Tag));
        Assert.Equal(24, sections[0].Offset);
        for (int i = 1; i < sections.Count; i++)
        {
            Assert.Equal(sections[i - 1].Offset + sections[i - 1].Length, sections[i].Offset);
        }

        Assert.Equal(bytes.Length, sections[^1].Offset + sections[^1].Length);
        Assert.Equal([true, true, false, false, true, true, true], sections.Select(s => s.IsCritical));
        Assert.Equal([true, true, true, false, true, true, true], sections.Select(s => s.IsKnown));
        Assert.Equal([null, null, null, null, 0, 1, 2], sections.Select(s => s.Segment));
        Assert.Equal(reader.Segments.Select(s => (s.ModelSectionOffset, s.ModelSectionLength)), sections.Skip(4).Select(s => (s.Offset, s.Length)));
    }

    [Fact]
    public void ReadSectionDirectory_PayloadOffset_PointsAtTheStoredPayload()
    {
        byte[] bytes = Samples.ToBytes(Samples.Rich(), Samples.Compressing);
        using AsmrReader reader = Samples.Open(bytes);

        IReadOnlyList<SectionInfo> sections = reader.ReadSectionDirectory();

        Assert.Equal(24 + 12, sections[0].PayloadOffset);
        Assert.Equal(2u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)sections.Single(s => s.Segment == 2).PayloadOffset)));
        SectionInfo meta = sections.Single(s => s.Tag == "meta");
        Assert.Equal(meta.Offset + 16, meta.PayloadOffset);
    }

    [Fact]
    public void GetSummary_RichFile_HasHeaderSectionsSegmentsAndMetadata()
    {
        byte[] bytes = Samples.RichBytes();
        using AsmrReader reader = Samples.Open(bytes);

        AsmrFileSummary summary = reader.GetSummary();

        Assert.Equal(bytes.Length, summary.FileLength);
        Assert.Equal(1, summary.Header.FormatVersion);
        Assert.Equal(17, summary.SequenceHeader.Width);
        Assert.Equal(7, summary.Sections.Count);
        Assert.Equal(3, summary.Segments.Count);
        Assert.Equal("asmrc", summary.Metadata!.Encoder);
    }

    [Fact]
    public void Verify_IntactFile_DoesNotThrow()
    {
        using AsmrReader reader = Samples.Open(Samples.RichBytes());

        reader.Verify();
    }

    [Fact]
    public void Verify_CorruptModelPayload_ThrowsAlthoughOpenSucceeded()
    {
        byte[] bytes = Samples.RichBytes();
        bytes[^5] ^= 1;
        using AsmrReader reader = Samples.Open(bytes);

        var e = Assert.Throws<InvalidDataException>(() => reader.Verify());

        Assert.Contains("MODL: CRC mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CancelledToken_ThrowsOperationCanceled()
    {
        using AsmrReader reader = Samples.Open(Samples.RichBytes());

        Assert.Throws<OperationCanceledException>(() => reader.Verify(new CancellationToken(canceled: true)));
    }

    [Fact]
    public void ReadAll_UnknownAncillarySection_IsSkippedByTheDecoderAndPreserved()
    {
        byte[] bytes = new RawFileBuilder()
            .Sequence(4, 4, 2)
            .SegmentIndex((0, 2))
            .Add(RawFileBuilder.Section("zzzz", [1, 2, 3]))
            .Model(0, [9, 9])
            .Build();

        using AsmrReader reader = Samples.Open(bytes);
        AsmrFile file = reader.ReadAll();

        Assert.Equal([9, 9], reader.ReadSegmentModel(0).ToArray());
        Assert.Equal("zzzz", Assert.Single(file.UnknownSections).Tag);
        Assert.Equal([1, 2, 3], file.UnknownSections[0].Payload.ToArray());
        Assert.Equal(["SEQH", "SEGI", "zzzz", "MODL"], reader.ReadSectionDirectory().Select(x => x.Tag));
        reader.Verify();
    }

    [Fact]
    public void ReadAll_UnknownCompressedAncillaryBetweenModels_IsDecompressedAndPreserved()
    {
        byte[] bytes = new RawFileBuilder()
            .Sequence(4, 4, 2)
            .SegmentIndex((0, 1), (1, 1))
            .Model(0, [1])
            .Add(RawFileBuilder.CompressedSection("qxyz", Samples.Repetitive(500)))
            .Model(1, [2])
            .Build();

        AsmrFile file = Samples.Read(bytes);

        Assert.Equal(Samples.Repetitive(500), Assert.Single(file.UnknownSections).Payload.ToArray());
        Assert.Equal([2], file.Segments[1].ModelPayload.ToArray());
    }

    [Fact]
    public void ReadAll_UnknownAncillaryWithReservedFlags_IsSkippedAndNotPreserved()
    {
        byte[] bytes = new RawFileBuilder()
            .Sequence(4, 4, 1)
            .SegmentIndex((0, 1))
            .Add(RawFileBuilder.Section("zzzz", [1, 2, 3], flags: 0x0002))
            .Model(0, [5])
            .Build();

        AsmrFile file = Samples.Read(bytes);

        Assert.Empty(file.UnknownSections);
        Assert.Equal([5], file.Segments[0].ModelPayload.ToArray());
    }

    [Fact]
    public void ReadAll_UnknownAncillaryWithBadCrc_IsStillRejected()
    {
        byte[] section = RawFileBuilder.Section("zzzz", [1, 2, 3]);
        section[^1] ^= 0xFF;
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1)).Add(section).Model(0, [5]).Build();

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("zzzz: CRC mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_UnknownCriticalSection_IsRejectedNamingTagAndOffset()
    {
        byte[] bytes = new RawFileBuilder()
            .Sequence(4, 4, 1)
            .SegmentIndex((0, 1))
            .Add(RawFileBuilder.Section("ZZZZ", [1, 2, 3]))
            .Model(0, [5])
            .Build();
        long offset = 24 + 44 + 44;

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains($"unknown critical section 'ZZZZ' at offset 0x{offset:X}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_FutureFormatVersionWithMinReader1AndLongerHeader_IsRead()
    {
        byte[] bytes = new RawFileBuilder { FormatVersion = 2, MinReaderVersion = 1, HeaderExtension = [0xAA, 0xBB, 0xCC, 0xDD, 0, 0, 0, 1] }
            .Sequence(6, 4, 3)
            .SegmentIndex((0, 3))
            .Add(RawFileBuilder.Section("newx", [1]))
            .Model(0, [1, 2, 3])
            .Build();

        using AsmrReader reader = Samples.Open(bytes);
        AsmrFile file = reader.ReadAll();

        Assert.Equal(new AsmrFileHeader(2, 1, 32, 0), reader.Header);
        Assert.Equal(32, reader.ReadSectionDirectory()[0].Offset);
        Assert.Equal([1, 2, 3], file.Segments[0].ModelPayload.ToArray());
    }

    [Fact]
    public void Read_FutureMinReaderVersion_ThrowsNotSupportedNamingBothVersions()
    {
        byte[] bytes = new RawFileBuilder { FormatVersion = 8, MinReaderVersion = 8 }.Sequence(4, 4, 1).SegmentIndex((0, 1)).Model(0, [1]).Build();

        var e = Assert.Throws<NotSupportedException>(() => Samples.Read(bytes));

        Assert.StartsWith("this file needs reader version 8; this asmrc reads up to version 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FirstSectionNotSeqh_IsRejected()
    {
        byte[] bytes = new RawFileBuilder().SegmentIndex((0, 1)).Sequence(4, 4, 1).Model(0, [1]).Build();

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("the first section must be SEQH, but the section at offset 0x18 is 'SEGI'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AncillarySectionBetweenSeqhAndSegi_IsRejected()
    {
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 1).Add(RawFileBuilder.Section("zzzz", [1])).SegmentIndex((0, 1)).Model(0, [1]).Build();

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("the second section must be SEGI", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SecondSeqh_IsRejected()
    {
        byte[] bytes = new RawFileBuilder()
            .Sequence(4, 4, 1).SegmentIndex((0, 1)).Sequence(4, 4, 1).Model(0, [1]).Build();

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("a second SEQH section", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SecondMeta_IsRejected()
    {
        byte[] meta = RawFileBuilder.Section("meta", "{}"u8);
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1)).Add(meta).Add(meta).Model(0, [1]).Build();

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("a second meta section", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MetaLargerThanOneMebibyte_IsRejectedBeforeDecompressing()
    {
        byte[] json = [.. "{\"x\":\""u8, .. Enumerable.Repeat((byte)'a', 1 << 20), .. "\"}"u8];
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1)).Add(RawFileBuilder.CompressedSection("meta", json)).Model(0, [1]).Build();

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("the limit is 1048576", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ModelSegmentIndexNotMatchingItsEntry_IsRejected()
    {
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 2).SegmentIndex((0, 1), (1, 1)).Model(1, [1]).Model(0, [2]).Build();

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("MODL: segment_index 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("segment 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ModelSectionNotListedInSegi_IsRejected()
    {
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1)).Model(0, [1]).Build();
        byte[] extra = RawFileBuilder.Section("MODL", [1, 0, 0, 0]);
        int insertAt = 24 + 44 + 44;
        byte[] tampered = [.. bytes[..insertAt], .. extra, .. bytes[insertAt..]];
        tampered = RelocateSingleModel(tampered, insertAt + extra.Length);

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(tampered));

        Assert.Contains("is not listed in SEGI", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SegiPointingAtANonModelSection_IsRejected()
    {
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1)).Add(RawFileBuilder.Section("zzzz", [1, 2, 3, 4, 5, 6, 7, 8])).Model(0, [1]).Build();
        bytes = RelocateSingleModel(bytes, 24 + 44 + 44);

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("points at a 'zzzz' section, not MODL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSegmentModel_SectionLengthDifferingFromSegi_IsRejected()
    {
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1)).Model(0, [1]).Add(RawFileBuilder.Section("zzzz", [1])).Build();
        bytes = RelocateSingleModel(bytes, 24 + 44 + 44); // the entry now claims the MODL and the zzzz section after it

        using AsmrReader reader = Samples.Open(bytes);

        var e = Assert.Throws<InvalidDataException>(() => reader.ReadSegmentModel(0));
        Assert.Contains("is 21 bytes, but SEGI segment 0 model_section_length says 38", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => reader.ReadAll());
    }

    [Fact]
    public void Read_CompressedSeqh_IsRejected()
    {
        byte[] bytes = new RawFileBuilder()
            .Add(RawFileBuilder.CompressedSection("SEQH", RawFileBuilder.SequencePayload(4, 4, 1)))
            .SegmentIndex((0, 1)).Model(0, [1]).Build();

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("SEQH is always stored uncompressed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ModelWithReservedFlags_IsRejected()
    {
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1)).Model(0, [1]).Build();
        int model = 24 + 44 + 44;
        bytes = FileBytes.FixSectionCrc(FileBytes.WithUInt16(bytes, model + 4, 0x0004), model);

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("reserved flag bits 0x4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSegmentModel_CompressedModel_IsDecompressed()
    {
        byte[] model = Samples.Repetitive(3000);
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1)).Model(0, model, compressed: true).Build();

        using AsmrReader reader = Samples.Open(bytes);

        Assert.Equal(model, reader.ReadSegmentModel(0).ToArray());
    }

    [Fact]
    public void Open_BytesAfterTheLastModel_AreRejected()
    {
        byte[] bytes = [.. Samples.ToBytes(Samples.AppendixExample()), .. RawFileBuilder.Section("zzzz", [1])];

        var e = Assert.Throws<InvalidDataException>(() => Samples.Open(bytes));

        Assert.Contains("a file ends with its last MODL section", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NonSeekableStream_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => AsmrReader.Open(new ForwardOnlyStream(new MemoryStream(Samples.RichBytes()))));

    [Fact]
    public void Open_StreamPositionedAfterAPrefix_ReadsTheFileFromThere()
    {
        byte[] file = Samples.RichBytes();
        var stream = new MemoryStream([.. new byte[100], .. file]) { Position = 100 };

        using AsmrReader reader = AsmrReader.Open(stream);

        Assert.Equal(file.Length, reader.FileLength);
        Assert.Equal(Samples.Rich().Segments[2].ModelPayload.ToArray(), reader.ReadSegmentModel(2).ToArray());
        reader.Verify();
    }

    [Fact]
    public void Open_CorruptFileWithoutLeaveOpen_DisposesTheStream()
    {
        var stream = new MemoryStream(new byte[10]);

        Assert.Throws<InvalidDataException>(() => AsmrReader.Open(stream));

        Assert.False(stream.CanRead);
    }

    [Fact]
    public void Dispose_LeaveOpen_KeepsTheStreamOpen()
    {
        var stream = new MemoryStream(Samples.RichBytes());

        AsmrReader.Open(stream, leaveOpen: true).Dispose();

        Assert.True(stream.CanRead);
    }

    [Fact]
    public void OpenAndRead_Path_ReadTheFile()
    {
        using var directory = new TempDirectory();
        string path = directory.File("a.asmr");
        File.WriteAllBytes(path, Samples.RichBytes());

        using (AsmrReader reader = AsmrReader.Open(path))
        {
            Assert.Equal(3, reader.Segments.Count);
        }

        Assert.Equal(3, AsmrReader.Read(path).Segments.Count);
    }

    [Fact]
    public void ReadSegmentModel_ManyThreadsAtOnce_EachGetsItsOwnModel()
    {
        AsmrFile file = Samples.Segmented(16, 3000);
        using AsmrReader reader = Samples.Open(Samples.ToBytes(file));

        Parallel.For(0, 400, i =>
        {
            int k = i % 16;
            Assert.Equal(file.Segments[k].ModelPayload.ToArray(), reader.ReadSegmentModel(k).ToArray());
        });
    }

    /// <summary>Points the single SEGI entry of a one-segment file at <paramref name="offset"/> (fixing the CRC).</summary>
    private static byte[] RelocateSingleModel(byte[] bytes, long offset)
    {
        int segi = 24 + 44;
        byte[] moved = FileBytes.WithUInt64(bytes, segi + 12 + 4 + 8, (ulong)offset);
        moved = FileBytes.WithUInt64(moved, segi + 12 + 4 + 16, (ulong)(bytes.Length - offset));
        return FileBytes.FixSectionCrc(moved, segi);
    }
}
