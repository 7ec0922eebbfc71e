using System.Buffers.Binary;
using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

public sealed class ModelPayloadReaderTests
{
    private const long BaseOffset = 0x1000;

    [Fact]
    public void Read_EveryTruncation_ThrowsInvalidData()
    {
        var (model, expected) = ModelSamples.FiveLevelMixedColor();
        byte[] payload = ModelPayloadWriter.Write(model);

        for (int length = 0; length < payload.Length; length++)
        {
            byte[] truncated = payload[..length];
            Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(truncated, expected, BaseOffset));
        }
    }

    [Fact]
    public void Read_TruncatedHeader_NamesFieldAndAbsoluteOffset()
    {
        var (model, expected) = ModelSamples.TwoLevelLinearMono();
        byte[] payload = ModelPayloadWriter.Write(model)[..8];

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected, BaseOffset));

        Assert.Contains("frame_count", e.Message, StringComparison.Ordinal);
        Assert.Contains("0x1006", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TrailingByte_Throws()
    {
        var (model, expected) = ModelSamples.TwoLevelTableColor();
        byte[] payload = [.. ModelPayloadWriter.Write(model), 0];

        AssertRejected(payload, expected, "end of payload", payload.Length - 1);
    }

    [Theory]
    [InlineData(PayloadOffsets.ModelVersion, 8, "unsupported model version")]
    [InlineData(PayloadOffsets.FirstFrame, 11, "first_frame")]
    [InlineData(PayloadOffsets.FrameCount, 1, "frame_count")]
    [InlineData(PayloadOffsets.LevelCount, 1, "level_count")]
    [InlineData(PayloadOffsets.LevelCount, 17, "level_count")]
    [InlineData(PayloadOffsets.OutputChannels, 3, "output_channels")]
    [InlineData(PayloadOffsets.Width, 0, "width")]
    [InlineData(PayloadOffsets.Width, 1025, "width")]
    [InlineData(PayloadOffsets.Reserved, 1, "reserved")]
    public void Read_BadHeaderField_ThrowsNamingField(int offset, int value, string field)
    {
        var (model, expected) = ModelSamples.TwoLevelLinearMono();
        byte[] payload = ModelPayloadWriter.Write(model);
        Patch(payload, offset, value, offset is PayloadOffsets.LevelCount or PayloadOffsets.OutputChannels ? 1 : offset is PayloadOffsets.FirstFrame or PayloadOffsets.FrameCount ? 4 : 2);

        AssertRejected(payload, expected, field, offset);
    }

    [Fact]
    public void Read_ZeroBase_Throws()
    {
        var (model, expected) = ModelSamples.TwoLevelLinearMono();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        Patch(payload, offsets.Base(Axis.Y, 1), 0, 2);

        AssertRejected(payload, expected, "bases[y][1]", offsets.Base(Axis.Y, 1));
    }

    [Fact]
    public void Read_UnknownModulationKind_Throws()
    {
        var (model, expected) = ModelSamples.TwoLevelLinearMono();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        payload[offsets.ModulationKind(1)] = 2;

        AssertRejected(payload, expected, "modulation_kind[1]", offsets.ModulationKind(1));
    }

    [Fact]
    public void Read_ModulationKindChanged_FailsOnTensorShape()
    {
        // Linear → table makes level 1's modulation β_1 × H = 8 × 4 instead of H × 3 = 4 × 3.
        var (model, expected) = ModelSamples.TwoLevelLinearMono();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        payload[offsets.ModulationKind(1)] = 1;

        AssertRejected(payload, expected, "rows", offsets.Records[1] + PayloadOffsets.RecordRows);
    }

    [Fact]
    public void Read_WrongTensorCount_Throws()
    {
        var (model, expected) = ModelSamples.FiveLevelMixedColor();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        Patch(payload, offsets.TensorCount, model.Tensors.Count + 1, 2);

        AssertRejected(payload, expected, "tensor_count", offsets.TensorCount);
    }

    [Theory]
    [InlineData(PayloadOffsets.RecordRole, 3, 1, "role")]
    [InlineData(PayloadOffsets.RecordLevel, 1, 1, "level")]
    [InlineData(PayloadOffsets.RecordRows, 5, 4, "rows")]
    [InlineData(PayloadOffsets.RecordColumns, 2, 4, "columns")]
    [InlineData(PayloadOffsets.RecordMultiplier, 0, 4, "multiplier")]
    [InlineData(PayloadOffsets.RecordCoding, 2, 1, "coding")]
    [InlineData(PayloadOffsets.RecordByteLength, 100000, 4, "byte_length")]
    public void Read_BadRecordField_ThrowsNamingFieldAndTensor(int field, int value, int size, string name)
    {
        var (model, expected) = ModelSamples.FiveLevelMixedColor();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        int record = offsets.Records[5]; // the level-0 bias
        Patch(payload, record + field, value, size);

        var e = AssertRejected(payload, expected, name, record + field);
        Assert.Contains("Bias[0]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoRecordsSwapped_ThrowsOnRole()
    {
        var (model, expected) = ModelSamples.TwoLevelTableColor();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        int a = offsets.Records[2];
        int b = offsets.Records[3];
        int end = offsets.Records[4];
        byte[] swapped = [.. payload[..a], .. payload[b..end], .. payload[a..b], .. payload[end..]];

        AssertRejected(swapped, expected, "role", a);
    }

    [Fact]
    public void Read_RecordCodingFlipped_ThrowsInvalidData()
    {
        var (model, expected) = ModelSamples.TwoLevelLinearMono(EntropyCoding.Adaptive);
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        payload[offsets.Records[0] + PayloadOffsets.RecordCoding] = 0;

        Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected, BaseOffset));
    }

    [Fact]
    public void Read_CorruptAdaptiveFirstByte_NamesTensorAndAbsoluteOffset()
    {
        var (model, expected) = ModelSamples.TwoLevelLinearMono(EntropyCoding.Adaptive);
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        int data = offsets.Records[3] + PayloadOffsets.RecordData;
        payload[data] = 0x80;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected, BaseOffset));

        Assert.Contains("Weight", e.Message, StringComparison.Ordinal);
        Assert.Contains(FormatErrors.Hex(BaseOffset + data), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OutputWeightTimesMultiplierReaches2Pow31_Throws()
    {
        var (model, expected) = ModelSamples.TwoLevelLinearMono();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        int record = offsets.Records[^2];
        Assert.Equal((byte)TensorRole.OutputWeight, payload[record]);
        Patch(payload, record + PayloadOffsets.RecordMultiplier, 1 << 16, 4); // 40000 · 2^16 ≥ 2^31

        AssertRejected(payload, expected, "2^31", record + PayloadOffsets.RecordData);
    }

    [Fact]
    public void Read_OutputBiasTimesMultiplierReaches2Pow31_Throws()
    {
        var (model, expected) = ModelSamples.TwoLevelTableColor();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        int record = offsets.Records[^1];
        Assert.Equal((byte)TensorRole.OutputBias, payload[record]);
        Patch(payload, record + PayloadOffsets.RecordMultiplier, unchecked((int)uint.MaxValue), 4);

        AssertRejected(payload, expected, "2^31", record + PayloadOffsets.RecordData);
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv444, true)]
    [InlineData(ChromaFormat.Yuv422, true)]
    [InlineData(ChromaFormat.Yuv420, false)] // height 3 rounds up to 4 rows > N_y = 3
    public void Read_GridRowsAgainstChromaRounding_AcceptsOnlyWhenNyCoversRoundedHeight(ChromaFormat chroma, bool accepted)
    {
        var architecture = new ModelArchitecture([[1, 1], [1, 3], [2, 2]], 2, 3, [ModulationKind.Linear, ModulationKind.Linear]);
        var model = ModelSamples.Build(architecture, 0, 1, 5, _ => EntropyCoding.Adaptive);
        byte[] payload = ModelPayloadWriter.Write(model);
        var expected = new ModelPayloadExpectations(0, 1, 4, 3, chroma);

        if (accepted)
        {
            ModelSamples.AssertEqual(model, ModelPayloadReader.Read(payload, expected));
        }
        else
        {
            AssertRejected(payload, expected, "N_y = 3", 16);
        }
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv444, true)]
    [InlineData(ChromaFormat.Yuv422, false)] // width 5 rounds up to 6 columns > N_x = 5
    [InlineData(ChromaFormat.Yuv420, false)]
    public void Read_GridColumnsAgainstChromaRounding_AcceptsOnlyWhenNxCoversRoundedWidth(ChromaFormat chroma, bool accepted)
    {
        var architecture = new ModelArchitecture([[1, 1], [2, 2], [5, 1]], 2, 3, [ModulationKind.Linear, ModulationKind.Table]);
        var model = ModelSamples.Build(architecture, 0, 1, 6, _ => EntropyCoding.Raw);
        byte[] payload = ModelPayloadWriter.Write(model);
        var expected = new ModelPayloadExpectations(0, 1, 5, 4, chroma);

        if (accepted)
        {
            ModelSamples.AssertEqual(model, ModelPayloadReader.Read(payload, expected));
        }
        else
        {
            AssertRejected(payload, expected, "N_x = 5", 16);
        }
    }

    [Fact]
    public void Read_SequenceTallerThanGrid_Throws()
    {
        var (model, _) = ModelSamples.TwoLevelLinearMono();
        byte[] payload = ModelPayloadWriter.Write(model);

        AssertRejected(payload, new ModelPayloadExpectations(10, 2, 4, 5, ChromaFormat.Mono400), "N_y = 4", 16);
    }

    [Fact]
    public void Read_FrameCountAboveTimeGrid_Throws()
    {
        var (model, _) = ModelSamples.TwoLevelLinearMono(); // N_t = 2
        byte[] payload = ModelPayloadWriter.Write(model);
        Patch(payload, PayloadOffsets.FrameCount, 3, 4);

        AssertRejected(payload, new ModelPayloadExpectations(10, 3, 4, 4, ChromaFormat.Mono400), "N_t = 2", 16);
    }

    [Fact]
    public void Read_LocalGridAbove2Pow24_Throws()
    {
        var (model, expected) = ModelSamples.TwoLevelLinearMono();
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        Patch(payload, offsets.Base(Axis.T, 0), 65535, 2);
        Patch(payload, offsets.Base(Axis.Y, 0), 65535, 2);

        AssertRejected(payload, expected, "2^24", 16);
    }

    [Fact]
    public void Read_GridAbove2Pow40Cells_Throws()
    {
        var (model, expected) = ModelSamples.FiveLevelMixedColor(); // N_y = N_x = 32
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        Patch(payload, offsets.Base(Axis.T, 0), 65535, 2);
        Patch(payload, offsets.Base(Axis.T, 1), 65535, 2); // N_t ≈ 2^33, times 2^10 > 2^40

        AssertRejected(payload, expected, "above 2^40", 16);
    }

    [Fact]
    public void Read_AxisGridAboveIntRange_ThrowsImplementationLimit()
    {
        var (model, expected) = ModelSamples.TwoLevelLinearMono(); // N_y = N_x = 4
        byte[] payload = ModelPayloadWriter.Write(model);
        var offsets = new PayloadOffsets(payload);
        Patch(payload, offsets.Base(Axis.T, 0), 65535, 2);
        Patch(payload, offsets.Base(Axis.T, 1), 65535, 2); // N_t ≈ 2^32: within 2^40 cells, above 2^31 − 1

        AssertRejected(payload, expected, "2^31 − 1", 16);
    }

    [Fact]
    public void Read_TensorAbove2Pow26Values_ThrowsBeforeReadingRecords()
    {
        // Table modulation at level 0 with β_0 = 2^17 and H = 1024: 2^27 values. The payload stops after the header.
        int levels = 2;
        byte[] header = new byte[ModelPayloadFormat.HeaderLength(levels)];
        Patch(header, PayloadOffsets.ModelVersion, 1, 2);
        Patch(header, PayloadOffsets.FirstFrame, 0, 4);
        Patch(header, PayloadOffsets.FrameCount, 1, 4);
        header[PayloadOffsets.LevelCount] = (byte)levels;
        header[PayloadOffsets.OutputChannels] = 1;
        Patch(header, PayloadOffsets.Width, 1024, 2);
        int[] bases = [64, 1, 64, 1, 32, 1]; // t, y, x for levels 0 and 1
        for (int i = 0; i < bases.Length; i++)
        {
            Patch(header, 16 + (2 * i), bases[i], 2);
        }

        header[16 + (6 * levels)] = 1;
        Patch(header, 16 + (7 * levels), 5, 2);

        AssertRejected(header, new ModelPayloadExpectations(0, 1, 32, 64, ChromaFormat.Mono400), "2^26", 0);
    }

    [Fact]
    public void Read_ValidPayload_ReportsCodedLengths()
    {
        var (model, expected) = ModelSamples.FiveLevelMixedColor();
        byte[] payload = ModelPayloadWriter.Write(model, out int[] written);

        ModelPayloadReader.Read(payload, expected, 0, out int[] read);

        Assert.Equal(written, read);
    }

    private static InvalidDataException AssertRejected(byte[] payload, ModelPayloadExpectations expected, string fragment, int position)
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected, BaseOffset));
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.Contains(FormatErrors.Hex(BaseOffset + position), e.Message, StringComparison.Ordinal);
        return e;
    }

    private static void Patch(byte[] payload, int offset, int value, int size)
    {
        switch (size)
        {
            case 1:
                payload[offset] = (byte)value;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(offset), (ushort)value);
                break;
            default:
                BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(offset), value);
                break;
        }
    }
}
