using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

public sealed class ModelPayloadRoundTripTests
{
    /// <summary>
    /// The golden payload: header (version 1, first_frame 7, frame_count 1, L 2, O 1, H 2, bases, kinds, 5 tensors),
    /// then five records. The first record's data starts like the §10.5 worked example.
    /// </summary>
    private const string GoldenHex =
        "01000700000001000000020102000000010001000100020002000100000105000100020000000300000000001000010A" +
        "000000006DCAF3FD4F0E6E4000010102000000020000000000010000090000000201C801FFFFFFFF0F02000100000002" +
        "00000000000001010600000000BDE198000004000100000002000000001000000004000000D00FCF0F05000100000001" +
        "00000001000000010B00000000BFFFF7FF388C80000000";

    public static TheoryData<string> Samples => new() { "2-linear-mono", "2-table-color", "5-mixed-color", "5-table-mono", "5-grid-color" };

    [Fact]
    public void Write_GridModel_IsModelVersion2WithItsDescriptorsBeforeTensorCount()
    {
        var (model, _) = ModelSamples.FiveLevelGridColor();

        byte[] payload = ModelPayloadWriter.Write(model);

        int at = 16 + (7 * 5);
        Assert.Equal(2, BitConverter.ToUInt16(payload, PayloadOffsets.ModelVersion));
        Assert.Equal(3, payload[at]);
        Assert.Equal([0, 1, 1, 0, 2, 3, 2, 0, 3, 2, 2, 0], payload[(at + 1)..(at + 13)]);
        Assert.Equal(model.Tensors.Count, BitConverter.ToUInt16(payload, at + 13));
    }

    [Fact]
    public void Read_GridModelInAVersion1File_IsRejected()
    {
        var (model, expected) = ModelSamples.FiveLevelGridColor();
        byte[] payload = ModelPayloadWriter.Write(model);
        var inVersion1File = new ModelPayloadExpectations(expected.FirstFrame, expected.FrameCount, 31, 31, ChromaFormat.Yuv420) { FileMinReaderVersion = 1 };

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, inVersion1File));

        Assert.Contains("needs a version 2 file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_GridLatentsWithMultiplierOtherThanOne_IsRefused()
    {
        var (model, _) = ModelSamples.FiveLevelGridColor();
        var tensors = model.Tensors.Select(t => t.Role == TensorRole.GridLatents ? new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 2, t.Values) : t).ToArray();

        Assert.Throws<ArgumentException>(() => ModelPayloadWriter.Write(new SegmentModel(3, 3, model.Architecture, tensors)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void WriteRead_SampleModels_RoundTrip(string name)
    {
        var (model, expected) = Sample(name);

        byte[] payload = ModelPayloadWriter.Write(model);
        var read = ModelPayloadReader.Read(payload, expected);

        ModelSamples.AssertEqual(model, read);
    }

    [Theory]
    [InlineData(EntropyCoding.Raw)]
    [InlineData(EntropyCoding.Adaptive)]
    public void WriteRead_EveryTensorInOneCoding_RoundTrips(EntropyCoding coding)
    {
        foreach (var (model, expected) in new[] { ModelSamples.TwoLevelLinearMono(coding), ModelSamples.TwoLevelTableColor(coding), ModelSamples.FiveLevelTableMono(coding) })
        {
            var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(model), expected);

            ModelSamples.AssertEqual(model, read);
            Assert.All(read.Tensors, t => Assert.Equal(coding, t.Coding));
        }
    }

    [Fact]
    public void Write_Payload_HasHeaderFieldsWhereSpecSays()
    {
        var (model, _) = ModelSamples.FiveLevelMixedColor();

        byte[] payload = ModelPayloadWriter.Write(model, out int[] lengths);
        var offsets = new PayloadOffsets(payload);

        Assert.Equal(1, BitConverter.ToUInt16(payload, PayloadOffsets.ModelVersion));
        Assert.Equal(3u, BitConverter.ToUInt32(payload, PayloadOffsets.FirstFrame));
        Assert.Equal(3u, BitConverter.ToUInt32(payload, PayloadOffsets.FrameCount));
        Assert.Equal(5, payload[PayloadOffsets.LevelCount]);
        Assert.Equal(3, payload[PayloadOffsets.OutputChannels]);
        Assert.Equal(8, BitConverter.ToUInt16(payload, PayloadOffsets.Width));
        Assert.Equal(2, BitConverter.ToUInt16(payload, offsets.Base(Axis.T, 4)));
        Assert.Equal(1, payload[offsets.ModulationKind(1)]);
        Assert.Equal(model.Tensors.Count, BitConverter.ToUInt16(payload, offsets.TensorCount));
        Assert.Equal(model.Tensors.Count, offsets.Records.Count);
        Assert.Equal(payload.Length, offsets.RecordEnd(payload, offsets.Records.Count - 1));
        for (int i = 0; i < lengths.Length; i++)
        {
            Assert.Equal((byte)model.Tensors[i].Role, payload[offsets.Records[i] + PayloadOffsets.RecordRole]);
            Assert.Equal(lengths[i], BitConverter.ToInt32(payload, offsets.Records[i] + PayloadOffsets.RecordByteLength));
        }
    }

    /// <summary>Pins the format: any change to the layout or to either coding changes these bytes.</summary>
    [Fact]
    public void Write_GoldenModel_GivesPinnedBytes()
    {
        var (model, expected) = ModelSamples.Golden();

        byte[] payload = ModelPayloadWriter.Write(model);

        Assert.Equal(GoldenHex, Convert.ToHexString(payload));
        ModelSamples.AssertEqual(model, ModelPayloadReader.Read(payload, expected));
    }

    [Fact]
    public void Write_OutputWeightOverflowing2Pow31_ThrowsArgumentException()
    {
        var (model, _) = ModelSamples.TwoLevelLinearMono();
        var tensors = model.Tensors.ToArray();
        var ow = model.OutputWeight;
        int index = Array.IndexOf(tensors, ow);
        int[] values = (int[])ow.Values.Clone();
        values[1] = 1 << 19; // × μ 2^12 = 2^31
        tensors[index] = new QuantizedTensor(ow.Role, ow.Level, ow.Rows, ow.Columns, ow.Multiplier, values, ow.Coding);

        var e = Assert.Throws<ArgumentException>(() => ModelPayloadWriter.Write(new SegmentModel(model.FirstFrame, model.FrameCount, model.Architecture, tensors)));

        Assert.Contains("2^31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MinValueInAdaptiveTensor_ThrowsArgumentException()
    {
        var (model, _) = ModelSamples.TwoLevelLinearMono();
        var tensors = model.Tensors.ToArray();
        var bias = tensors[2];
        int[] values = (int[])bias.Values.Clone();
        values[0] = int.MinValue;
        tensors[2] = new QuantizedTensor(bias.Role, bias.Level, bias.Rows, bias.Columns, bias.Multiplier, values, EntropyCoding.Adaptive);

        Assert.Throws<ArgumentException>(() => ModelPayloadWriter.Write(new SegmentModel(model.FirstFrame, model.FrameCount, model.Architecture, tensors)));
    }

    private static (SegmentModel, ModelPayloadExpectations) Sample(string name) => name switch
    {
        "2-linear-mono" => ModelSamples.TwoLevelLinearMono(),
        "2-table-color" => ModelSamples.TwoLevelTableColor(),
        "5-mixed-color" => ModelSamples.FiveLevelMixedColor(),
        "5-table-mono" => ModelSamples.FiveLevelTableMono(),
        "5-grid-color" => ModelSamples.FiveLevelGridColor(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
