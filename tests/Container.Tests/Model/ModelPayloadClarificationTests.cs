using System.Buffers.Binary;
using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

/// <summary>
/// Rules of FORMAT.md §10 that a clean-room reading found unclear (issue 13, item 7), pinned so that the spec text and
/// the reader cannot drift apart: the level byte of grid records, the multiplier 0, and the record numbering.
/// </summary>
public sealed class ModelPayloadClarificationTests
{
    private const long BaseOffset = 0x1000;

    /// <summary>Start of every tensor record of a payload whose header has <paramref name="levels"/> levels and <paramref name="grids"/> grids.</summary>
    private static List<int> Records(byte[] payload, int levels, int grids)
    {
        var records = new List<int>();
        int p = ModelPayloadFormat.HeaderLength(levels, grids);
        while (p < payload.Length)
        {
            records.Add(p);
            p += PayloadOffsets.RecordData + (int)BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(p + PayloadOffsets.RecordByteLength));
        }

        return records;
    }

    [Fact]
    public void Write_GridProjectionAndLatentsRecords_CarryTheirGridsLevel()
    {
        var (model, _) = ModelSamples.FiveLevelGridColor(); // grids on levels 0 (k = 1), 2 (k = 3), 3 (k = 2)
        byte[] payload = ModelPayloadWriter.Write(model);

        var grid = Records(payload, 5, 3).Select(r => (Role: payload[r], Level: payload[r + PayloadOffsets.RecordLevel]))
            .Where(x => x.Role is (byte)TensorRole.GridProjection or (byte)TensorRole.GridLatents)
            .ToArray();

        Assert.Equal(
            [(6, 0), (7, 0), (6, 2), (7, 2), (7, 2), (7, 2), (6, 3), (7, 3), (7, 3)],
            grid.Select(x => ((int)x.Role, (int)x.Level)));
    }

    [Theory]
    [InlineData(0)] // level 0 instead of 2
    [InlineData(3)] // the next grid's level
    [InlineData(255)]
    public void Read_GridLatentsRecordWithAnotherLevelThanItsGrid_IsRejected(byte level)
    {
        var (model, expected) = ModelSamples.FiveLevelGridColor();
        byte[] payload = ModelPayloadWriter.Write(model);
        var records = Records(payload, 5, 3);
        int latents = records.First(r => payload[r] == (byte)TensorRole.GridLatents && payload[r + PayloadOffsets.RecordLevel] == 2);
        payload[latents + PayloadOffsets.RecordLevel] = level;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected, BaseOffset));

        Assert.Contains($"tensor #{records.IndexOf(latents) + 1} GridLatents[2] level", e.Message, StringComparison.Ordinal);
        Assert.Contains("must be level 2", e.Message, StringComparison.Ordinal);
        Assert.Contains(FormatErrors.Hex(BaseOffset + latents + PayloadOffsets.RecordLevel), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZeroMultiplier_IsRejectedInEveryRecordIncludingGridLatents()
    {
        var (model, expected) = ModelSamples.FiveLevelGridColor();
        byte[] valid = ModelPayloadWriter.Write(model);
        var records = Records(valid, 5, 3);
        Assert.Equal(model.Tensors.Count, records.Count);

        foreach (int record in records)
        {
            byte[] payload = (byte[])valid.Clone();
            BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(record + PayloadOffsets.RecordMultiplier), 0);

            var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected, BaseOffset));

            Assert.Contains("multiplier", e.Message, StringComparison.Ordinal);
            Assert.Contains("μ must be at least 1", e.Message, StringComparison.Ordinal);
            Assert.Contains(FormatErrors.Hex(BaseOffset + record + PayloadOffsets.RecordMultiplier), e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_TensorNumberInMessages_IsTheRecordPositionCountingFromOne()
    {
        // §10.3: "tensor #n" is the n-th record in stored order, not the role byte nor the group of the §10.3 table.
        // In a five-level model the first weight (role 3) is record 7: five modulations, then the level-0 bias.
        var (model, expected) = ModelSamples.FiveLevelMixedColor();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        int record = offsets.Records[6];
        Assert.Equal((byte)TensorRole.Weight, payload[record]);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(record + PayloadOffsets.RecordRows), 1);

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected, BaseOffset));

        Assert.Contains("tensor #7 Weight[2] rows", e.Message, StringComparison.Ordinal);
    }
}
