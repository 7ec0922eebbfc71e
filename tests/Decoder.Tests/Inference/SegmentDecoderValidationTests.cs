using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Tests.Inference;

public class SegmentDecoderValidationTests
{
    private static ModelConfig Config => new(
        [[1, 2], [2, 3], [5, 1]],
        4,
        [ModulationKind.Linear, ModulationKind.Table],
        ChromaFormat.Yuv444,
        8,
        5,
        6,
        2);

    [Fact]
    public void Constructor_ThreeChannelModelForMonoSequence_ThrowsInvalidData()
    {
        var model = TestModels.Build(Config, new TestRandom(1), ValueStyle.Realistic);
        Assert.Throws<InvalidDataException>(() => new SegmentDecoder(model, 5, 6, ChromaFormat.Mono400, 8));
    }

    [Fact]
    public void Constructor_PictureWiderThanGrid_ThrowsInvalidData()
    {
        var model = TestModels.Build(Config, new TestRandom(1), ValueStyle.Realistic);
        Assert.Throws<InvalidDataException>(() => new SegmentDecoder(model, 6, 6, ChromaFormat.Yuv444, 8));
    }

    [Fact]
    public void Constructor_OddWidthFillingGridWith420_ThrowsInvalidData()
    {
        // N_x = 5 covers width 5 but not the 4:2:0 rounded width 6 the chroma sums need.
        var model = TestModels.Build(Config, new TestRandom(1), ValueStyle.Realistic);
        Assert.Throws<InvalidDataException>(() => new SegmentDecoder(model, 5, 6, ChromaFormat.Yuv420, 8));
        _ = new SegmentDecoder(model, 4, 6, ChromaFormat.Yuv420, 8);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(17)]
    public void Constructor_BitDepthOutside8To16_Throws(int bitDepth)
    {
        var model = TestModels.Build(Config, new TestRandom(1), ValueStyle.Realistic);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentDecoder(model, 5, 6, ChromaFormat.Yuv444, bitDepth));
    }

    [Fact]
    public void DecodeFrames_OddCropOriginWith420_ThrowsArgument()
    {
        var model = TestModels.Build(Config, new TestRandom(1), ValueStyle.Realistic);
        var decoder = new SegmentDecoder(model, 4, 6, ChromaFormat.Yuv420, 8);
        Assert.Throws<ArgumentException>(() => decoder.DecodeFrames(0, 1, new CropRectangle(1, 0, 2, 2)));
        Assert.Throws<ArgumentException>(() => decoder.DecodeFrames(0, 1, new CropRectangle(0, 1, 2, 2)));
        _ = decoder.DecodeFrames(0, 1, new CropRectangle(2, 2, 1, 3)).Single();
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(1, 1)]
    [InlineData(0, 3)]
    public void DecodeFrames_RangeOutsideSegment_Throws(int start, int end)
    {
        var model = TestModels.Build(Config, new TestRandom(1), ValueStyle.Realistic);
        var decoder = new SegmentDecoder(model, 5, 6, ChromaFormat.Yuv444, 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.DecodeFrames(start, end));
    }

    [Fact]
    public void DecodeFrames_CropOutsidePicture_Throws()
    {
        var model = TestModels.Build(Config, new TestRandom(1), ValueStyle.Realistic);
        var decoder = new SegmentDecoder(model, 5, 6, ChromaFormat.Yuv444, 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.DecodeFrames(0, 1, new CropRectangle(3, 0, 3, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.DecodeFrames(0, 1, new CropRectangle(0, 0, 0, 1)));
    }

    [Fact]
    public void Constructor_OutputWeightBeyondTwoToThe31_ThrowsInvalidData()
    {
        var good = TestModels.Build(Config, new TestRandom(1), ValueStyle.Realistic);
        var tensors = good.Tensors.Select(t => t.Role == TensorRole.OutputWeight
            ? new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 4, [.. t.Values.Select((_, i) => i == 0 ? 1 << 29 : 0)])
            : t).ToList();
        var model = new SegmentModel(0, 2, good.Architecture, tensors);
        Assert.Throws<InvalidDataException>(() => new SegmentDecoder(model, 5, 6, ChromaFormat.Yuv444, 8));
    }

    [Fact]
    public void Constructor_GridLatentsWithMultiplierOtherThanOne_ThrowsInvalidData()
    {
        var config = Config with { Grids = [new LatentGrid(0, 2, 1)] };
        var good = TestModels.Build(config, new TestRandom(1), ValueStyle.Realistic);
        _ = new SegmentDecoder(good, 5, 6, ChromaFormat.Yuv444, 8);
        var tensors = good.Tensors.Select(t => t.Role == TensorRole.GridLatents
            ? new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 2, t.Values)
            : t).ToList();
        var model = new SegmentModel(0, 2, good.Architecture, tensors);
        Assert.Throws<InvalidDataException>(() => new SegmentDecoder(model, 5, 6, ChromaFormat.Yuv444, 8));
    }
}
