using System.Buffers.Binary;
using Asmr.Container.Entropy;
using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

/// <summary>
/// model_version 7 payloads (spec §10.1, §10.2): laid out as model_version 6 with the output filter optional, each
/// record's header only μ (varint), coding (u8) and byte_length (varint).
/// </summary>
public sealed class CompactRecordPayloadTests
{
    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    public void WriteRead_CompactModel_RoundTripsEveryRecord(bool motion, int radius)
    {
        var (model, expected) = Compact(motion, radius);

        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(model), expected);

        ModelSamples.AssertEqual(model, read);
        Assert.Equal(7, read.Architecture.ModelVersion);
        Assert.True(read.Architecture.CompactRecords);
        Assert.Equal(radius, read.Architecture.FilterRadius);
        Assert.Equal(motion ? 4 : 0, read.Architecture.MotionBlockLog2);
        Assert.Equal(model.Records().Select(r => r.Values), read.Records().Select(r => r.Values));
        Assert.Equal(model.Records().Select(r => r.Multiplier), read.Records().Select(r => r.Multiplier));
    }

    [Fact]
    public void Write_CompactModel_StoresMultiplierCodingAndByteLengthOnly()
    {
        var (model, _) = Compact(motion: true, radius: 1);

        byte[] payload = ModelPayloadWriter.Write(model, out int[] lengths);

        var records = model.Records();
        int p = ModelPayloadFormat.HeaderLength(model.Architecture.Levels, model.Architecture.Grids.Count, 7);
        Assert.Equal(records.Count, BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(p - 2)));
        for (int i = 0; i < records.Count; i++)
        {
            byte[] header = [.. Varint(records[i].Multiplier), (byte)records[i].Coding, .. Varint((uint)lengths[i])];
            Assert.Equal(header, payload[p..(p + header.Length)]);
            p += header.Length + lengths[i];
        }

        Assert.Equal(payload.Length, p);
    }

    [Fact]
    public void Write_CompactModel_IsShorterThanTheSameModelWithFullHeadersByTheHeadersSaved()
    {
        var (compact, _) = Compact(motion: true, radius: 3);
        var full = compact.WithCompactRecords(false);

        byte[] a = ModelPayloadWriter.Write(compact, out int[] lengths);
        byte[] b = ModelPayloadWriter.Write(full);

        var records = compact.Records();
        int saved = Enumerable.Range(0, records.Count)
            .Sum(i => ModelPayloadFormat.RecordHeaderLength - ModelPayloadFormat.RecordHeaderBytes(7, records[i].Multiplier, lengths[i]));
        Assert.Equal(6, full.Architecture.ModelVersion);
        Assert.Equal(b.Length - saved, a.Length);
    }

    [Theory]
    [InlineData(0u, 1)]
    [InlineData(127u, 1)]
    [InlineData(128u, 2)]
    [InlineData(16383u, 2)]
    [InlineData(16384u, 3)]
    [InlineData((1u << 28) - 1, 4)]
    [InlineData(1u << 28, 5)]
    [InlineData(uint.MaxValue, 5)]
    public void VarintLength_Is7BitsAByte(uint value, int length) =>
        Assert.Equal(length, ModelPayloadFormat.VarintLength(value));

    [Fact]
    public void Read_CompactModelWithTheLargestMultiplier_ReadsAFiveByteVarint()
    {
        var (model, expected) = Compact(motion: false, radius: 0);
        var tensors = model.Tensors.Select(t => t.Role == TensorRole.Weight
            ? new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, uint.MaxValue, new int[t.Values.Length], t.Coding)
            : t).ToList();
        var largest = new SegmentModel(model.FirstFrame, model.FrameCount, model.Architecture, tensors);

        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(largest), expected);

        Assert.Equal(uint.MaxValue, read.Tensors.First(t => t.Role == TensorRole.Weight).Multiplier);
    }

    [Theory]
    [InlineData(new byte[] { 0x81, 0x00 }, "is a varint of 2 bytes whose last byte is 0")]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 }, "is a varint longer than 5 bytes")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x1F }, "is 8589934591; a varint holds at most 2^32 − 1")]
    [InlineData(new byte[] { 0x00 }, "is 0; μ must be at least 1")]
    public void Read_BadMultiplierVarint_IsRejectedNamingTheField(byte[] multiplier, string message)
    {
        var (model, expected) = Compact(motion: false, radius: 0);
        byte[] payload = ReplaceFirstMultiplier(ModelPayloadWriter.Write(model), model, multiplier);

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains("tensor #1 Modulation[0] multiplier at 0x", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ByteLengthBeyondThePayload_IsRejected()
    {
        var (model, expected) = Compact(motion: false, radius: 1);
        byte[] payload = ModelPayloadWriter.Write(model, out int[] lengths);
        int last = payload.Length - lengths[^1] - 1; // the filter's length is one varint byte
        payload[last] = (byte)(lengths[^1] + 1);

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains($"byte_length at 0x", e.Message, StringComparison.Ordinal);
        Assert.Contains($"is {lengths[^1] + 1} but only {lengths[^1]} byte(s) remain", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, "is 4; the output filter's diamond has a radius of 1..3, or 0 for none")]
    [InlineData(255, "is 255; the output filter's diamond has a radius of 1..3, or 0 for none")]
    public void Read_FilterRadiusAbove3_IsRejected(byte radius, string message)
    {
        var (model, expected) = Compact(motion: false, radius: 0);
        byte[] payload = ModelPayloadWriter.Write(model);
        int at = ModelPayloadFormat.HeaderLength(model.Architecture.Levels, model.Architecture.Grids.Count, 7) - 3;
        payload[at] = radius;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains("filter_radius at 0x", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Version7PayloadInVersion6File_IsRejected()
    {
        var (model, expected) = Compact(motion: false, radius: 0);
        var inVersion6File = new ModelPayloadExpectations(expected.FirstFrame, expected.FrameCount, expected.SequenceWidth, expected.SequenceHeight, expected.Chroma)
        {
            FileMinReaderVersion = 6,
        };

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(ModelPayloadWriter.Write(model), inVersion6File));

        Assert.Contains("a model_version 7 payload needs a version 7 file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredReaderVersion_CompactPayload_Is7()
    {
        var (model, _) = Compact(motion: false, radius: 0);

        Assert.Equal(7, ModelPayloadFormat.RequiredReaderVersion(ModelPayloadWriter.Write(model)));
    }

    [Fact]
    public void Read_AnyByteOfAVersion7PayloadChanged_IsRejectedAsCorruptOrReads()
    {
        var (model, expected) = Compact(motion: true, radius: 1);
        ModelSamples.ReadWithEveryByteFlipped(ModelPayloadWriter.Write(model), expected);
    }

    [Fact]
    public void Statistics_CompactModel_CountEveryRecordAndTheShorterHeaders()
    {
        var (model, expected) = Compact(motion: true, radius: 2);
        byte[] payload = ModelPayloadWriter.Write(model, out int[] lengths);

        var statistics = ModelPayloadStatistics.FromPayload(payload, expected);

        Assert.Equal(model.Records().Count, statistics.Tensors.Count);
        Assert.Equal(lengths.Sum(), statistics.TotalCodedBytes);
        Assert.Equal(payload.Length - lengths.Sum(), statistics.OverheadBytes);
    }

    [Fact]
    public void Architecture_CompactRecordsWithoutContextModels_IsRefused()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();
        var withoutContexts = model.WithoutContextModels().Architecture;

        var e = Assert.Throws<ArgumentException>(() => withoutContexts.WithCompactRecords(true));

        Assert.Contains("Compact record headers (model_version 7) need latent grids with context models", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutContextModels_CompactModel_IsTheModelVersion2ModelOfTheSameValues()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();

        var plain = model.WithCompactRecords().WithoutContextModels();

        Assert.Equal(2, plain.Architecture.ModelVersion);
        ModelSamples.AssertEqual(model.WithoutContextModels(), plain);
    }

    /// <summary>
    /// <see cref="ModelSamples.FiveLevelContextColor"/> (31 × 31 4:2:0, 3 frames) as model_version 7, with a
    /// pseudo-random motion field of blocks of 16 when <paramref name="motion"/> and an identity-near filter of
    /// <paramref name="radius"/> unless 0.
    /// </summary>
    private static (SegmentModel Model, ModelPayloadExpectations Expected) Compact(bool motion, int radius)
    {
        var (model, expected) = ModelSamples.FiveLevelContextColor();
        model = model.WithCompactRecords();
        if (motion)
        {
            var shape = new MotionField(4, expected.SequenceWidth, expected.SequenceHeight, []);
            var vectors = new Random(7);
            int[][] frames = [.. Enumerable.Range(0, model.FrameCount).Select(_ =>
                Enumerable.Range(0, 2 * shape.BlocksY * shape.BlocksX).Select(_ => vectors.Next(-40, 41)).ToArray())];
            model = model.WithMotion(shape.WithVectors(frames));
        }

        if (radius != 0)
        {
            int columns = OutputFilter.TapCount(radius) + 1;
            var random = new Random(radius);
            model = model.WithFilter(new OutputFilter(radius, 3, [.. Enumerable.Range(0, 3 * columns).Select(_ => random.Next(-300, 301))]), EntropyCoding.Adaptive);
        }

        return (model, expected);
    }

    private static byte[] Varint(uint value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    /// <summary>The payload with the first record's μ varint replaced by <paramref name="multiplier"/>'s bytes.</summary>
    private static byte[] ReplaceFirstMultiplier(byte[] payload, SegmentModel model, byte[] multiplier)
    {
        int first = ModelPayloadFormat.HeaderLength(model.Architecture.Levels, model.Architecture.Grids.Count, 7);
        int old = Varint(model.Records()[0].Multiplier).Length;
        return [.. payload[..first], .. multiplier, .. payload[(first + old)..]];
    }
}
