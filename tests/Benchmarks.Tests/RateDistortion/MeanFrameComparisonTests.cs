using Asmr.Benchmarks.RateDistortion;

namespace Asmr.Benchmarks.Tests.RateDistortion;

public class MeanFrameComparisonTests
{
    private static RdPoint Point(string codec, long bytes, double psnr) => new()
    {
        Codec = codec,
        Preset = codec == MeanFrameAnchor.Codec ? MeanFrameAnchor.Preset : "medium",
        RateParameter = $"{bytes} B",
        Bytes = bytes,
        Bpp = bytes * 8.0 / (352 * 288 * 32),
        PsnrY = psnr,
        PsnrYuv = psnr,
        PsnrRgb = psnr,
        Ssim = 0.9,
        EncodeSeconds = 1,
        DecodeFps = 0,
        EncodeCommand = "x",
    };

    private static readonly RdPoint[] Curve =
    [
        Point(MeanFrameAnchor.Codec, 1_000, 26.0),
        Point(MeanFrameAnchor.Codec, 4_000, 30.0),
        Point(MeanFrameAnchor.Codec, 16_000, 31.0),
    ];

    [Fact]
    public void Compare_InsideTheCurve_InterpolatesPsnrInLogBytes()
    {
        // 2,000 B is halfway between 1,000 and 4,000 in log(bytes).
        var c = Assert.Single(MeanFrameComparison.Compare([.. Curve, Point("asmrc", 2_000, 29.0)], 31.5));

        Assert.Equal(28.0, c.MeanPsnrRgb, precision: 10);
        Assert.Equal(1.0, c.Margin, precision: 10);
        Assert.True(c.Beats);
        Assert.StartsWith("interpolated", c.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_LargerThanEveryCodedMeanFrame_UsesTheUncodedMeanFrame()
    {
        var c = Assert.Single(MeanFrameComparison.Compare([.. Curve, Point("asmrc", 40_000, 31.2)], 31.5));

        Assert.Equal(31.5, c.MeanPsnrRgb);
        Assert.False(c.Beats);
    }

    [Fact]
    public void Compare_SmallerThanEveryCodedMeanFrame_UsesTheSmallestOne()
    {
        var c = Assert.Single(MeanFrameComparison.Compare([.. Curve, Point("asmrc", 500, 25.0)], 31.5));

        Assert.Equal(26.0, c.MeanPsnrRgb);
        Assert.Equal(-1.0, c.Margin, precision: 10);
        Assert.False(c.Beats);
    }

    [Fact]
    public void Compare_EveryAsmrcPoint_NoneWithoutAMeanFrameCurve()
    {
        RdPoint[] asmrc = [Point("asmrc", 2_000, 29.0), Point("asmrc", 8_000, 32.0), Point("x264", 3_000, 35.0)];

        Assert.Equal(2, MeanFrameComparison.Compare([.. Curve, .. asmrc], 31.5).Count);
        Assert.Empty(MeanFrameComparison.Compare(asmrc, 31.5));
    }

    [Fact]
    public void BdRates_LeaveTheMeanFrameCurveOut()
    {
        RdPoint[] points = [.. Curve, Point("x264", 3_000, 35.0), Point("x264", 9_000, 38.0), Point("asmrc", 2_000, 29.0), Point("asmrc", 8_000, 32.0)];

        var row = Assert.Single(RdRunner.BdRates(points));
        Assert.Equal("x264 medium", row.AnchorSeries);
    }
}
