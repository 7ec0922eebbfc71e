using Asmr.Container;
using Asmr.Media.IO;

namespace Asmr.Media.Tests.IO;

public sealed class FfmpegMappingTests
{
    [Theory]
    [InlineData("yuv420p", "yuv420p", ChromaFormat.Yuv420, 8, false, false)]
    [InlineData("yuv422p10le", "yuv422p10le", ChromaFormat.Yuv422, 10, false, false)]
    [InlineData("yuv444p12be", "yuv444p12le", ChromaFormat.Yuv444, 12, false, false)]
    [InlineData("yuv420p16le", "yuv420p16le", ChromaFormat.Yuv420, 16, false, false)]
    [InlineData("yuvj420p", "yuvj420p", ChromaFormat.Yuv420, 8, true, false)]
    [InlineData("yuvj444p", "yuvj444p", ChromaFormat.Yuv444, 8, true, false)]
    [InlineData("gray", "gray", ChromaFormat.Mono400, 8, false, false)]
    [InlineData("gray10le", "gray10le", ChromaFormat.Mono400, 10, false, false)]
    [InlineData("nv12", "yuv420p", ChromaFormat.Yuv420, 8, false, false)]
    [InlineData("p010le", "yuv420p10le", ChromaFormat.Yuv420, 10, false, false)]
    [InlineData("yuva420p", "yuv420p", ChromaFormat.Yuv420, 8, false, false)]
    [InlineData("yuv411p", "yuv420p", ChromaFormat.Yuv420, 8, false, false)]
    [InlineData("rgb24", "yuv444p", ChromaFormat.Yuv444, 8, false, true)]
    [InlineData("rgba", "yuv444p", ChromaFormat.Yuv444, 8, false, true)]
    [InlineData("pal8", "yuv444p", ChromaFormat.Yuv444, 8, false, true)]
    [InlineData("rgb48be", "yuv444p16le", ChromaFormat.Yuv444, 16, false, true)]
    [InlineData("gbrp10le", "yuv444p10le", ChromaFormat.Yuv444, 10, false, true)]
    public void Map_PixelFormat_GivesNearestSupportedLayout(string source, string output, ChromaFormat format, int depth, bool jpeg, bool rgb)
    {
        FfmpegPixelFormat m = FfmpegPixelFormat.Map(source);

        Assert.Equal((output, format, depth, jpeg, rgb), (m.OutputName, m.Format, m.BitDepth, m.FullRangeFormat, m.Rgb));
    }

    [Theory]
    [InlineData("bt709", "bt709", "bt709", 1, 1, 1)]
    [InlineData("bt2020", "smpte2084", "bt2020nc", 9, 16, 9)]
    [InlineData("smpte170m", "smpte170m", "smpte170m", 6, 6, 6)]
    [InlineData("bt470bg", "gamma28", "bt470bg", 5, 5, 5)]
    [InlineData(null, null, null, 2, 2, 2)]
    [InlineData("unknown", "arib-std-b67", "gbr", 2, 18, 0)]
    public void ColorNames_FfprobeNames_MapToH273(string? primaries, string? transfer, string? matrix, byte p, byte t, byte m)
    {
        Assert.Equal((p, t, m), (FfmpegColorNames.Primaries(primaries), FfmpegColorNames.Transfer(transfer), FfmpegColorNames.Matrix(matrix)));
    }

    [Fact]
    public void ColorNames_Names_RoundTripForEncoderFlags()
    {
        Assert.Equal("bt709", FfmpegColorNames.MatrixName(1));
        Assert.Equal("bt2020nc", FfmpegColorNames.MatrixName(9));
        Assert.Equal("bt470m", FfmpegColorNames.TransferName(4));
        Assert.Equal("iec61966-2-1", FfmpegColorNames.TransferName(13));
        Assert.Null(FfmpegColorNames.PrimariesName(2));
        Assert.Equal("left", FfmpegColorNames.ChromaLocationName(1));
    }

    [Fact]
    public void BuildArguments_FullRangeBt709_EmitsColourFlagsOnInputAndOutput()
    {
        var header = new SequenceHeader
        {
            Width = 64,
            Height = 48,
            FrameCount = 1,
            FrameRate = new Rational(30000, 1001),
            Color = ColorDescription.Bt709 with { FullRange = true },
        };

        string args = string.Join(' ', FfmpegVideoSink.BuildArguments(header, FfmpegSinkOptions.Default, "/tmp/x.mp4"));

        Assert.Contains("-f rawvideo -pix_fmt yuv420p -s 64x48 -r 30000/1001", args, StringComparison.Ordinal);
        Assert.Contains("-c:v libx264 -preset medium -crf 18 -pix_fmt yuv420p -color_range pc -colorspace bt709 -color_primaries bt709 -color_trc bt709 -chroma_sample_location left", args, StringComparison.Ordinal);
        Assert.EndsWith("-movflags +faststart -y /tmp/x.mp4", args, StringComparison.Ordinal);
    }
}
