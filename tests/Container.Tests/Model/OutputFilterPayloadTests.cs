using System.Buffers.Binary;
using Asmr.Container.Entropy;
using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

/// <summary>
/// model_version 6 payloads (spec §10.1, §10.9): a model_version 5 layout with a filter_radius byte after
/// motion_block_log2 and the output filter's record after every other record.
/// </summary>
public sealed class OutputFilterPayloadTests
{
    [Theory]
    [InlineData(1, EntropyCoding.Adaptive, false)]
    [InlineData(2, EntropyCoding.Raw, false)]
    [InlineData(3, EntropyCoding.Adaptive, true)]
    [InlineData(1, EntropyCoding.Raw, true)]
    public void WriteRead_FilterModel_RoundTripsTheFilter(int radius, EntropyCoding coding, bool motion)
    {
        var (model, expected) = WithFilter(radius, coding, motion);

        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(model), expected);

        ModelSamples.AssertEqual(model, read);
        Assert.Equal(6, read.Architecture.ModelVersion);
        Assert.Equal(radius, read.Architecture.FilterRadius);
        Assert.Equal(radius, read.Filter!.Radius);
        Assert.Equal(3, read.Filter.Planes);
        Assert.Equal(model.Filter!.Values(), read.Filter.Values());
        Assert.Equal(coding, read.FilterCoding);
        Assert.Equal(motion ? 4 : 0, read.Architecture.MotionBlockLog2);
        if (motion)
        {
            for (int f = 0; f < model.FrameCount; f++)
            {
                Assert.Equal(model.Motion!.Frame(f).ToArray(), read.Motion!.Frame(f).ToArray());
            }
        }
        else
        {
            Assert.Null(read.Motion);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_FilterModel_StoresRadiusBeforeTensorCountAndTheFilterRecordLast(bool motion)
    {
        var (model, _) = WithFilter(radius: 2, EntropyCoding.Raw, motion);

        byte[] payload = ModelPayloadWriter.Write(model);

        var at = new PayloadOffsets(payload);
        Assert.Equal(6, at.Version);
        Assert.Equal(6, BinaryPrimitives.ReadUInt16LittleEndian(payload));

        // Six-byte descriptors, then motion_block_log2, filter_radius and tensor_count.
        Assert.Equal(at.GridDescriptor(3), at.MotionBlockLog2);
        Assert.Equal(at.MotionBlockLog2 + 1, at.FilterRadius);
        Assert.Equal(at.FilterRadius + 1, at.TensorCount);
        Assert.Equal(motion ? 4 : 0, payload[at.MotionBlockLog2]);
        Assert.Equal(2, payload[at.FilterRadius]);
        int records = model.Tensors.Count + (motion ? 1 : 0) + 1;
        Assert.Equal(records, BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(at.TensorCount)));
        Assert.Equal(records, at.Records.Count);

        if (motion)
        {
            Assert.Equal((byte)TensorRole.MotionVectors, payload[at.Records[^2] + PayloadOffsets.RecordRole]);
        }

        int last = at.Records[^1];
        Assert.Equal(payload.Length, at.RecordEnd(payload, at.Records.Count - 1));
        Assert.Equal(13, payload[last + PayloadOffsets.RecordRole]);
        Assert.Equal(0, payload[last + PayloadOffsets.RecordLevel]);
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(last + PayloadOffsets.RecordRows)));
        Assert.Equal(13u + 1, BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(last + PayloadOffsets.RecordColumns)));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(last + PayloadOffsets.RecordMultiplier)));
        Assert.Equal((byte)EntropyCoding.Raw, payload[last + PayloadOffsets.RecordCoding]);

        // The record holds, plane by plane, the taps and then the offset.
        int[] stored = RawIntegerCoder.Decode(payload.AsSpan((last + PayloadOffsets.RecordData)..), 3 * 14, "filter", 0);
        Assert.Equal(model.Filter!.Values(), stored);
        Assert.Equal(model.Filter.Plane(1).ToArray(), stored[14..28]);
    }

    [Fact]
    public void Read_Version6PayloadWithEveryGridAtItsOwnLevel_IsValid()
    {
        // Unlike model_version 5, which exists to interpolate a grid, model_version 6 may leave every placement 0.
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion: false);
        byte[] payload = ModelPayloadWriter.Write(model);
        var at = new PayloadOffsets(payload);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(0, payload[at.GridDescriptor(i) + 5]));

        var read = ModelPayloadReader.Read(payload, expected);

        Assert.Equal(6, read.Architecture.ModelVersion);
        Assert.All(read.Architecture.Grids, g => Assert.False(g.Interpolated));
    }

    [Fact]
    public void WriteRead_FilterModelWithAnInterpolatedGrid_KeepsThePlacement()
    {
        var (model, expected) = WithFilter(radius: 3, EntropyCoding.Adaptive, motion: true);
        model = model.WithInterpolatedGrids([true, false, false]);

        byte[] payload = ModelPayloadWriter.Write(model);
        var read = ModelPayloadReader.Read(payload, expected);

        Assert.Equal(1, payload[new PayloadOffsets(payload).GridDescriptor(0) + 5]);
        Assert.Equal(6, read.Architecture.ModelVersion);
        Assert.Equal([true, false, false], read.Architecture.Grids.Select(g => g.Interpolated));
        Assert.Equal(model.Filter!.Values(), read.Filter!.Values());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(255)]
    public void Read_FilterRadiusOutside1To3_IsRejected(byte radius)
    {
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion: false);
        byte[] payload = ModelPayloadWriter.Write(model);
        var at = new PayloadOffsets(payload);
        payload[at.FilterRadius] = radius;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains($"filter_radius at 0x{at.FilterRadius:X}", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"is {radius}; the output filter's diamond has a radius of 1..3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FilterRadiusDisagreeingWithTheRecordsColumns_IsRejected()
    {
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion: false);
        byte[] payload = ModelPayloadWriter.Write(model);
        payload[new PayloadOffsets(payload).FilterRadius] = 2;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains("OutputFilter[0] columns", e.Message, StringComparison.Ordinal);
        Assert.Contains("is 6 but the architecture needs 14", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PayloadOffsets.RecordMultiplier, 2, "multiplier", "is 2; the output filter record has multiplier 1 (§10.9)")]
    [InlineData(PayloadOffsets.RecordCoding, 2, "coding", "is 2; only grid latents records are context-coded")]
    [InlineData(PayloadOffsets.RecordRole, 12, "role", "is 12 (MotionVectors) but tensor")]
    [InlineData(PayloadOffsets.RecordLevel, 1, "level", "is 1 but tensor")]
    [InlineData(PayloadOffsets.RecordRows, 1, "rows", "is 1 but the architecture needs 3")]
    [InlineData(PayloadOffsets.RecordColumns, 5, "columns", "is 5 but the architecture needs 6")]
    public void Read_FilterRecordHeaderWrong_IsRejectedNamingTheField(int field, byte value, string name, string message)
    {
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion: true);
        byte[] payload = ModelPayloadWriter.Write(model);
        payload[new PayloadOffsets(payload).Records[^1] + field] = value;

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        // The filter is the record after the tensors and the motion vectors.
        Assert.Contains($"tensor #{model.Tensors.Count + 2} OutputFilter[0] {name} at 0x", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(32767, true)]
    [InlineData(-32767, true)]
    [InlineData(32768, false)]
    [InlineData(-32768, false)]
    [InlineData(int.MaxValue, false)]
    public void Read_TapCoefficient_IsAcceptedOnlyStrictlyInside2Pow15(int value, bool accepted)
    {
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion: false);
        int[] values = model.Filter!.Values();
        values[6 + 2] = value; // plane 1, tap 2 (the centre)
        byte[] payload = WithFilterRecordValues(model, values);

        if (accepted)
        {
            Assert.Equal(value, ModelPayloadReader.Read(payload, expected).Filter!.Plane(1)[2]);
            return;
        }

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));
        Assert.Contains("OutputFilter[0] data", e.Message, StringComparison.Ordinal);
        Assert.Contains($"value 8 (plane 1, tap 2) is {value}; a tap coefficient lies strictly inside ±2^15", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((1 << 24) - 1, true)]
    [InlineData(-(1 << 24) + 1, true)]
    [InlineData(1 << 24, false)]
    [InlineData(-(1 << 24), false)]
    public void Read_Offset_IsAcceptedOnlyStrictlyInside2Pow24(int value, bool accepted)
    {
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion: false);
        int[] values = model.Filter!.Values();
        values[12 + 5] = value; // plane 2's offset
        byte[] payload = WithFilterRecordValues(model, values);

        if (accepted)
        {
            Assert.Equal(value, ModelPayloadReader.Read(payload, expected).Filter!.Plane(2)[5]);
            return;
        }

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));
        Assert.Contains("OutputFilter[0] data", e.Message, StringComparison.Ordinal);
        Assert.Contains($"value 17 (plane 2, the offset) is {value}; an offset lies strictly inside ±2^24", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OffsetOf2Pow15_IsNotATap()
    {
        // The offsets' bound is 2^24, not the taps' 2^15.
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion: false);
        int[] values = model.Filter!.Values();
        values[5] = 1 << 20;

        Assert.Equal(1 << 20, ModelPayloadReader.Read(WithFilterRecordValues(model, values), expected).Filter!.Plane(0)[5]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_TensorCountNotCountingTheFilter_IsRejected(bool motion)
    {
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion);
        byte[] payload = ModelPayloadWriter.Write(model);
        var at = new PayloadOffsets(payload);
        int records = model.Tensors.Count + (motion ? 1 : 0) + 1;
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(at.TensorCount), (ushort)(records - 1));

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, expected));

        Assert.Contains("tensor_count at 0x", e.Message, StringComparison.Ordinal);
        Assert.Contains($"is {records - 1} but this architecture has {records} tensors", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PayloadEndingBeforeTheFilterRecord_IsRejected()
    {
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion: true);
        byte[] payload = ModelPayloadWriter.Write(model);

        Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload.AsSpan(0, new PayloadOffsets(payload).Records[^1]), expected));
    }

    [Fact]
    public void Read_Version6PayloadInVersion5File_IsRejected()
    {
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion: false);
        var inVersion5File = new ModelPayloadExpectations(expected.FirstFrame, expected.FrameCount, expected.SequenceWidth, expected.SequenceHeight, expected.Chroma)
        {
            FileMinReaderVersion = 5,
        };

        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(ModelPayloadWriter.Write(model), inVersion5File));

        Assert.Contains("model_version at 0x", e.Message, StringComparison.Ordinal);
        Assert.Contains("a model_version 6 payload needs a version 6 file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredReaderVersion_FilterPayload_Is6()
    {
        var (model, _) = WithFilter(radius: 2, EntropyCoding.Adaptive, motion: false);

        Assert.Equal(6, ModelPayloadFormat.RequiredReaderVersion(ModelPayloadWriter.Write(model)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Statistics_FilterModel_CountTheFilterRecord(bool motion)
    {
        var (model, expected) = WithFilter(radius: 3, EntropyCoding.Adaptive, motion);
        byte[] payload = ModelPayloadWriter.Write(model, out int[] codedByteLengths);

        foreach (var statistics in new[] { ModelPayloadStatistics.FromPayload(payload, expected), ModelPayloadStatistics.FromModel(model) })
        {
            Assert.Equal(model.Tensors.Count + (motion ? 1 : 0) + 1, statistics.Tensors.Count);
            Assert.Equal(TensorRole.OutputFilter, statistics.Tensors[^1].Role);
            Assert.Equal(3L * 26, statistics.Tensors[^1].Values);
            Assert.Equal(codedByteLengths.Sum(), statistics.TotalCodedBytes);
            Assert.Equal(payload.Length, statistics.PayloadBytes);
        }
    }

    [Fact]
    public void Read_AnyByteOfAVersion6PayloadChanged_IsRejectedAsCorruptOrReads()
    {
        var (model, expected) = WithFilter(radius: 1, EntropyCoding.Adaptive, motion: true);
        byte[] payload = ModelPayloadWriter.Write(model);
        ModelSamples.ReadWithEveryByteFlipped(payload, expected);
    }

    [Fact]
    public void Model_FilterOfAnotherRadiusThanTheArchitecture_IsRefused()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();
        var architecture = model.Architecture.WithFilter(2);

        var e = Assert.Throws<ArgumentException>(() =>
            new SegmentModel(model.FirstFrame, model.FrameCount, architecture, model.Tensors, null, filter: Identity(1, 3)));

        Assert.Contains("The output filter has radius 1 and 3 planes; the model needs radius 2 and 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_FilterRadiusWithoutAFilter_IsRefused()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();

        var e = Assert.Throws<ArgumentException>(() =>
            new SegmentModel(model.FirstFrame, model.FrameCount, model.Architecture.WithFilter(1), model.Tensors, null));

        Assert.Contains("has an output filter of radius 1 but the model has none", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_FilterWithoutFilterRadius_IsRefused()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();

        var e = Assert.Throws<ArgumentException>(() =>
            new SegmentModel(model.FirstFrame, model.FrameCount, model.Architecture, model.Tensors, null, filter: Identity(1, 3)));

        Assert.Contains("The model has an output filter but its architecture has none", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_FilterWithContextCoding_IsRefused()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();

        Assert.Throws<ArgumentException>(() => model.WithFilter(Identity(1, 3), EntropyCoding.Context));
    }

    [Fact]
    public void WithFilter_Null_RemovesTheFilterAndModelVersion6()
    {
        var (model, _) = WithFilter(radius: 2, EntropyCoding.Adaptive, motion: true);

        var plain = model.WithFilter(null);

        Assert.Null(plain.Filter);
        Assert.Null(plain.FilterRecord());
        Assert.Equal(0, plain.Architecture.FilterRadius);
        Assert.Equal(4, plain.Architecture.ModelVersion);
        Assert.NotNull(plain.Motion);
    }

    [Fact]
    public void FilterRecord_IsPlanesRowsOfTapsThenOffset()
    {
        var (model, _) = WithFilter(radius: 3, EntropyCoding.Raw, motion: false);

        var record = model.FilterRecord()!;

        Assert.Equal(TensorRole.OutputFilter, record.Role);
        Assert.Equal(0, record.Level);
        Assert.Equal(3, record.Rows);
        Assert.Equal(26, record.Columns);
        Assert.Equal(1u, record.Multiplier);
        Assert.Equal(EntropyCoding.Raw, record.Coding);
        Assert.Equal(model.Filter!.Values(), record.Values);
    }

    // OutputFilter: the diamond, its order and the limits of its values.

    [Fact]
    public void Taps_Radius1_AreUpLeftCentreRightDown()
    {
        Assert.Equal([(-1, 0), (0, -1), (0, 0), (0, 1), (1, 0)], OutputFilter.Taps(1));
    }

    [Fact]
    public void Taps_Radius2_AreTheDiamondRowByRow()
    {
        Assert.Equal(
            [(-2, 0), (-1, -1), (-1, 0), (-1, 1), (0, -2), (0, -1), (0, 0), (0, 1), (0, 2), (1, -1), (1, 0), (1, 1), (2, 0)],
            OutputFilter.Taps(2));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 13)]
    [InlineData(3, 25)]
    public void TapCount_Is2RRPlus1AndTheNumberOfTaps(int radius, int count)
    {
        var taps = OutputFilter.Taps(radius);

        Assert.Equal(count, OutputFilter.TapCount(radius));
        Assert.Equal((2 * radius * (radius + 1)) + 1, taps.Length);

        // Every point of the diamond once, ordered by row and then column.
        var diamond = new List<(int, int)>();
        for (int dy = -radius; dy <= radius; dy++)
        {
            for (int dx = -radius; dx <= radius; dx++)
            {
                if (Math.Abs(dy) + Math.Abs(dx) <= radius)
                {
                    diamond.Add((dy, dx));
                }
            }
        }

        Assert.Equal(diamond, taps);
    }

    [Theory]
    [InlineData(1, 4, 32768)]
    [InlineData(1, 5, 1 << 24)]
    [InlineData(2, 13, 1 << 24)]
    [InlineData(2, 14, 32768)]
    [InlineData(3, 25, 1 << 24)]
    [InlineData(3, 51, 1 << 24)]
    [InlineData(3, 50, 32768)]
    public void Limit_IsTheOffsetsForEachPlanesLastValueElseTheTaps(int radius, int index, int limit)
    {
        Assert.Equal(limit, OutputFilter.Limit(radius, index));
    }

    [Theory]
    [InlineData(0, 3, 18, "radius")]
    [InlineData(4, 3, 3 * 42, "radius")]
    [InlineData(1, 2, 12, "planes")]
    [InlineData(1, 3, 17, "values")]
    [InlineData(1, 3, 19, "values")]
    [InlineData(1, 1, 18, "values")]
    [InlineData(2, 1, 6, "values")]
    public void Constructor_WrongRadiusPlanesOrLength_IsRefused(int radius, int planes, int length, string parameter)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new OutputFilter(radius, planes, new int[length]));

        Assert.Equal(parameter, e.ParamName);
    }

    [Theory]
    [InlineData(0, 32767, true)]
    [InlineData(4, -32767, true)]
    [InlineData(4, 32768, false)]
    [InlineData(0, -32768, false)]
    [InlineData(5, (1 << 24) - 1, true)]
    [InlineData(11, -(1 << 24) + 1, true)]
    [InlineData(5, 1 << 24, false)]
    [InlineData(11, -(1 << 24), false)]
    [InlineData(6, 1 << 24, false)]
    public void Constructor_ValuesOnlyStrictlyInsideTheirLimit_AreAccepted(int index, int value, bool accepted)
    {
        int[] values = new int[18];
        values[index] = value;

        if (accepted)
        {
            Assert.Equal(value, new OutputFilter(1, 3, values).Values()[index]);
            return;
        }

        var e = Assert.Throws<ArgumentException>(() => new OutputFilter(1, 3, values));
        Assert.Contains($"Value {index} of the output filter is {value}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_AreCopiesOfTheFiltersOwn()
    {
        int[] values = [1, 2, 3, 4, 5, 6];
        var filter = new OutputFilter(1, 1, values);

        values[0] = 100;
        filter.Values()[1] = 100;

        Assert.Equal([1, 2, 3, 4, 5, 6], filter.Values());
        Assert.Equal([1, 2, 3, 4, 5, 6], filter.Plane(0).ToArray());
    }

    // ModelArchitecture with a filter.

    [Fact]
    public void Architecture_FilterWithoutContextModels_IsRefused()
    {
        var (grid, _) = ModelSamples.FiveLevelGridColor();
        var (plain, _) = ModelSamples.FiveLevelMixedColor();

        foreach (var architecture in new[] { grid.Architecture, plain.Architecture })
        {
            var e = Assert.Throws<ArgumentException>(() => architecture.WithFilter(1));

            Assert.Contains("An output filter (model_version 6) needs latent grids with context models", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Architecture_FilterRadiusOutside1To3_IsRefused(int radius)
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();

        var e = Assert.Throws<ArgumentException>(() => model.Architecture.WithFilter(radius));

        Assert.Contains("the radius must be 1..3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Architecture_WithFilter_IsModelVersion6WhateverElseItHas()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();
        var architecture = model.Architecture;

        Assert.Equal(6, architecture.WithFilter(1).ModelVersion);
        Assert.Equal(6, architecture.WithMotion(3).WithFilter(2).ModelVersion);
        Assert.Equal(6, architecture.WithInterpolatedGrids([true, false, false]).WithFilter(3).ModelVersion);
        Assert.Equal(3, architecture.WithFilter(3).WithFilter(0).ModelVersion);
        Assert.Equal(3, architecture.WithFilter(2).WithMotion(3).MotionBlockLog2);
        Assert.Equal(2, architecture.WithFilter(2).WithMotion(3).FilterRadius);
    }

    [Fact]
    public void Architecture_WithFilter_KeepsTheTensorLayout()
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();

        Assert.Equal(model.Architecture.TensorLayout(), model.Architecture.WithFilter(3).TensorLayout());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MacsPerSample_WithFilter_GrowsByTapsAndOffsetPerPlane(int radius)
    {
        var (model, _) = ModelSamples.FiveLevelContextColor();
        var architecture = model.Architecture;

        double growth = architecture.WithFilter(radius).MacsPerSample() - architecture.MacsPerSample();

        Assert.Equal(3.0 * (OutputFilter.TapCount(radius) + 1), growth, 9);
    }

    /// <summary>
    /// <see cref="ModelSamples.FiveLevelContextColor"/> (31 × 31 4:2:0, 3 frames) with a pseudo-random filter, and a
    /// pseudo-random motion field of blocks of 16 when <paramref name="motion"/>.
    /// </summary>
    private static (SegmentModel Model, ModelPayloadExpectations Expected) WithFilter(int radius, EntropyCoding coding, bool motion)
    {
        var (model, expected) = ModelSamples.FiveLevelContextColor();
        if (motion)
        {
            var shape = new MotionField(4, expected.SequenceWidth, expected.SequenceHeight, []);
            var vectors = new Random(11);
            int[][] frames = [.. Enumerable.Range(0, model.FrameCount).Select(_ =>
                Enumerable.Range(0, 2 * shape.BlocksY * shape.BlocksX).Select(_ => vectors.Next(-1024, 1025)).ToArray())];
            model = model.WithMotion(shape.WithVectors(frames));
        }

        int columns = OutputFilter.TapCount(radius) + 1;
        var random = new Random(radius);
        int[] values = [.. Enumerable.Range(0, 3 * columns).Select(i => i % columns == columns - 1
            ? random.Next(-(1 << 24) + 1, 1 << 24)
            : random.Next(-32767, 32768))];
        values[0] = 32767;
        values[1] = -32767;
        values[columns - 1] = -(1 << 24) + 1;
        return (model.WithFilter(new OutputFilter(radius, 3, values), coding), expected);
    }

    /// <summary>The identity filter: 1 at the centre tap of every plane, every other value 0.</summary>
    private static OutputFilter Identity(int radius, int planes)
    {
        int columns = OutputFilter.TapCount(radius) + 1;
        int centre = Array.IndexOf(OutputFilter.Taps(radius), (0, 0));
        return new OutputFilter(radius, planes, [.. Enumerable.Range(0, planes * columns).Select(i => i % columns == centre ? 4096 : 0)]);
    }

    /// <summary>The model's payload with its filter record (the last) raw-coded holding <paramref name="values"/>, unchecked.</summary>
    private static byte[] WithFilterRecordValues(SegmentModel model, int[] values)
    {
        byte[] payload = ModelPayloadWriter.Write(model);
        int last = new PayloadOffsets(payload).Records[^1];
        byte[] data = RawIntegerCoder.Encode(values);
        byte[] result = [.. payload[..(last + PayloadOffsets.RecordData)], .. data];
        result[last + PayloadOffsets.RecordCoding] = (byte)EntropyCoding.Raw;
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(last + PayloadOffsets.RecordByteLength), (uint)data.Length);
        return result;
    }
}
