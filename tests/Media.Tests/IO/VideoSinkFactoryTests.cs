using Asmr.Container;
using Asmr.Media.IO;

namespace Asmr.Media.Tests.IO;

public sealed class VideoSinkFactoryTests
{
    private static readonly SequenceHeader Header = new() { Width = 16, Height = 16, FrameCount = 1, FrameRate = new Rational(25, 1) };

    [Theory]
    [InlineData("out.y4m", typeof(Y4mWriter))]
    [InlineData("OUT.Y4M", typeof(Y4mWriter))]
    [InlineData("f_%03d.png", typeof(PngSequenceWriter))]
    [InlineData("out.mkv", typeof(FfmpegVideoSink))]
    [InlineData("out.mp4", typeof(FfmpegVideoSink))]
    public void Create_ByExtension_PicksTheSink(string name, Type expected)
    {
        using var tmp = new TempFolder();

        using IVideoSink sink = VideoSinkFactory.Create(tmp.File(name), Header);

        Assert.IsType(expected, sink);
    }

    [Fact]
    public void Create_SinglePngPath_ThrowsArgumentExceptionAskingForAPattern()
    {
        using var tmp = new TempFolder();

        var e = Assert.Throws<ArgumentException>(() => VideoSinkFactory.Create(tmp.File("still.png"), Header));

        Assert.Contains("%04d", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FfmpegVideoSink_StandardOutput_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new FfmpegVideoSink("-", Header));
    }
}
