using Asmr.Container;
using Asmr.Player.Color;
using Asmr.Player.Media;
using Asmr.Player.Tests.Media;
using Asmr.Player.Video;

namespace Asmr.Player.Tests.Color;

public sealed class RgbToYuvTests
{
    private static readonly string Kodim = Path.Combine(TestMedia.Root, "images", "kodak", "kodim23.png");

    private static int MaxDifference(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        int max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    [Fact]
    public void Convert_KodakPngTo444Bt709Full_MatchesFfmpegVideoSourceWithin1()
    {
        byte[] rgb = TestMedia.FfmpegBytes("-i", Kodim, "-f", "rawvideo", "-pix_fmt", "rgb24");
        using FfmpegVideoSource source = FfmpegVideoSource.Open(Kodim);
        VideoFrame viaFfmpeg = source.ReadFrames().Single();
        var ours = new VideoFrame(viaFfmpeg.Width, viaFfmpeg.Height, ChromaFormat.Yuv444, 8);

        new RgbToYuv(source.Header.Color, 8, 8, ours.Height).Convert(rgb, ours);

        for (int p = 0; p < 3; p++)
        {
            Assert.InRange(MaxDifference(ours.Planes[p], viaFfmpeg.Planes[p]), 0, 1);
        }
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public void Convert_KodakRoundTrip444_ReturnsTheOriginalRgbWithinRounding(bool fullRange, int tolerance)
    {
        byte[] rgb = TestMedia.FfmpegBytes("-i", Kodim, "-f", "rawvideo", "-pix_fmt", "rgb24");
        var color = new ColorDescription { Matrix = 1, FullRange = fullRange };
        var frame = new VideoFrame(768, 512, ChromaFormat.Yuv444, 8);
        new RgbToYuv(color, 8, 8, 512).Convert(rgb, frame);
        var back = new byte[rgb.Length];

        new YuvToRgb(color, 8, 512, 8).Convert(frame, back);

        int max = 0;
        for (int i = 0; i < rgb.Length; i++)
        {
            max = Math.Max(max, Math.Abs(rgb[i] - back[i]));
        }

        Assert.InRange(max, 0, tolerance);
    }

    [Fact]
    public void Convert_Flat2x2Blocks420_ChromaEqualsThe444Value()
    {
        var rgb = new ushort[4 * 2 * 3];
        for (int i = 0; i < 8; i++)
        {
            (rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2]) = (i % 4) < 2 ? ((ushort)255, (ushort)0, (ushort)0) : ((ushort)0, (ushort)0, (ushort)255);
        }

        var color = new ColorDescription { Matrix = 6 };
        var f420 = new VideoFrame(4, 2, ChromaFormat.Yuv420, 8);
        var f444 = new VideoFrame(4, 2, ChromaFormat.Yuv444, 8);
        new RgbToYuv(color, 8, 8, 2).Convert(rgb, f420);
        new RgbToYuv(color, 8, 8, 2).Convert(rgb, f444);

        Assert.Equal(f444.Planes[0], f420.Planes[0]);
        Assert.Equal(new ushort[] { f444.Planes[1][0], f444.Planes[1][2] }, f420.Planes[1]);
        Assert.Equal(new ushort[] { f444.Planes[2][0], f444.Planes[2][2] }, f420.Planes[2]);
        Assert.Equal(240, f420.Planes[2][0]); // pure red: Cr at the top of the limited chroma range
        Assert.Equal(81, f420.Planes[0][0]); // 16 + 219·0.299 = 81.5 → 81 (BT.601 red luma)
    }

    [Fact]
    public void Convert_OddWidth420_AveragesThePartialEdgeBlock()
    {
        ushort[] rgb = [0, 0, 0, 0, 0, 0, 255, 255, 255]; // 3×1: black, black, white
        var frame = new VideoFrame(3, 1, ChromaFormat.Yuv420, 8);

        new RgbToYuv(new ColorDescription { Matrix = 1, FullRange = true }, 8, 8, 1).Convert(rgb, frame);

        Assert.Equal(new ushort[] { 0, 0, 255 }, frame.Planes[0]);
        Assert.Equal(new ushort[] { 128, 128 }, frame.Planes[1]); // grey has neutral chroma in both blocks
    }

    [Fact]
    public void Convert_SixteenBitWhiteToTenBitLimited_Gives940AndNeutralChroma()
    {
        ushort[] rgb = [65535, 65535, 65535];
        var frame = new VideoFrame(1, 1, ChromaFormat.Yuv444, 10);

        new RgbToYuv(new ColorDescription { Matrix = 9 }, 16, 10, 1).Convert(rgb, frame);

        Assert.Equal((940, 512, 512), (frame.Planes[0][0], frame.Planes[1][0], frame.Planes[2][0]));
    }

    [Fact]
    public void Convert_IdentityMatrix_WritesGbrPlanes()
    {
        ushort[] rgb = [30, 10, 20];
        var frame = new VideoFrame(1, 1, ChromaFormat.Yuv444, 8);

        new RgbToYuv(new ColorDescription { Matrix = 0, FullRange = true }, 8, 8, 1).Convert(rgb, frame);

        Assert.Equal((10, 20, 30), (frame.Planes[0][0], frame.Planes[1][0], frame.Planes[2][0]));
    }
}
