using Asmr.Container;
using Asmr.Media.Color;
using Asmr.Media.IO;
using Asmr.Decoder.Video;

namespace Asmr.Media.Tests.IO;

public sealed class PngWriterTests
{
    private static VideoFrame FirstAkiyoFrame()
    {
        using Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m);
        VideoFrame frame = reader.CreateFrame();
        Assert.True(reader.TryReadFrame(frame));
        return frame;
    }

    [Fact]
    public void WriteFile_AkiyoFrame_DecodesInFfmpegToExactlyOurRgb()
    {
        using var tmp = new TempFolder();
        string png = tmp.File("akiyo.png");
        VideoFrame frame = FirstAkiyoFrame();
        var color = new ColorDescription { Matrix = 6 };

        PngWriter.WriteFile(png, frame, color);

        byte[] decoded = TestMedia.FfmpegBytes("-i", png, "-f", "rawvideo", "-pix_fmt", "rgb24");
        var expected = new byte[352 * 288 * 3];
        new YuvToRgb(color, 8, 288, 8).Convert(frame, expected);
        Assert.Equal(expected, decoded);
        Assert.Single(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void Write_TenBitFrame_Writes16BitPngThatFfmpegDecodesExactly()
    {
        var frame = new VideoFrame(5, 3, ChromaFormat.Yuv420, 10);
        var random = new Random(7);
        foreach (ushort[] plane in frame.Planes)
        {
            for (int i = 0; i < plane.Length; i++)
            {
                plane[i] = (ushort)random.Next(64, 940);
            }
        }

        using var tmp = new TempFolder();
        string png = tmp.File("p16.png");
        var color = new ColorDescription { Matrix = 9 };
        PngWriter.WriteFile(png, frame, color);

        string probe = TestMedia.Ffprobe("-show_entries", "stream=pix_fmt,width,height", "-of", "default=nw=1", png);
        Assert.Contains("pix_fmt=rgb48be", probe, StringComparison.Ordinal);
        byte[] decoded = TestMedia.FfmpegBytes("-i", png, "-f", "rawvideo", "-pix_fmt", "rgb48le");
        var expected = new ushort[5 * 3 * 3];
        new YuvToRgb(color, 10, 3, 16).Convert(frame, expected);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], decoded[2 * i] | (decoded[(2 * i) + 1] << 8));
        }
    }

    [Fact]
    public void Write_StreamHasSignatureIhdrAndIend()
    {
        using var ms = new MemoryStream();

        PngWriter.Write(ms, new VideoFrame(2, 2, ChromaFormat.Mono400, 8), ColorDescription.Unspecified);

        byte[] bytes = ms.ToArray();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        Assert.Equal("IEND"u8.ToArray(), bytes[^8..^4]);
    }

    [Fact]
    public void PngSequenceWriter_ThreeFrames_WritesNumberedFilesFromOne()
    {
        using var tmp = new TempFolder();
        var header = new SequenceHeader { Width = 352, Height = 288, FrameCount = 3, FrameRate = new Rational(25, 1) };
        using Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m, new VideoSourceOptions { MaxFrames = 3 });
        using var sink = new PngSequenceWriter(Path.Combine(tmp.Path, "frame_%04d.png"), header);

        foreach (VideoFrame frame in reader.ReadFrames())
        {
            sink.WriteFrame(frame);
        }

        sink.Complete();
        Assert.Equal(3, sink.FramesWritten);
        Assert.Equal(["frame_0001.png", "frame_0002.png", "frame_0003.png"], Directory.GetFiles(tmp.Path).Select(Path.GetFileName).Order());
        string probe = TestMedia.Ffprobe("-show_entries", "stream=width,height", "-of", "csv=p=0", tmp.File("frame_0003.png"));
        Assert.Equal("352,288", probe.Trim());
    }

    [Fact]
    public void PngSequenceWriter_DisposedBeforeComplete_LeavesNoFile()
    {
        using var tmp = new TempFolder();
        var header = new SequenceHeader { Width = 352, Height = 288, FrameCount = 2, FrameRate = new Rational(25, 1) };
        using Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m, new VideoSourceOptions { MaxFrames = 2 });
        using (var sink = new PngSequenceWriter(Path.Combine(tmp.Path, "frame_%04d.png"), header))
        {
            foreach (VideoFrame frame in reader.ReadFrames())
            {
                sink.WriteFrame(frame);
            }

            Assert.Equal(2, Directory.GetFiles(tmp.Path).Length);
            Assert.Empty(Directory.GetFiles(tmp.Path, "frame_*"));
        }

        Assert.Empty(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void PngSequenceWriter_WithoutOverwrite_RefusesAtCompleteWhenALaterNameExists()
    {
        using var tmp = new TempFolder();
        var header = new SequenceHeader { Width = 352, Height = 288, FrameCount = 2, FrameRate = new Rational(25, 1) };
        File.WriteAllText(tmp.File("frame_2.png"), "mine");
        using Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m, new VideoSourceOptions { MaxFrames = 2 });
        using (var sink = new PngSequenceWriter(Path.Combine(tmp.Path, "frame_%d.png"), header, overwrite: false))
        {
            foreach (VideoFrame frame in reader.ReadFrames())
            {
                sink.WriteFrame(frame);
            }

            Assert.Equal([tmp.File("frame_2.png")], sink.ExistingFiles(2));
            Assert.Throws<IOException>(() => sink.Complete());
        }

        Assert.Equal(["frame_2.png"], Directory.GetFiles(tmp.Path).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(tmp.File("frame_2.png")));
    }

    [Fact]
    public void PngSequenceWriter_SingleName_TakesOneFrameOnly()
    {
        using var tmp = new TempFolder();
        var header = new SequenceHeader { Width = 352, Height = 288, FrameCount = 2, FrameRate = new Rational(25, 1) };
        using Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m, new VideoSourceOptions { MaxFrames = 2 });
        VideoFrame[] frames = [.. reader.ReadFrames()];
        using var sink = new PngSequenceWriter(tmp.File("one.png"), header);

        sink.WriteFrame(frames[0]);
        Assert.Throws<InvalidOperationException>(() => sink.WriteFrame(frames[1]));
        sink.Complete();

        Assert.Equal(["one.png"], Directory.GetFiles(tmp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("frame_%d.png", 7, "frame_7.png")]
    [InlineData("frame_%04d.png", 7, "frame_0007.png")]
    [InlineData("100%%_%03d.png", 12, "100%_012.png")]
    [InlineData("%09d", 5, "000000005")]
    [InlineData("frame_%4d.png", 7, "frame_0007.png")]
    public void FramePathPattern_ValidPattern_FormatsLikePrintf(string pattern, int number, string expected)
    {
        Assert.Equal(expected, FramePathPattern.Parse(pattern).Format(number));
    }

    [Theory]
    [InlineData("frame.png")]
    [InlineData("frame_%s.png")]
    [InlineData("frame_%d_%d.png")]
    [InlineData("frame_%00d.png")]
    [InlineData("frame_%x.png")]
    [InlineData("frame_%")]
    public void FramePathPattern_InvalidPattern_ThrowsArgumentException(string pattern)
    {
        Assert.Throws<ArgumentException>(() => FramePathPattern.Parse(pattern));
    }
}
