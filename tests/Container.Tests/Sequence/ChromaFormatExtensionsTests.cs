namespace Asmr.Container.Tests;

public class ChromaFormatExtensionsTests
{
    [Theory]
    [InlineData(ChromaFormat.Mono400, 17, 9, 0, 0)]
    [InlineData(ChromaFormat.Yuv420, 17, 9, 9, 5)]
    [InlineData(ChromaFormat.Yuv420, 1, 1, 1, 1)]
    [InlineData(ChromaFormat.Yuv420, 16384, 16384, 8192, 8192)]
    [InlineData(ChromaFormat.Yuv420, 65535, 65535, 32768, 32768)]
    [InlineData(ChromaFormat.Yuv422, 17, 9, 9, 9)]
    [InlineData(ChromaFormat.Yuv444, 17, 9, 17, 9)]
    public void ChromaWidthAndHeight_OddAndEvenSizes_RoundUp(ChromaFormat format, int width, int height, int chromaWidth, int chromaHeight)
    {
        Assert.Equal(chromaWidth, format.ChromaWidth(width));
        Assert.Equal(chromaHeight, format.ChromaHeight(height));
    }

    [Theory]
    [InlineData(ChromaFormat.Mono400, 1)]
    [InlineData(ChromaFormat.Yuv420, 3)]
    [InlineData(ChromaFormat.Yuv422, 3)]
    [InlineData(ChromaFormat.Yuv444, 3)]
    public void PlaneCount_EachFormat_IsOneForMonoElseThree(ChromaFormat format, int planes) =>
        Assert.Equal(planes, format.PlaneCount());

    [Fact]
    public void PlaneWidthAndHeight_LumaAndChromaPlanes_FollowTheSubsampling()
    {
        Assert.Equal((17, 9), (ChromaFormat.Yuv420.PlaneWidth(0, 17), ChromaFormat.Yuv420.PlaneHeight(0, 9)));
        Assert.Equal((9, 5), (ChromaFormat.Yuv420.PlaneWidth(2, 17), ChromaFormat.Yuv420.PlaneHeight(2, 9)));
    }

    [Fact]
    public void PlaneWidth_ChromaPlaneOfMonochrome_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChromaFormat.Mono400.PlaneWidth(1, 16));

    [Fact]
    public void SamplesPerFrame_420OddSize_CountsAllPlanes() =>
        Assert.Equal((17 * 9) + (2 * 9 * 5), ChromaFormat.Yuv420.SamplesPerFrame(17, 9));

    [Fact]
    public void SamplesPerFrame_LargestFrame_DoesNotOverflow() =>
        Assert.Equal(3L * 65535 * 65535, ChromaFormat.Yuv444.SamplesPerFrame(65535, 65535));

    [Theory]
    [InlineData(ChromaFormat.Yuv420, 1, 1)]
    [InlineData(ChromaFormat.Yuv422, 1, 0)]
    [InlineData(ChromaFormat.Yuv444, 0, 0)]
    public void ChromaShift_EachFormat_IsLog2OfTheSubsampling(ChromaFormat format, int x, int y) =>
        Assert.Equal((x, y), (format.ChromaShiftX(), format.ChromaShiftY()));

    [Fact]
    public void SequenceHeaderPlaneSize_Uses_TheChromaFormat()
    {
        SequenceHeader header = Samples.Sequence(17, 9) with { ChromaFormat = ChromaFormat.Yuv422 };

        Assert.Equal((3, 9, 9), (header.PlaneCount, header.PlaneWidth(1), header.PlaneHeight(1)));
    }
}
