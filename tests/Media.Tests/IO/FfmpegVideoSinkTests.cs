using Asmr.Container;
using Asmr.Media.IO;
using Asmr.Media.Metrics;
using Asmr.Decoder.Video;

namespace Asmr.Media.Tests.IO;

public sealed class FfmpegVideoSinkTests
{
    private static SequenceHeader AkiyoHeader(ColorDescription color) => new()
    {
        Width = 352,
        Height = 288,
        FrameCount = 10,
        FrameRate = new Rational(25, 1),
        Color = color,
    };

    [Fact]
    public void Complete_AkiyoTenFrames_WritesTaggedMp4ThatDecodesBackClosely()
    {
        using var tmp = new TempFolder();
        string mp4 = tmp.File("akiyo.mp4");
        ColorDescription color = ColorDescription.Bt709;
        using (var sink = new FfmpegVideoSink(mp4, AkiyoHeader(color)))
        using (Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m))
        {
            foreach (VideoFrame frame in reader.ReadFrames())
            {
                sink.WriteFrame(frame);
            }

            sink.Complete();
            Assert.Equal(10, sink.FramesWritten);
        }

        string probe = TestMedia.Ffprobe(
            "-count_frames", "-show_entries", "stream=codec_name,pix_fmt,color_range,color_space,color_primaries,color_transfer,nb_read_frames,r_frame_rate",
            "-of", "default=nw=1", mp4);
        Assert.Contains("codec_name=h264", probe, StringComparison.Ordinal);
        Assert.Contains("pix_fmt=yuv420p", probe, StringComparison.Ordinal);
        Assert.Contains("color_range=tv", probe, StringComparison.Ordinal);
        Assert.Contains("color_space=bt709", probe, StringComparison.Ordinal);
        Assert.Contains("color_primaries=bt709", probe, StringComparison.Ordinal);
        Assert.Contains("color_transfer=bt709", probe, StringComparison.Ordinal);
        Assert.Contains("nb_read_frames=10", probe, StringComparison.Ordinal);
        Assert.Contains("r_frame_rate=25/1", probe, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(tmp.Path));

        using Y4mReader reference = Y4mReader.Open(TestMedia.AkiyoY4m);
        using FfmpegVideoSource decoded = FfmpegVideoSource.Open(mp4);
        Assert.Equal(color with { ChromaSamplePosition = decoded.Header.Color.ChromaSamplePosition }, decoded.Header.Color);
        SequenceQuality q = QualityMetrics.Compare(reference, decoded);
        Assert.InRange(q.PsnrY, 40, 99); // CRF 18: close, but really encoded
    }

    [Fact]
    public void Complete_FullRange444TenBitMkv_KeepsFormatAndRange()
    {
        using var tmp = new TempFolder();
        string mkv = tmp.File("out.mkv");
        var header = new SequenceHeader
        {
            Width = 64,
            Height = 48,
            FrameCount = 2,
            FrameRate = new Rational(30000, 1001),
            ChromaFormat = ChromaFormat.Yuv444,
            BitDepth = 10,
            Color = new ColorDescription { Primaries = 9, Transfer = 16, Matrix = 9, FullRange = true },
        };
        using (var sink = new FfmpegVideoSink(mkv, header, new FfmpegSinkOptions { Preset = "ultrafast" }))
        {
            var frame = new VideoFrame(64, 48, ChromaFormat.Yuv444, 10);
            Array.Fill(frame.Planes[0], (ushort)700);
            Array.Fill(frame.Planes[1], (ushort)512);
            Array.Fill(frame.Planes[2], (ushort)512);
            sink.WriteFrame(frame);
            sink.WriteFrame(frame);
            sink.Complete();
        }

        using FfmpegVideoSource source = FfmpegVideoSource.Open(mkv);
        Assert.Equal((ChromaFormat.Yuv444, 10), (source.Header.ChromaFormat, source.Header.BitDepth));
        Assert.Equal(new ColorDescription { Primaries = 9, Transfer = 16, Matrix = 9, FullRange = true }, source.Header.Color);
        Assert.Equal(new Rational(30000, 1001), source.Header.FrameRate);
        VideoFrame back = source.ReadFrames().First();
        Assert.InRange(back.Planes[0][100], 698, 702);
    }

    [Fact]
    public void Dispose_WithoutComplete_KillsFfmpegAndLeavesNoFile()
    {
        using var tmp = new TempFolder();
        string mp4 = tmp.File("partial.mp4");
        using (var sink = new FfmpegVideoSink(mp4, AkiyoHeader(ColorDescription.Unspecified)))
        using (Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m, new VideoSourceOptions { MaxFrames = 3 }))
        {
            foreach (VideoFrame frame in reader.ReadFrames())
            {
                sink.WriteFrame(frame);
            }
        }

        Assert.Empty(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void Complete_NoFrames_ThrowsAndLeavesNoFile()
    {
        using var tmp = new TempFolder();
        using (var sink = new FfmpegVideoSink(tmp.File("empty.mp4"), AkiyoHeader(ColorDescription.Unspecified)))
        {
            Assert.Throws<InvalidOperationException>(() => sink.Complete());
        }

        Assert.Empty(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void Complete_UnknownEncoder_ThrowsIOExceptionWithFfmpegMessageAndLeavesNoFile()
    {
        using var tmp = new TempFolder();
        using (var sink = new FfmpegVideoSink(tmp.File("x.mp4"), AkiyoHeader(ColorDescription.Unspecified), new FfmpegSinkOptions { Codec = "no_such_encoder", Preset = null, Crf = null }))
        {
            var e = Assert.Throws<IOException>(() =>
            {
                using Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m);
                foreach (VideoFrame frame in reader.ReadFrames())
                {
                    sink.WriteFrame(frame);
                }

                sink.Complete();
            });
            Assert.Contains("no_such_encoder", e.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void Constructor_ToolFolderWithoutFfmpeg_ThrowsMediaToolMissingAndLeavesNoFile()
    {
        using var tmp = new TempFolder();

        Assert.Throws<MediaToolMissingException>(
            () => new FfmpegVideoSink(tmp.File("x.mp4"), AkiyoHeader(ColorDescription.Unspecified), new FfmpegSinkOptions { ToolFolder = tmp.Path }));
        Assert.Empty(Directory.GetFiles(tmp.Path));
    }
}
