using System.Buffers.Binary;
using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

/// <summary>
/// model_version 5 payloads (spec §10.1, §11.4): six-byte grid descriptors whose placement byte says whether a grid
/// enters its own level or the next one interpolated, and a motion_block_log2 byte that may be 0 (no motion field).
/// </summary>
public sealed class InterpolatedGridPayloadTests
{
    [Fact]
    public void WriteRead_InterpolatedGrid_RoundTripsAsModelVersion5()
    {
        var (model, expected) = Interpolated();

        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(model), expected);

        ModelSamples.AssertEqual(model, read);
        Assert.Equal(5, read.Architecture.ModelVersion);
        Assert.Equal([true, false, false], read.Architecture.Grids.Select(g => g.Interpolated));
        Assert.Equal(0, read.Architecture.MotionBlockLog2);
        Assert.Null(read.Motion);
    }

    [Fact]
    public void Write_InterpolatedGrid_HasSixByteDescriptorsAndAZeroMotionByte()
    {
        var (model, _) = Interpolated();

        byte[] payload = ModelPayloadWriter.Write(model);

        var at = new PayloadOffsets(payload);
        Assert.Equal(5, at.Version);
        Assert.Equal(3, payload[at.GridCount]);
        Assert.Equal([0, 1, 1, 0, 3, 1, 2, 3, 2, 0, 8, 0, 3, 2, 2, 0, 1, 0], payload[at.GridDescriptor(0)..at.GridDescriptor(3)]);
        Assert.Equal(0, payload[at.MotionBlockLog2]);
        Assert.Equal(at.GridDescriptor(3), at.MotionBlockLog2);
        Assert.Equal(model.Tensors.Count, BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(at.TensorCount)));
    }

    [Fact]
    public void WriteRead_InterpolatedGridWithMotion_RoundTripsTheVectors()
    {
        var (model, expected) = Interpolated();
        var shape = new MotionField(4, expected.SequenceWidth, expected.SequenceHeight, []);
        var random = new Random(7);
        int[][] frames = [.. Enumerable.Range(0, model.FrameCount).Select(_ =>
            Enumerable.Range(0, 2 * shape.BlocksY * shape.BlocksX).Select(_ => random.Next(-1024, 1025)).ToArray())];
        model = model.WithMotion(shape.WithVectors(frames));

        byte[] payload = ModelPayloadWriter.Write(model);
        var read = ModelPayloadReader.Read(payload, expected);

        Assert.Equal(5, read.Architecture.ModelVersion);
        Assert.Equal(4, payload[new PayloadOffsets(payload).MotionBlockLog2]);
        Assert.Equal(4, read.Architecture.MotionBlockLog2);
        Assert.Equal(frames[2], read.Motion!.Frame(2).ToArray());
    }

    [Theory]
    [InlineData(0, 2, "it must be 0 (the grid's level) or 1")]
    [InlineData(2, 1, "1 only for a grid below level L − 2 = 3")] // the grid on level 3 = L − 2 has no shared level below
    [InlineData(0, 0, "a model_version 5 payload interpolates at least one grid")]
    public void Read_PlacementOutOfItsRules_IsRejected(int grid, byte placement, string message)
    {
        var (model, expected) = Interpolated();
        byte[] payload = ModelPayloadWriter.Write(model);
        payload[new PayloadOffsets(payload).GridDescriptor(grid) + 5] = placement;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Read_Version5MotionByteNeither0Nor3To6_IsRejected(byte blockLog2)
    {
        var (model, expected) = Interpolated();
        byte[] payload = ModelPayloadWriter.Write(model);
        payload[new PayloadOffsets(payload).MotionBlockLog2] = blockLog2;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains("or 0 for none", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Version5PayloadInVersion4File_IsRejected()
    {
        var (model, expected) = Interpolated();

        var inVersion4File = new ModelPayloadExpectations(expected.FirstFrame, expected.FrameCount, 31, 31, ChromaFormat.Yuv420) { FileMinReaderVersion = 4 };

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(ModelPayloadWriter.Write(model), inVersion4File));

        Assert.Contains("a model_version 5 payload needs a version 5 file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Architecture_InterpolatingTheFinestSharedLevelsGrid_IsRefused()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();

        var e = Assert.Throws<ArgumentException>(() => model.Architecture.WithInterpolatedGrids([false, false, true]));

        Assert.Contains("must be a shared level (at most 3)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnyByteOfAVersion5PayloadChanged_IsRejectedAsCorruptOrReads()
    {
        var (model, expected) = Interpolated();
        byte[] payload = ModelPayloadWriter.Write(model);
        ModelSamples.ReadWithEveryByteFlipped(payload, expected);
    }

    /// <summary>The five-level context-coded sample with its level-0 grid interpolated onto level 1.</summary>
    private static (SegmentModel Model, ModelPayloadExpectations Expected) Interpolated()
    {
        var (model, expected) = ModelSamples.FiveLevelContextColor();
        return (model.WithInterpolatedGrids([true, false, false]), expected);
    }
}
