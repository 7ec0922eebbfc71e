using Asmr.Container;
using Asmr.Media.Color;
using Asmr.Decoder.Video;

namespace Asmr.Media.Tests.Color;

public sealed class YuvToRgbTests
{
    private static VideoFrame Filled(ChromaFormat chroma, int bitDepth, ushort y, ushort cb, ushort cr, int width = 4, int height = 4)
    {
        var frame = new VideoFrame(width, height, chroma, bitDepth);
        Array.Fill(frame.Planes[0], y);
        if (frame.PlaneCount == 3)
        {
            Array.Fill(frame.Planes[1], cb);
            Array.Fill(frame.Planes[2], cr);
        }

        return frame;
    }

    private static ushort[] Pixel(VideoFrame frame, ColorDescription color, int outputDepth)
    {
        var rgb = new ushort[frame.Width * frame.Height * 3];
        new YuvToRgb(color, frame.BitDepth, frame.Height, outputDepth).Convert(frame, rgb);
        return rgb[..3];
    }

    [Theory]
    [InlineData(16, 0)]
    [InlineData(235, 255)]
    [InlineData(0, 0)]
    [InlineData(255, 255)]
    [InlineData(126, 128)] // (126 − 16)·255/219 = 128.08
    public void Convert_LimitedRangeGrey_MapsLumaRangeTo0Through255(ushort y, ushort expected)
    {
        ushort[] rgb = Pixel(Filled(ChromaFormat.Yuv420, 8, y, 128, 128), new ColorDescription { Matrix = 1 }, 8);

        Assert.Equal([expected, expected, expected], rgb);
    }

    [Fact]
    public void Convert_FullRangeBt601Red_GivesPureRed()
    {
        // Full-range BT.601 red: Y = 0.299·255 = 76.2, Cb = 128 − 0.1687·255 = 85.0, Cr = 128 + 0.5·255 = 255.5 → 255.
        ushort[] rgb = Pixel(Filled(ChromaFormat.Yuv444, 8, 76, 85, 255), new ColorDescription { Matrix = 6, FullRange = true }, 8);

        Assert.InRange(rgb[0], 253, 255);
        Assert.InRange(rgb[1], 0, 1);
        Assert.InRange(rgb[2], 0, 1);
    }

    [Fact]
    public void Convert_TenBitLimitedWhite_Gives65535At16BitOutput()
    {
        ushort[] rgb = Pixel(Filled(ChromaFormat.Yuv422, 10, 940, 512, 512), new ColorDescription { Matrix = 9 }, 16);

        Assert.Equal([65535, 65535, 65535], rgb);
    }

    [Fact]
    public void Convert_IdentityMatrixFullRange_ReordersGbrPlanesToRgb()
    {
        VideoFrame frame = Filled(ChromaFormat.Yuv444, 8, y: 10, cb: 20, cr: 30); // planes G, B, R

        ushort[] rgb = Pixel(frame, new ColorDescription { Matrix = 0, FullRange = true }, 8);

        Assert.Equal([30, 10, 20], rgb);
    }

    [Fact]
    public void Convert_MonoLimited_WritesLumaToAllChannels()
    {
        ushort[] rgb = Pixel(Filled(ChromaFormat.Mono400, 8, 235, 0, 0), ColorDescription.Unspecified, 8);

        Assert.Equal([255, 255, 255], rgb);
    }

    [Fact]
    public void Convert_Yuv420OddSize_ReplicatesEachChromaSampleOver2x2()
    {
        var frame = new VideoFrame(3, 3, ChromaFormat.Yuv420, 8);
        Array.Fill(frame.Planes[0], (ushort)128);
        frame.Planes[1][0] = 128;
        frame.Planes[1][1] = 128;
        frame.Planes[1][2] = 128;
        frame.Planes[1][3] = 128;
        frame.Planes[2] = [128, 240, 16, 128]; // 2×2 chroma plane for a 3×3 picture
        var rgb = new byte[27];

        new YuvToRgb(new ColorDescription { Matrix = 1 }, 8, 3, 8).Convert(frame, rgb);

        byte Red(int x, int y) => rgb[((y * 3) + x) * 3];
        Assert.Equal(Red(0, 0), Red(1, 1));
        Assert.True(Red(2, 0) > Red(0, 0)); // column 2 uses chroma column 1 (Cr 240)
        Assert.True(Red(0, 2) < Red(0, 0)); // row 2 uses chroma row 1 (Cr 16)
        Assert.Equal(Red(2, 2), Red(0, 0));
    }

    [Theory]
    [InlineData(576, 0.299)]
    [InlineData(480, 0.299)]
    [InlineData(720, 0.2126)]
    [InlineData(1080, 0.2126)]
    public void ForMatrix_Unspecified_PicksBt601ForSdAndBt709Otherwise(int height, double expectedKr)
    {
        LumaCoefficients? k = LumaCoefficients.ForMatrix(2, height);

        Assert.Equal(expectedKr, k!.Value.Kr);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(14)]
    [InlineData(200)]
    public void Constructor_UnsupportedMatrix_ThrowsNotSupported(byte matrix)
    {
        var e = Assert.Throws<NotSupportedException>(() => new YuvToRgb(new ColorDescription { Matrix = matrix }, 8, 100, 8));

        Assert.Contains(matrix.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_FrameOfOtherBitDepth_ThrowsArgumentException()
    {
        var converter = new YuvToRgb(ColorDescription.Unspecified, 10, 4, 8);

        Assert.Throws<ArgumentException>(() => converter.Convert(Filled(ChromaFormat.Yuv420, 8, 0, 0, 0), new byte[48]));
    }

    [Fact]
    public void FixedCoefficients_Bt709Limited8Bit_AreTheDocumentedRoundedValues()
    {
        var converter = new YuvToRgb(new ColorDescription { Matrix = 1 }, 8, 720, 8);

        // cY = 255/219·2^20, cRV = 2(1 − 0.2126)·255/224·2^20, cBU = 2(1 − 0.0722)·255/224·2^20.
        (long cy, long crv, long cgu, long cgv, long cbu) = converter.FixedCoefficients;
        Assert.Equal((long)Math.Round(255.0 / 219 * (1 << 20), MidpointRounding.AwayFromZero), cy);
        Assert.Equal(1220945, cy);
        Assert.Equal((long)Math.Round(2 * (1 - 0.2126) * 255 / 224 * (1 << 20), MidpointRounding.AwayFromZero), crv);
        Assert.True(cgu < 0 && cgv < 0);
        Assert.Equal((long)Math.Round(2 * (1 - 0.0722) * 255 / 224 * (1 << 20), MidpointRounding.AwayFromZero), cbu);
    }
}
