using System.Buffers.Binary;
using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

/// <summary>model_version 3 payloads (spec §10.1, §10.3, §10.7): context models per grid and context-coded latents.</summary>
public sealed class ContextModelPayloadTests
{
    [Fact]
    public void WriteRead_ContextModel_RoundTrips()
    {
        var (model, expected) = ModelSamples.FiveLevelContextColor();

        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(model), expected);

        ModelSamples.AssertEqual(model, read);
        Assert.Equal(3, read.Architecture.ModelVersion);
        Assert.Equal([3, 8, 1], read.Architecture.Grids.Select(g => g.ContextHidden));
        Assert.All(read.GridLatentsOf(2), t => Assert.Equal(EntropyCoding.Context, t.Coding));
    }

    [Fact]
    public void Write_ContextModel_IsModelVersion3WithFiveByteDescriptors()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();

        byte[] payload = ModelPayloadWriter.Write(model);

        int at = 16 + (7 * 5);
        Assert.Equal(3, BitConverter.ToUInt16(payload, PayloadOffsets.ModelVersion));
        Assert.Equal(3, payload[at]);
        Assert.Equal([0, 1, 1, 0, 3, 2, 3, 2, 0, 8, 3, 2, 2, 0, 1], payload[(at + 1)..(at + 16)]);
        Assert.Equal(model.Tensors.Count, BitConverter.ToUInt16(payload, at + 16));
    }

    [Fact]
    public void TensorLayout_ContextGrid_ListsProjectionContextModelThenOneLatentsRecord()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();

        var grid = model.Architecture.TensorLayout().Where(t => t.Level == 2 && t.Role >= TensorRole.GridProjection).ToList();

        Assert.Equal(
            [
                (TensorRole.GridProjection, 2, 3, 8),
                (TensorRole.ContextWeight, 2, 8, 6),
                (TensorRole.ContextBias, 2, 1, 8),
                (TensorRole.ContextOutputWeight, 2, 2, 8),
                (TensorRole.ContextChannelBias, 2, 3, 2),
                (TensorRole.GridLatents, 2, 2 * 8 * 8, 3),
            ],
            grid);
    }

    [Fact]
    public void GridLatentMatrixOf_Version2AndVersion3_GiveCellsByChannels()
    {
        var (v3, _) = ModelSamples.FiveLevelContextColor();
        var (v2, _) = ModelSamples.FiveLevelGridColor();

        Assert.Same(v3.GridLatentsOf(2)[0].Values, v3.GridLatentMatrixOf(2));
        int[] matrix = v2.GridLatentMatrixOf(2);
        var channels = v2.GridLatentsOf(2);
        Assert.Equal(channels[1].Values[5], matrix[(5 * 3) + 1]);
        Assert.Equal(channels[2].Values[7], matrix[(7 * 3) + 2]);
    }

    [Fact]
    public void Read_ContextModelInVersion2File_IsRejected()
    {
        var (model, expected) = ModelSamples.FiveLevelContextColor();
        var inVersion2File = new ModelPayloadExpectations(expected.FirstFrame, expected.FrameCount, 31, 31, ChromaFormat.Yuv420) { FileMinReaderVersion = 2 };

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(ModelPayloadWriter.Write(model), inVersion2File));

        Assert.Contains("a model_version 3 payload needs a version 3 file", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void Read_ContextHiddenOutside1To32_IsRejected(byte hidden)
    {
        var (payload, offsets, expected) = Payload();
        payload[offsets.GridDescriptor(1) + 4] = hidden;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains($"grid[1].context_hidden at 0x", e.Message, StringComparison.Ordinal);
        Assert.Contains($"is {hidden}; a grid's context model has 1..32 hidden units", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Read_Version3LatentsNotContextCoded_IsRejected(byte coding)
    {
        var (payload, offsets, expected) = Payload();
        payload[offsets.Records[LatentsRecord(2)] + PayloadOffsets.RecordCoding] = coding;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains($"is {coding}; a model_version 3 grid latents record is context-coded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ContextCodingOnAnotherVersion3Record_IsRejected()
    {
        var (payload, offsets, expected) = Payload();
        payload[offsets.Records[0] + PayloadOffsets.RecordCoding] = 2;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains("is 2; only grid latents records are context-coded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Version2RecordWithCoding2_IsRejectedAsBefore()
    {
        var (model, expected) = ModelSamples.FiveLevelGridColor();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        int latents = model.Tensors.ToList().FindIndex(t => t.Role == TensorRole.GridLatents);
        payload[offsets.Records[latents] + PayloadOffsets.RecordCoding] = 2;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains("is 2; it must be 0 (raw) or 1 (adaptive)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TensorRole.ContextWeight)]
    [InlineData(TensorRole.ContextChannelBias)]
    public void Read_ContextParameterMultiplierOtherThanOne_IsRejected(TensorRole role)
    {
        var (payload, offsets, expected) = Payload();
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(offsets.Records[Record(role, 2)] + PayloadOffsets.RecordMultiplier), 2);

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains("context model parameters have multiplier 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(32768, true)]
    [InlineData(-32768, true)]
    [InlineData(32769, false)]
    [InlineData(-32769, false)]
    public void Read_ContextParameter_IsAcceptedOnlyWithin2Pow15(int value, bool accepted)
    {
        // Written at the limit, raw-coded; the stored value is then changed in place (the same LEB128 length).
        var (model, expected) = ModelSamples.FiveLevelContextColor();
        var tensors = model.Tensors.ToArray();
        int index = Record(TensorRole.ContextBias, 2);
        var bias = tensors[index];
        int[] values = (int[])bias.Values.Clone();
        values[0] = value > 0 ? 32768 : -32768;
        tensors[index] = new QuantizedTensor(bias.Role, bias.Level, bias.Rows, bias.Columns, 1, values, EntropyCoding.Raw);
        byte[] payload = ModelPayloadWriter.Write(new SegmentModel(model.FirstFrame, model.FrameCount, model.Architecture, tensors));
        int data = new PayloadOffsets(payload).Records[index] + PayloadOffsets.RecordData;
        uint zigzag = value >= 0 ? 2u * (uint)value : (2u * (uint)-value) - 1;
        payload[data] = (byte)(0x80 | (zigzag & 0x7F));
        payload[data + 1] = (byte)(0x80 | ((zigzag >> 7) & 0x7F));
        payload[data + 2] = (byte)(zigzag >> 14);

        if (accepted)
        {
            Assert.Equal(value, ModelPayloadReader.Read(payload, expected).Tensors[index].Values[0]);
            return;
        }

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));
        Assert.Contains($"value 0 (row 0, column 0) is {value}; context model parameters lie in ±2^15", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ContextParameterOutside2Pow15_IsRefused()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();
        var tensors = model.Tensors.ToArray();
        int index = Record(TensorRole.ContextOutputWeight, 3);
        var w2 = tensors[index];
        int[] values = (int[])w2.Values.Clone();
        values[1] = 40000;
        tensors[index] = new QuantizedTensor(w2.Role, w2.Level, w2.Rows, w2.Columns, 1, values, w2.Coding);

        var e = Assert.Throws<ArgumentException>(() => ModelPayloadWriter.Write(new SegmentModel(model.FirstFrame, model.FrameCount, model.Architecture, tensors)));

        Assert.Contains("context model parameters lie in ±2^15", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ContextCodingOutsideVersion3Latents_IsRefused()
    {
        var (model, _) = ModelSamples.FiveLevelGridColor();
        var tensors = model.Tensors.Select(t => t.Role == TensorRole.GridLatents ? new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 1, t.Values, EntropyCoding.Context) : t).ToArray();

        Assert.Throws<ArgumentException>(() => ModelPayloadWriter.Write(new SegmentModel(model.FirstFrame, model.FrameCount, model.Architecture, tensors)));
    }

    [Fact]
    public void Read_ContextCodedStreamWithAnExtraByte_IsRejected()
    {
        var (payload, offsets, expected) = Payload();

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(GrowRecord(payload, offsets, LatentsRecord(2), [0x00]), expected));

        Assert.Contains("has 1 unused byte(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ContextCodedStreamCutShort_IsRejected()
    {
        var (payload, offsets, expected) = Payload();
        int record = offsets.Records[LatentsRecord(3)];
        int length = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(record + PayloadOffsets.RecordByteLength));
        byte[] cut = [.. payload.AsSpan(0, record + PayloadOffsets.RecordData + length - 1)];
        BinaryPrimitives.WriteInt32LittleEndian(cut.AsSpan(record + PayloadOffsets.RecordByteLength), length - 1);

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(cut, expected));

        Assert.Contains("ends early", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ContextCodedRecordTooShortForItsValues_IsRejectedBeforeDecoding()
    {
        var (payload, offsets, expected) = Payload();
        int record = offsets.Records[LatentsRecord(2)];
        int length = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(record + PayloadOffsets.RecordByteLength));
        byte[] shorter = [.. payload.AsSpan(0, record + PayloadOffsets.RecordData), .. payload.AsSpan(record + PayloadOffsets.RecordData + length)];
        BinaryPrimitives.WriteInt32LittleEndian(shorter.AsSpan(record + PayloadOffsets.RecordByteLength), 0);

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(shorter, expected));

        Assert.Contains("too few for 384 context-coded values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralInvalidGridStreams_ReportsTheFirstInPayloadOrder()
    {
        var (payload, offsets, expected) = Payload();
        int first = LatentsRecord(0);
        byte[] grown = GrowRecord(payload, offsets, LatentsRecord(3), [0x00]);
        grown = GrowRecord(grown, new PayloadOffsets(grown), first, [0x00]);

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(grown, expected));

        Assert.Contains($"#{first + 1} GridLatents[0]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AsmrWriter_FileWithModelVersion_IsThatFormatAndReaderVersion(int modelVersion)
    {
        var (model, _) = modelVersion switch
        {
            1 => ModelSamples.FiveLevelMixedColor(),
            2 => ModelSamples.FiveLevelGridColor(),
            _ => ModelSamples.FiveLevelContextColor(),
        };
        var file = new AsmrFile
        {
            SequenceHeader = new SequenceHeader
            {
                Width = 31,
                Height = 31,
                FrameCount = 6,
                FrameRate = new Rational(25, 1),
                ChromaFormat = ChromaFormat.Yuv420,
                BitDepth = 8,
                Color = ColorDescription.Bt709,
            },
            Segments = [new AsmrSegment(0, 3, ModelPayloadWriter.Write(ModelSamples.FiveLevelMixedColor().Model)), new AsmrSegment(3, 3, ModelPayloadWriter.Write(model))],
        };
        using var stream = new MemoryStream();
        AsmrWriter.Write(stream, file);

        stream.Position = 0;
        using var reader = AsmrReader.Open(stream);

        Assert.Equal(new AsmrFileHeader(modelVersion, modelVersion, 24, 0), reader.Header);
        Assert.Equal(ModelPayloadWriter.Write(model), reader.ReadSegmentModel(1).ToArray());
    }

    [Fact]
    public void Read_AnyByteOfAVersion3PayloadChanged_IsRejectedAsCorruptOrReads()
    {
        var (payload, _, expected) = Payload();
        ModelSamples.ReadWithEveryByteFlipped(payload, expected);
    }

    private static (byte[] Payload, PayloadOffsets Offsets, ModelPayloadExpectations Expected) Payload()
    {
        var (model, expected) = ModelSamples.FiveLevelContextColor();
        byte[] payload = ModelPayloadWriter.Write(model);
        return (payload, new PayloadOffsets(payload), expected);
    }

    private static int Record(TensorRole role, int level) =>
        ModelSamples.FiveLevelContextColor().Model.Architecture.TensorLayout().ToList().FindIndex(t => t.Role == role && t.Level == level);

    private static int LatentsRecord(int level) => Record(TensorRole.GridLatents, level);

    /// <summary>Appends bytes to a record's data and grows its byte_length to match.</summary>
    private static byte[] GrowRecord(byte[] payload, PayloadOffsets offsets, int index, byte[] bytes)
    {
        int record = offsets.Records[index];
        int end = offsets.RecordEnd(payload, index);
        byte[] result = [.. payload.AsSpan(0, end), .. bytes, .. payload.AsSpan(end)];
        int length = BinaryPrimitives.ReadInt32LittleEndian(result.AsSpan(record + PayloadOffsets.RecordByteLength));
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(record + PayloadOffsets.RecordByteLength), length + bytes.Length);
        return result;
    }
}
