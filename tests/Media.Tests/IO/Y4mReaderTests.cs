using System.Text;
using Asmr.Container;
using Asmr.Media.IO;
using Asmr.Decoder.Video;

namespace Asmr.Media.Tests.IO;

public sealed class Y4mReaderTests
{
    private const int CifFrameBytes = 352 * 288 * 3 / 2;

    private static Y4mReader FromBytes(byte[] bytes, VideoSourceOptions? options = null, bool seekable = true)
    {
        Stream s = new MemoryStream(bytes);
        return new Y4mReader(seekable ? s : new NonSeekableStream(s), options);
    }

    private static byte[] Y4m(string header, params byte[][] frames)
    {
        using var ms = new MemoryStream();
        ms.Write(Encoding.ASCII.GetBytes(header + "\n"));
        foreach (byte[] f in frames)
        {
            ms.Write("FRAME\n"u8);
            ms.Write(f);
        }

        return ms.ToArray();
    }

    /// <summary>The samples of frame <paramref name="index"/> straight from the file bytes (fixed-size FRAME headers).</summary>
    private static byte[] RawFrame(string path, int index)
    {
        byte[] all = File.ReadAllBytes(path);
        int headerEnd = Array.IndexOf(all, (byte)'\n') + 1;
        int start = headerEnd + (index * (6 + CifFrameBytes)) + 6;
        return all[start..(start + CifFrameBytes)];
    }

    private static byte[] Flatten(VideoFrame frame) => frame.Planes.SelectMany(p => p).Select(v => (byte)v).ToArray();

    [Fact]
    public void Open_AkiyoClip_ParsesHeaderAndCountsFrames()
    {
        using Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m);

        SequenceHeader h = reader.Header;
        Assert.Equal((352, 288, 10), (h.Width, h.Height, h.FrameCount));
        Assert.Equal(new Rational(25, 1), h.FrameRate);
        Assert.Equal((ChromaFormat.Yuv420, 8), (h.ChromaFormat, h.BitDepth));
        Assert.Equal(1, h.Color.ChromaSamplePosition); // C420mpeg2 = left
        Assert.False(h.Color.FullRange);
    }

    [Fact]
    public void Open_ForemanClip_ReportsNtscRateAndCentreSiting()
    {
        using Y4mReader reader = Y4mReader.Open(TestMedia.ForemanY4m);

        Assert.Equal(new Rational(30000, 1001), reader.Header.FrameRate);
        Assert.Equal(3, reader.Header.Color.ChromaSamplePosition); // C420jpeg
    }

    [Fact]
    public void TryReadFrame_AkiyoClip_ReadsTenFramesEqualToFileSamples()
    {
        using Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m);
        VideoFrame frame = reader.CreateFrame();
        int n = 0;

        while (reader.TryReadFrame(frame))
        {
            if (n is 0 or 9)
            {
                Assert.Equal(RawFrame(TestMedia.AkiyoY4m, n), Flatten(frame));
            }

            n++;
        }

        Assert.Equal(10, n);
        Assert.Equal(10, reader.FramesRead);
        Assert.False(reader.TryReadFrame(frame));
    }

    [Theory]
    [InlineData(3, 4, 4)]
    [InlineData(8, 5, 2)]
    [InlineData(12, null, 0)]
    [InlineData(0, 1, 1)]
    public void Options_StartAndMaxFrames_SelectExactFrames(int start, int? max, int expected)
    {
        var options = new VideoSourceOptions { Start = start, MaxFrames = max };
        using Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m, options);

        List<VideoFrame> frames = reader.ReadFrames().ToList();

        Assert.Equal(expected, reader.Header.FrameCount);
        Assert.Equal(expected, frames.Count);
        if (expected > 0)
        {
            Assert.Equal(RawFrame(TestMedia.AkiyoY4m, start), Flatten(frames[0]));
        }
    }

    [Fact]
    public void Open_NonSeekableStream_ReportsUnknownCountAndStillReadsAllFrames()
    {
        using var reader = new Y4mReader(new NonSeekableStream(File.OpenRead(TestMedia.ForemanY4m)), new VideoSourceOptions { Start = 2 });

        Assert.Equal(0, reader.Header.FrameCount);
        Assert.Equal(8, reader.ReadFrames().Count());
    }

    [Fact]
    public void Open_TruncatedSeekableFile_ThrowsInvalidDataWithOffset()
    {
        byte[] bytes = File.ReadAllBytes(TestMedia.AkiyoY4m)[..^100];

        var e = Assert.Throws<InvalidDataException>(() => FromBytes(bytes));

        Assert.Contains("Truncated Y4M frame 9", e.Message, StringComparison.Ordinal);
        Assert.Contains("offset", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadFrame_TruncatedStream_ThrowsInvalidDataAtTheBrokenFrame()
    {
        byte[] bytes = File.ReadAllBytes(TestMedia.AkiyoY4m)[..^100];
        using Y4mReader reader = FromBytes(bytes, seekable: false);
        VideoFrame frame = reader.CreateFrame();
        for (int i = 0; i < 9; i++)
        {
            Assert.True(reader.TryReadFrame(frame));
        }

        var e = Assert.Throws<InvalidDataException>(() => reader.TryReadFrame(frame));
        Assert.Contains("frame 9", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("YUV4MPEG2 W0 H16 F25:1", "width")]
    [InlineData("YUV4MPEG2 W70000 H16 F25:1", "width")]
    [InlineData("YUV4MPEG2 W16 H-4 F25:1", "height")]
    [InlineData("YUV4MPEG2 W16 F25:1", "lacks")]
    [InlineData("YUV4MPEG2 W16 H16 F25", "frame rate")]
    [InlineData("YUV4MPEG2 W16 H16 F0:1", "frame rate")]
    [InlineData("YUV4MPEG2 W16 H16 It", "Interlaced")]
    [InlineData("YUV4MPEG2 W16 H16 Ib", "Interlaced")]
    [InlineData("YUV4MPEG2 W16 H16 C411", "colour space")]
    [InlineData("YUV4MPEG2 W16 H16 C444alpha", "colour space")]
    [InlineData("YUV4MPEG2 W16 H16 C420p17", "colour space")]
    [InlineData("YUV4MPEG2 W16 H16 XCOLORRANGE=MAYBE", "COLORRANGE")]
    [InlineData("YUV4MPEG2 W65535 H65535", "too large")]
    [InlineData("YUV4MPEG3 W16 H16", "Not a YUV4MPEG2")]
    public void Open_BadHeader_ThrowsInvalidDataNamingTheProblem(string header, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => FromBytes(Y4m(header)));

        Assert.Contains(expected, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Open_HeaderLineLongerThanCap_ThrowsInvalidDataInsteadOfReadingOn()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("YUV4MPEG2 W16 H16 X" + new string('a', 10_000));

        var e = Assert.Throws<InvalidDataException>(() => FromBytes(bytes));

        Assert.Contains("longer than 4096", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_HeaderWithoutNewline_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => FromBytes("YUV4MPEG2 W16 H16"u8.ToArray()));
    }

    [Fact]
    public void Open_BadFrameMarker_ThrowsInvalidDataWithOffset()
    {
        byte[] bytes = Y4m("YUV4MPEG2 W2 H2 C444", new byte[12]);
        bytes[bytes.Length - 13 - 2] = (byte)'X'; // "FRAXE"

        var e = Assert.Throws<InvalidDataException>(() => FromBytes(bytes));

        Assert.Contains("offset 21", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadFrame_FrameParametersAndUnknownTags_AreIgnored()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("YUV4MPEG2 W2 H1 F30:1 Ip A1:1 Cmono XFOO=1 Zzz\nFRAME Ixyz\n\u0001\u0002");
        using Y4mReader reader = FromBytes(bytes);
        VideoFrame frame = reader.CreateFrame();

        Assert.True(reader.TryReadFrame(frame));
        Assert.Equal(new ushort[] { 1, 2 }, frame.Planes[0]);
        Assert.Equal(ChromaFormat.Mono400, reader.Header.ChromaFormat);
    }

    [Fact]
    public void Open_NoRateNoColourSpace_DefaultsTo25FpsAnd420Jpeg()
    {
        using Y4mReader reader = FromBytes(Y4m("YUV4MPEG2 W4 H2"));

        Assert.Equal(new Rational(25, 1), reader.Header.FrameRate);
        Assert.Equal(ChromaFormat.Yuv420, reader.Header.ChromaFormat);
        Assert.Equal(3, reader.Header.Color.ChromaSamplePosition);
        Assert.Equal(0, reader.Header.FrameCount);
    }

    [Theory]
    [InlineData("C420p10", ChromaFormat.Yuv420, 10)]
    [InlineData("C422p12", ChromaFormat.Yuv422, 12)]
    [InlineData("C444p16", ChromaFormat.Yuv444, 16)]
    [InlineData("Cmono10", ChromaFormat.Mono400, 10)]
    [InlineData("C420paldv", ChromaFormat.Yuv420, 8)]
    public void Open_ColourSpaceTags_MapToFormatAndDepth(string tag, ChromaFormat format, int depth)
    {
        using Y4mReader reader = FromBytes(Y4m($"YUV4MPEG2 W3 H3 {tag}"));

        Assert.Equal((format, depth), (reader.Header.ChromaFormat, reader.Header.BitDepth));
    }

    [Fact]
    public void TryReadFrame_OddSize420p10_ReadsLittleEndianWithCeilChroma()
    {
        // 3×3 4:2:0: 9 luma + 2×(2×2) chroma = 17 samples, 34 bytes.
        byte[] payload = new byte[34];
        payload[0] = 0xFF;
        payload[1] = 0x03; // 1023
        payload[32] = 0x00;
        payload[33] = 0x02; // last Cr = 512
        using Y4mReader reader = FromBytes(Y4m("YUV4MPEG2 W3 H3 C420p10 XCOLORRANGE=FULL", payload));
        VideoFrame frame = reader.CreateFrame();

        Assert.True(reader.TryReadFrame(frame));
        Assert.Equal(1023, frame.Planes[0][0]);
        Assert.Equal(512, frame.Planes[2][3]);
        Assert.True(reader.Header.Color.FullRange);
        Assert.Equal(1, reader.Header.FrameCount);
    }

    [Fact]
    public void TryReadFrame_SampleAboveBitDepth_ThrowsInvalidData()
    {
        byte[] payload = new byte[2];
        payload[1] = 0x04; // 1024 in a 10-bit stream
        using Y4mReader reader = FromBytes(Y4m("YUV4MPEG2 W1 H1 Cmono10", payload));

        var e = Assert.Throws<InvalidDataException>(() => reader.TryReadFrame(reader.CreateFrame()));

        Assert.Contains("10-bit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadFrame_FfmpegTenBitY4m_MatchesFfmpegRawOutput()
    {
        using var tmp = new TempFolder();
        string y4m = tmp.File("a10.y4m");
        TestMedia.Ffmpeg("-i", TestMedia.AkiyoY4m, "-frames:v", "2", "-pix_fmt", "yuv420p10le", "-strict", "-1", y4m);
        byte[] raw = TestMedia.FfmpegBytes("-i", y4m, "-f", "rawvideo", "-pix_fmt", "yuv420p10le");
        using Y4mReader reader = Y4mReader.Open(y4m);
        List<VideoFrame> frames = reader.ReadFrames().ToList();

        Assert.Equal(10, reader.Header.BitDepth);
        Assert.Equal(2, frames.Count);
        byte[] ours = frames.SelectMany(f => f.Planes.SelectMany(p => p)).SelectMany(v => new[] { (byte)v, (byte)(v >> 8) }).ToArray();
        Assert.Equal(raw, ours);
    }

    [Fact]
    public void TryReadFrame_WrongFrameShape_ThrowsArgumentException()
    {
        using Y4mReader reader = Y4mReader.Open(TestMedia.AkiyoY4m);

        Assert.Throws<ArgumentException>(() => reader.TryReadFrame(new VideoFrame(352, 288, ChromaFormat.Yuv444, 8)));
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => Y4mReader.Open("/nonexistent/clip.y4m"));
    }

    [Fact]
    public void Options_NegativeStart_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Y4mReader.Open(TestMedia.AkiyoY4m, new VideoSourceOptions { Start = -1 }));
    }
}
