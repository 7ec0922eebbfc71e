using System.Buffers.Binary;
using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

/// <summary>model_version 4 payloads (spec §10.1, §10.8): a model_version 3 model and a motion vectors record.</summary>
public sealed class MotionPayloadTests
{
    [Theory]
    [InlineData(EntropyCoding.Adaptive)]
    [InlineData(EntropyCoding.Raw)]
    public void WriteRead_MotionModel_RoundTripsTheVectors(EntropyCoding coding)
    {
        var (model, expected) = WithMotion(blockLog2: 3, coding);

        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(model), expected);

        ModelSamples.AssertEqual(model, read);
        Assert.Equal(4, read.Architecture.ModelVersion);
        Assert.Equal(3, read.Architecture.MotionBlockLog2);
        Assert.Equal(coding, read.MotionCoding);
        for (int f = 0; f < model.FrameCount; f++)
        {
            Assert.Equal(model.Motion!.Frame(f).ToArray(), read.Motion!.Frame(f).ToArray());
        }
    }

    [Fact]
    public void Write_MotionModel_StoresBlockLog2BeforeTensorCountAndDifferencesLast()
    {
        var (model, _) = WithMotion(blockLog2: 4, EntropyCoding.Raw);

        byte[] payload = ModelPayloadWriter.Write(model);

        var at = new PayloadOffsets(payload);
        Assert.Equal(4, at.Version);
        Assert.Equal(4, payload[at.MotionBlockLog2]);
        Assert.Equal(model.Tensors.Count + 1, BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(at.TensorCount)));
        int last = at.Records[^1];
        Assert.Equal((byte)TensorRole.MotionVectors, payload[last + PayloadOffsets.RecordRole]);
        Assert.Equal(0, payload[last + PayloadOffsets.RecordLevel]);

        // 31 × 31 in blocks of 16: 2 × 2 blocks, 3 frames; columns y, x.
        Assert.Equal(3u * 2 * 2, BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(last + PayloadOffsets.RecordRows)));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(last + PayloadOffsets.RecordColumns)));
        var record = model.MotionRecord()!;
        int perFrame = 2 * 2 * 2;
        for (int i = 0; i < record.Values.Length; i++)
        {
            int f = i / perFrame;
            int previous = f == 0 ? 0 : model.Motion!.Frame(f - 1)[i % perFrame];
            Assert.Equal(model.Motion!.Frame(f)[i % perFrame] - previous, record.Values[i]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(255)]
    public void Read_MotionBlockLog2Outside3To6_IsRejected(byte blockLog2)
    {
        var (model, expected) = WithMotion(blockLog2: 3, EntropyCoding.Adaptive);
        byte[] payload = ModelPayloadWriter.Write(model);
        payload[new PayloadOffsets(payload).MotionBlockLog2] = blockLog2;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains($"motion_block_log2 at 0x", e.Message, StringComparison.Ordinal);
        Assert.Contains($"is {blockLog2}; motion blocks are 2^3..2^6 luma samples square", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VectorSummingBeyond1024_IsRejected()
    {
        // Frame 0 holds 1000 at block 0's y; frame 1 adds 25 to it: 1025 quarter samples.
        var (model, expected) = WithMotion(blockLog2: 3, EntropyCoding.Raw);
        var record = model.MotionRecord()!;
        int[] values = (int[])record.Values.Clone();
        values[0] = 1000;
        values[2 * 16] = 25; // 31 × 31 in blocks of 8: 16 blocks per frame
        byte[] payload = WithMotionRecordValues(model, values);

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains("frame 1, block row 0, column 0: the y component is 1025 quarter samples; vectors lie within ±1024", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VectorOfExactly1024_IsAccepted()
    {
        var (model, expected) = WithMotion(blockLog2: 3, EntropyCoding.Raw);
        int[] values = (int[])model.MotionRecord()!.Values.Clone();
        Array.Clear(values);
        values[1] = -1024;

        var read = ModelPayloadReader.Read(WithMotionRecordValues(model, values), expected);

        Assert.Equal(-1024, read.Motion!.Frame(2)[1]);
    }

    [Theory]
    [InlineData(PayloadOffsets.RecordMultiplier, 2, "the motion vectors record has multiplier 1")]
    [InlineData(PayloadOffsets.RecordCoding, 2, "is 2; only grid latents records are context-coded")]
    [InlineData(PayloadOffsets.RecordRole, 7, "must be 12 (MotionVectors)")]
    [InlineData(PayloadOffsets.RecordLevel, 1, "must be level 0")]
    [InlineData(PayloadOffsets.RecordRows, 13, "is 13 but the architecture needs 48")]
    public void Read_MotionRecordHeaderWrong_IsRejected(int field, byte value, string message)
    {
        var (model, expected) = WithMotion(blockLog2: 3, EntropyCoding.Adaptive);
        byte[] payload = ModelPayloadWriter.Write(model);
        payload[new PayloadOffsets(payload).Records[^1] + field] = value;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MotionModelInVersion3File_IsRejected()
    {
        var (model, expected) = WithMotion(blockLog2: 5, EntropyCoding.Adaptive);
        var inVersion3File = new ModelPayloadExpectations(expected.FirstFrame, expected.FrameCount, expected.SequenceWidth, expected.SequenceHeight, expected.Chroma)
        {
            FileMinReaderVersion = 3,
        };

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(ModelPayloadWriter.Write(model), inVersion3File));

        Assert.Contains("a model_version 4 payload needs a version 4 file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredReaderVersion_MotionPayload_Is4()
    {
        var (model, _) = WithMotion(blockLog2: 6, EntropyCoding.Adaptive);

        Assert.Equal(4, ModelPayloadFormat.RequiredReaderVersion(ModelPayloadWriter.Write(model)));
    }

    [Fact]
    public void Architecture_MotionWithoutContextModels_IsRefused()
    {
        var (grid, _) = ModelSamples.FiveLevelGridColor();

        var e = Assert.Throws<ArgumentException>(() => grid.Architecture.WithMotion(4));

        Assert.Contains("needs latent grids with context models", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_MotionModel_CountTheVectorsRecord()
    {
        var (model, expected) = WithMotion(blockLog2: 3, EntropyCoding.Adaptive);
        byte[] payload = ModelPayloadWriter.Write(model);

        var statistics = ModelPayloadStatistics.FromPayload(payload, expected);

        Assert.Equal(model.Tensors.Count + 1, statistics.Tensors.Count);
        Assert.Equal(TensorRole.MotionVectors, statistics.Tensors[^1].Role);
        Assert.Equal(payload.Length, statistics.PayloadBytes);
    }

    /// <summary><see cref="ModelSamples.FiveLevelContextColor"/> (31 × 31, 3 frames) with a pseudo-random motion field.</summary>
    private static (SegmentModel Model, ModelPayloadExpectations Expected) WithMotion(int blockLog2, EntropyCoding coding)
    {
        var (model, expected) = ModelSamples.FiveLevelContextColor();
        var shape = new MotionField(blockLog2, expected.SequenceWidth, expected.SequenceHeight, []);
        var random = new Random(blockLog2);
        int[][] frames = [.. Enumerable.Range(0, model.FrameCount).Select(_ =>
            Enumerable.Range(0, 2 * shape.BlocksY * shape.BlocksX).Select(_ => random.Next(-1024, 1025)).ToArray())];
        return (model.WithMotion(shape.WithVectors(frames), coding), expected);
    }

    /// <summary>The model's payload with its motion record raw-coded holding <paramref name="values"/> (no check of the sums).</summary>
    private static byte[] WithMotionRecordValues(SegmentModel model, int[] values)
    {
        byte[] payload = ModelPayloadWriter.Write(model);
        var at = new PayloadOffsets(payload);
        byte[] data = Asmr.Container.Entropy.RawIntegerCoder.Encode(values);
        int last = at.Records[^1];
        byte[] result = [.. payload[..(last + PayloadOffsets.RecordData)], .. data];
        result[last + PayloadOffsets.RecordCoding] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(last + PayloadOffsets.RecordByteLength), (uint)data.Length);
        return result;
    }
}
