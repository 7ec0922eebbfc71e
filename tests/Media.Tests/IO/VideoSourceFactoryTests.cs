using Asmr.Media.IO;

namespace Asmr.Media.Tests.IO;

public sealed class VideoSourceFactoryTests
{
    [Fact]
    public void Open_StdinWithY4m_ReadsItWithoutFfmpegAndWithUnknownCount()
    {
        using var stdin = new NonSeekableStream(File.OpenRead(TestMedia.AkiyoY4m));

        using IVideoSource source = VideoSourceFactory.Open("-", new VideoSourceOptions { MaxFrames = 4 }, stdin, default);

        Assert.IsType<Y4mReader>(source);
        Assert.Equal(0, source.Header.FrameCount);
        Assert.Equal(4, source.ReadFrames().Count());
    }

    [Fact]
    public void Open_StdinWithMp4_ThrowsInvalidDataSayingStdinMustBeY4m()
    {
        using var stdin = new NonSeekableStream(File.OpenRead(TestMedia.Clip("akiyo_352x288.mp4")));

        var e = Assert.Throws<InvalidDataException>(() => VideoSourceFactory.Open("-", null, stdin, default));

        Assert.Contains("Standard input must be a YUV4MPEG2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Y4mPathWithOtherExtension_IsSniffedAsY4m()
    {
        using var tmp = new TempFolder();
        string path = tmp.File("clip.bin");
        File.Copy(TestMedia.ForemanY4m, path);

        using IVideoSource source = VideoSourceFactory.Open(path);

        Assert.IsType<Y4mReader>(source);
        Assert.Equal(10, source.Header.FrameCount);
    }

    [Fact]
    public void Open_Mp4Path_UsesFfmpeg()
    {
        using IVideoSource source = VideoSourceFactory.Open(TestMedia.Clip("film_bw_friday_640x480.mp4"), new VideoSourceOptions { MaxFrames = 2 });

        Assert.IsType<FfmpegVideoSource>(source);
        Assert.Equal(2, source.ReadFrames().Count());
    }

    [Fact]
    public void Open_MissingPath_ThrowsFileNotFound()
    {
        var e = Assert.Throws<FileNotFoundException>(() => VideoSourceFactory.Open("/nonexistent/clip.mkv"));

        Assert.Equal("/nonexistent/clip.mkv", e.FileName);
    }

    [Fact]
    public void Open_Y4mPath_NeedsNoFfmpeg()
    {
        using var tmp = new TempFolder();

        using IVideoSource source = VideoSourceFactory.Open(TestMedia.AkiyoY4m, new VideoSourceOptions { ToolFolder = tmp.Path });

        Assert.Equal(10, source.ReadFrames().Count());
    }
}
