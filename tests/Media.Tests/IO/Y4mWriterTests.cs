using System.Text;
using Asmr.Container;
using Asmr.Media.IO;
using Asmr.Decoder.Video;

namespace Asmr.Media.Tests.IO;

public sealed class Y4mWriterTests
{
    private static SequenceHeader Header(int w, int h, ChromaFormat chroma, int depth, ColorDescription? color = null) => new()
    {
        Width = w,
        Height = h,
        FrameCount = 0,
        FrameRate = new Rational(30000, 1001),
        ChromaFormat = chroma,
        BitDepth = depth,
        Color = color ?? ColorDescription.Unspecified,
    };

    private static VideoFrame Random(int w, int h, ChromaFormat chroma, int depth, int seed)
    {
        var frame = new VideoFrame(w, h, chroma, depth);
        var random = new Random(seed);
        foreach (ushort[] plane in frame.Planes)
        {
            for (int i = 0; i < plane.Length; i++)
            {
                plane[i] = (ushort)random.Next(frame.MaxValue + 1);
            }
        }

        return frame;
    }

    [Theory]
    [InlineData(5, 3, ChromaFormat.Yuv420, 8)]
    [InlineData(5, 3, ChromaFormat.Yuv422, 10)]
    [InlineData(4, 4, ChromaFormat.Yuv444, 12)]
    [InlineData(7, 1, ChromaFormat.Mono400, 16)]
    [InlineData(1, 7, ChromaFormat.Yuv420, 9)]
    public void WriteFrame_ThenRead_RoundTripsSamplesAndHeader(int w, int h, ChromaFormat chroma, int depth)
    {
        var color = new ColorDescription { FullRange = true, ChromaSamplePosition = 1 };
        SequenceHeader header = Header(w, h, chroma, depth, color);
        VideoFrame[] frames = [Random(w, h, chroma, depth, 1), Random(w, h, chroma, depth, 2)];
        using var ms = new MemoryStream();
        using (var writer = new Y4mWriter(ms, header, leaveOpen: true))
        {
            foreach (VideoFrame f in frames)
            {
                writer.WriteFrame(f);
            }

            writer.Complete();
        }

        ms.Position = 0;
        using var reader = new Y4mReader(ms);
        List<VideoFrame> back = reader.ReadFrames().ToList();

        Assert.Equal(2, reader.Header.FrameCount);
        Assert.Equal((w, h, chroma, depth), (reader.Header.Width, reader.Header.Height, reader.Header.ChromaFormat, reader.Header.BitDepth));
        Assert.Equal(header.FrameRate, reader.Header.FrameRate);
        Assert.True(reader.Header.Color.FullRange);
        for (int i = 0; i < 2; i++)
        {
            for (int p = 0; p < frames[i].PlaneCount; p++)
            {
                Assert.Equal(frames[i].Planes[p], back[i].Planes[p]);
            }
        }
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv420, 8, 1, false, "YUV4MPEG2 W8 H6 F30000:1001 Ip A0:0 C420mpeg2\n")]
    [InlineData(ChromaFormat.Yuv420, 8, 2, false, "YUV4MPEG2 W8 H6 F30000:1001 Ip A0:0 C420paldv\n")]
    [InlineData(ChromaFormat.Yuv420, 8, 0, true, "YUV4MPEG2 W8 H6 F30000:1001 Ip A0:0 C420jpeg XCOLORRANGE=FULL\n")]
    [InlineData(ChromaFormat.Yuv444, 10, 0, false, "YUV4MPEG2 W8 H6 F30000:1001 Ip A0:0 C444p10 XYSCSS=444P10\n")]
    [InlineData(ChromaFormat.Mono400, 8, 0, false, "YUV4MPEG2 W8 H6 F30000:1001 Ip A0:0 Cmono\n")]
    public void HeaderLine_FormatAndRange_WritesTheMatchingTags(ChromaFormat chroma, int depth, byte siting, bool full, string expected)
    {
        string line = Y4mWriter.HeaderLine(Header(8, 6, chroma, depth, new ColorDescription { FullRange = full, ChromaSamplePosition = siting }));

        Assert.Equal(expected, line);
    }

    [Fact]
    public void Create_TenBitFullRangeFile_IsReadByFfprobeWithTheSameFormat()
    {
        using var tmp = new TempFolder();
        string path = tmp.File("out.y4m");
        using (Y4mWriter writer = Y4mWriter.Create(path, Header(16, 8, ChromaFormat.Yuv422, 10, new ColorDescription { FullRange = true })))
        {
            writer.WriteFrame(Random(16, 8, ChromaFormat.Yuv422, 10, 3));
            writer.WriteFrame(Random(16, 8, ChromaFormat.Yuv422, 10, 4));
            writer.Complete();
        }

        string probe = TestMedia.Ffprobe("-count_frames", "-show_entries", "stream=width,height,pix_fmt,color_range,nb_read_frames", "-of", "default=nw=1", path);

        Assert.Contains("pix_fmt=yuv422p10le", probe, StringComparison.Ordinal);
        Assert.Contains("color_range=pc", probe, StringComparison.Ordinal);
        Assert.Contains("nb_read_frames=2", probe, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_WithoutComplete_LeavesNoFileAndNoTemporary()
    {
        using var tmp = new TempFolder();
        string path = tmp.File("out.y4m");

        using (Y4mWriter writer = Y4mWriter.Create(path, Header(4, 4, ChromaFormat.Yuv420, 8)))
        {
            writer.WriteFrame(Random(4, 4, ChromaFormat.Yuv420, 8, 1));
            Assert.Single(Directory.GetFiles(tmp.Path)); // only the temporary file so far
            Assert.False(File.Exists(path));
        }

        Assert.Empty(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void Create_ExistingFile_IsReplacedOnlyOnComplete()
    {
        using var tmp = new TempFolder();
        string path = tmp.File("out.y4m");
        File.WriteAllText(path, "old");
        using Y4mWriter writer = Y4mWriter.Create(path, Header(4, 4, ChromaFormat.Yuv420, 8));
        writer.WriteFrame(Random(4, 4, ChromaFormat.Yuv420, 8, 1));

        Assert.Equal("old", File.ReadAllText(path));
        writer.Complete();
        Assert.StartsWith("YUV4MPEG2 W4 H4", Encoding.ASCII.GetString(File.ReadAllBytes(path)), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void WriteFrame_SampleAboveBitDepth_ThrowsArgumentException()
    {
        using var writer = new Y4mWriter(new MemoryStream(), Header(2, 2, ChromaFormat.Mono400, 10));
        var frame = new VideoFrame(2, 2, ChromaFormat.Mono400, 10);
        frame.Planes[0][3] = 1024;

        Assert.Throws<ArgumentException>(() => writer.WriteFrame(frame));
    }

    [Fact]
    public void WriteFrame_OtherSize_ThrowsArgumentException()
    {
        using var writer = new Y4mWriter(new MemoryStream(), Header(4, 4, ChromaFormat.Yuv420, 8));

        Assert.Throws<ArgumentException>(() => writer.WriteFrame(new VideoFrame(4, 2, ChromaFormat.Yuv420, 8)));
    }

    [Fact]
    public void Create_MissingFolder_ThrowsDirectoryNotFound()
    {
        Assert.Throws<DirectoryNotFoundException>(() => Y4mWriter.Create("/nonexistent-folder/x.y4m", Header(4, 4, ChromaFormat.Yuv420, 8)));
    }
}
