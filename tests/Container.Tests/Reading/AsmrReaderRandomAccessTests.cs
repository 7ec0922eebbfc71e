namespace Asmr.Container.Tests;

public class AsmrReaderRandomAccessTests
{
    private const int ModelLength = 64 * 1024;

    [Fact]
    public void Open_ReadsOnlyTheHeaderSeqhAndSegi()
    {
        byte[] bytes = Samples.ToBytes(Samples.Segmented(4, ModelLength));
        using var stream = new CountingStream(bytes);

        using AsmrReader reader = AsmrReader.Open(stream, leaveOpen: true);

        long firstModel = reader.Segments[0].ModelSectionOffset;
        Assert.All(stream.Reads, r => Assert.True(r.Offset + r.Count <= firstModel, $"read [{r.Offset}, {r.Offset + r.Count}) reaches past SEGI"));
        Assert.True(stream.BytesRead <= firstModel + 64, $"{stream.BytesRead} bytes read to open");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public void ReadSegmentModel_SegmentK_ReadsOnlyThatModelSection(int k)
    {
        AsmrFile file = Samples.Segmented(4, ModelLength);
        byte[] bytes = Samples.ToBytes(file);
        using var stream = new CountingStream(bytes);
        using AsmrReader reader = AsmrReader.Open(stream, leaveOpen: true);
        stream.Reads.Clear();

        ReadOnlyMemory<byte> model = reader.ReadSegmentModel(k);

        SegmentIndexEntry entry = reader.Segments[k];
        Assert.Equal(file.Segments[k].ModelPayload.ToArray(), model.ToArray());
        Assert.All(stream.Reads, r => Assert.True(
            r.Offset >= entry.ModelSectionOffset && r.Offset + r.Count <= entry.ModelSectionOffset + entry.ModelSectionLength,
            $"read [{r.Offset}, {r.Offset + r.Count}) lies outside segment {k}'s MODL section"));
        Assert.True(stream.BytesRead <= entry.ModelSectionLength + 16, $"{stream.BytesRead} bytes read for a {entry.ModelSectionLength}-byte section");
    }

    [Fact]
    public void ReadMetadata_DoesNotReadModelPayloads()
    {
        AsmrFile file = Samples.Segmented(4, ModelLength);
        byte[] bytes = Samples.ToBytes(new AsmrFile { SequenceHeader = file.SequenceHeader, Segments = file.Segments, Metadata = Samples.Metadata() });
        using var stream = new CountingStream(bytes);
        using AsmrReader reader = AsmrReader.Open(stream, leaveOpen: true);
        stream.Reads.Clear();

        Assert.NotNull(reader.ReadMetadata());

        Assert.True(stream.BytesRead < 4096, $"{stream.BytesRead} bytes read to find and read the metadata");
    }
}
