using System.Diagnostics;
using Asmr.Container;
using Asmr.Media.Color;
using Asmr.Media.IO;
using Asmr.Decoder.Video;

namespace Asmr.Media.Tests.IO;

public sealed class FfmpegVideoSourceTests
{
    private static void AssertSameFrames(IEnumerable<VideoFrame> expected, IEnumerable<VideoFrame> actual)
    {
        VideoFrame[] e = expected.ToArray();
        VideoFrame[] a = actual.ToArray();
        Assert.Equal(e.Length, a.Length);
        for (int i = 0; i < e.Length; i++)
        {
            for (int p = 0; p < e[i].PlaneCount; p++)
            {
                Assert.True(e[i].Planes[p].AsSpan().SequenceEqual(a[i].Planes[p]), $"frame {i} plane {p} differs");
            }
        }
    }

    [Fact]
    public void Open_AkiyoMp4FirstTenFrames_EqualTheSharedY4mFrames()
    {
        using FfmpegVideoSource source = FfmpegVideoSource.Open(TestMedia.Clip("akiyo_352x288.mp4"), new VideoSourceOptions { MaxFrames = 10 });
        using Y4mReader reference = Y4mReader.Open(TestMedia.AkiyoY4m);

        Assert.Equal((352, 288, ChromaFormat.Yuv420, 8), (source.Header.Width, source.Header.Height, source.Header.ChromaFormat, source.Header.BitDepth));
        Assert.Equal(new Rational(25, 1), source.Header.FrameRate);
        Assert.Equal("yuv420p", source.DeliveredPixelFormat);
        Assert.Equal(300, source.DeclaredFrameCount);
        AssertSameFrames(reference.ReadFrames(), source.ReadFrames());
        Assert.Equal(10, source.FramesRead);
    }

    [Fact]
    public void Open_ForemanStartAndMax_DeliversExactlyThoseFrames()
    {
        using FfmpegVideoSource source = FfmpegVideoSource.Open(TestMedia.Clip("foreman_352x288.mp4"), new VideoSourceOptions { Start = 3, MaxFrames = 4 });
        using Y4mReader reference = Y4mReader.Open(TestMedia.ForemanY4m, new VideoSourceOptions { Start = 3, MaxFrames = 4 });

        Assert.Equal(new Rational(30000, 1001), source.Header.FrameRate);
        AssertSameFrames(reference.ReadFrames(), source.ReadFrames());
    }

    [Fact]
    public void Open_CountFrames_GivesExactFrameCountAndDeliversThatMany()
    {
        using FfmpegVideoSource source = FfmpegVideoSource.Open(TestMedia.Clip("webcam_talk_1280x720.mp4"), new VideoSourceOptions { CountFrames = true, Start = 4 });

        Assert.Equal(15, source.Header.FrameCount);
        Assert.Equal(15, source.ReadFrames().Count());
    }

    [Fact]
    public void A_clip_ffmpeg_decodes_before_the_reader_starts_still_delivers_every_frame()
    {
        // ffmpeg writes these four tiny frames and exits within milliseconds, usually before the reader has started;
        // every open must still deliver all four (a reader whose pipe closed when ffmpeg exited delivered none).
        using var tmp = new TempFolder();
        string clip = tmp.File("tiny.mkv");
        TestMedia.Ffmpeg("-f", "lavfi", "-i", "testsrc=s=16x16:r=25:d=1", "-frames:v", "4", "-c:v", "ffv1", "-pix_fmt", "yuv420p", clip);
        for (int run = 0; run < 20; run++)
        {
            using FfmpegVideoSource source = FfmpegVideoSource.Open(clip);
            Thread.Sleep(run % 4 * 10); // let ffmpeg finish first on most runs
            Assert.Equal(4, source.ReadFrames().Count());
        }
    }

    [Fact]
    public void Open_WithoutCountFrames_ReportsUnknownCount()
    {
        using FfmpegVideoSource source = FfmpegVideoSource.Open(TestMedia.Clip("webcam_talk_1280x720.mp4"));

        Assert.Equal(0, source.Header.FrameCount);
    }

    [Fact]
    public void Open_FullRangeRawH264_ReportsFullRangeAndKeepsSamples()
    {
        string clip = TestMedia.Clip("street_pan_1920x1080_25fps.h264");
        using FfmpegVideoSource source = FfmpegVideoSource.Open(clip, new VideoSourceOptions { MaxFrames = 1 });
        VideoFrame frame = source.CreateFrame();

        Assert.True(source.TryReadFrame(frame));
        Assert.True(source.Header.Color.FullRange);
        Assert.Equal("yuvj420p", source.SourcePixelFormat);
        Assert.Equal("yuvj420p", source.DeliveredPixelFormat);
        byte[] raw = TestMedia.FfmpegBytes("-i", clip, "-frames:v", "1", "-f", "rawvideo");
        Assert.Equal(raw.Length, frame.Planes.Sum(p => p.Length));
        Assert.Equal(raw[..1920], frame.Planes[0][..1920].Select(v => (byte)v).ToArray());
        Assert.False(source.TryReadFrame(frame));
    }

    [Fact]
    public void Open_Vp8Webm_DecodesAllFrames()
    {
        using FfmpegVideoSource source = FfmpegVideoSource.Open(TestMedia.Clip("stream_of_water_480x360.webm"));

        Assert.Equal(90, source.ReadFrames().Count());
    }

    [Fact]
    public void Open_RgbPng_IsConvertedToBt709FullRange444ThatConvertsBackWithin2()
    {
        string png = Path.Combine(TestMedia.Root, "images", "kodak", "kodim23.png");
        using FfmpegVideoSource source = FfmpegVideoSource.Open(png);
        VideoFrame frame = source.CreateFrame();
        Assert.True(source.TryReadFrame(frame));

        Assert.Equal(ChromaFormat.Yuv444, source.Header.ChromaFormat);
        Assert.Equal("yuv444p", source.DeliveredPixelFormat);
        Assert.Equal((1, true), (source.Header.Color.Matrix, source.Header.Color.FullRange));
        var rgb = new byte[frame.Width * frame.Height * 3];
        new YuvToRgb(source.Header.Color, 8, frame.Height, 8).Convert(frame, rgb);
        byte[] original = TestMedia.FfmpegBytes("-i", png, "-f", "rawvideo", "-pix_fmt", "rgb24");
        int max = 0;
        for (int i = 0; i < rgb.Length; i++)
        {
            max = Math.Max(max, Math.Abs(rgb[i] - original[i]));
        }

        Assert.InRange(max, 0, 2);
    }

    [Fact]
    public void Open_Mpeg4Avi_DecodesEveryFrameCloseToTheSource()
    {
        using var tmp = new TempFolder();
        string avi = tmp.File("akiyo.avi");
        TestMedia.Ffmpeg("-i", TestMedia.AkiyoY4m, "-c:v", "mpeg4", "-q:v", "2", avi);
        using FfmpegVideoSource source = FfmpegVideoSource.Open(avi);
        using Y4mReader reference = Y4mReader.Open(TestMedia.AkiyoY4m);

        Asmr.Media.Metrics.SequenceQuality q = Asmr.Media.Metrics.QualityMetrics.Compare(reference, source);

        Assert.Equal(10, q.FrameCount);
        Assert.InRange(q.PsnrY, 35, 99);
    }

    [Fact]
    public void Open_TenBitMkv_DeliversTenBitSamples()
    {
        using var tmp = new TempFolder();
        string mkv = tmp.File("a10.mkv");
        TestMedia.Ffmpeg("-i", TestMedia.AkiyoY4m, "-frames:v", "3", "-c:v", "ffv1", "-pix_fmt", "yuv422p10le", mkv);
        using FfmpegVideoSource source = FfmpegVideoSource.Open(mkv);
        byte[] raw = TestMedia.FfmpegBytes("-i", mkv, "-f", "rawvideo");

        List<VideoFrame> frames = source.ReadFrames().ToList();

        Assert.Equal((ChromaFormat.Yuv422, 10), (source.Header.ChromaFormat, source.Header.BitDepth));
        byte[] ours = frames.SelectMany(f => f.Planes.SelectMany(p => p)).SelectMany(v => new[] { (byte)v, (byte)(v >> 8) }).ToArray();
        Assert.Equal(raw, ours);
    }

    [Fact]
    public void Open_Rotated90Mp4_DeliversUprightFramesWithSwappedSize()
    {
        using var tmp = new TempFolder();
        string plain = tmp.File("plain.mp4");
        string rotated = tmp.File("rotated.mp4");
        TestMedia.Ffmpeg("-i", TestMedia.AkiyoY4m, "-frames:v", "2", "-c:v", "libx264", "-preset", "ultrafast", plain);
        TestMedia.Ffmpeg("-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated);
        byte[] upright = TestMedia.FfmpegBytes("-i", rotated, "-f", "rawvideo");
        using FfmpegVideoSource source = FfmpegVideoSource.Open(rotated);

        List<VideoFrame> frames = source.ReadFrames().ToList();

        Assert.Equal((288, 352), (source.Header.Width, source.Header.Height));
        Assert.Equal(2, frames.Count);
        Assert.Equal(upright[..(288 * 352)], frames[0].Planes[0].Select(v => (byte)v).ToArray());
    }

    [Fact]
    public void Open_NotAVideo_ThrowsInvalidData()
    {
        using var tmp = new TempFolder();
        string junk = tmp.File("junk.mp4");
        File.WriteAllBytes(junk, new byte[5000]);

        Assert.Throws<InvalidDataException>(() => FfmpegVideoSource.Open(junk));
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => FfmpegVideoSource.Open("/nonexistent/x.mp4"));
    }

    [Fact]
    public void Open_ToolFolderWithoutFfmpeg_ThrowsMediaToolMissing()
    {
        using var tmp = new TempFolder();

        var e = Assert.Throws<MediaToolMissingException>(
            () => FfmpegVideoSource.Open(TestMedia.Clip("akiyo_352x288.mp4"), new VideoSourceOptions { ToolFolder = tmp.Path }));

        Assert.Equal("ffmpeg", e.ToolName);
        // What is missing and where it was looked for; how to install it is the caller's hint (the CLI's), not repeated here.
        Assert.Equal($"ffmpeg was not found in {tmp.Path}.", e.Message);
    }

    [Fact]
    public void Locate_EmptyPath_ThrowsMediaToolMissing()
    {
        Assert.Throws<MediaToolMissingException>(() => MediaTools.Locate("ffprobe", null, pathVariable: string.Empty));
    }

    [Fact]
    public void Dispose_AfterOneFrameOfLongClip_StopsFfmpegQuickly()
    {
        var watch = Stopwatch.StartNew();
        using (FfmpegVideoSource source = FfmpegVideoSource.Open(TestMedia.Clip("white_flower_1280x720_30fps.h264")))
        {
            Assert.True(source.TryReadFrame(source.CreateFrame()));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Dispose_ImmediatelyAfterOpen_ReturnsPromptly()
    {
        var watch = Stopwatch.StartNew();

        FfmpegVideoSource.Open(TestMedia.Clip("bigbuckbunny_1280x720.mp4")).Dispose();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
    }

    [Fact]
    public void TryReadFrame_CancelledToken_ThrowsOperationCanceled()
    {
        using FfmpegVideoSource source = FfmpegVideoSource.Open(TestMedia.Clip("akiyo_352x288.mp4"));
        VideoFrame frame = source.CreateFrame();
        using var cts = new CancellationTokenSource();

        // Drain what is already queued, then cancel the wait for the next frame.
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            while (source.TryReadFrame(frame, cts.Token))
            {
            }
        });
    }

    [Fact]
    public void TryReadFrame_StartBeyondEnd_ReturnsFalseWithoutHanging()
    {
        using FfmpegVideoSource source = FfmpegVideoSource.Open(TestMedia.Clip("webcam_talk_1280x720.mp4"), new VideoSourceOptions { Start = 100 });

        Assert.False(source.TryReadFrame(source.CreateFrame()));
    }
}
