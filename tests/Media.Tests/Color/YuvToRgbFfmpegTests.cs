using Asmr.Container;
using Asmr.Media.Color;
using Asmr.Media.IO;
using Asmr.Media.Tests.IO;
using Asmr.Decoder.Video;

namespace Asmr.Media.Tests.Color;

/// <summary>
/// Checks <see cref="YuvToRgb"/> against ffmpeg's own conversion of the same y4m frames. ffmpeg is told the matrix and
/// range explicitly and to use its exact path (<c>accurate_rnd+full_chroma_int</c>, nearest-neighbour chroma, which is our
/// replication); its default fast path itself rounds through 8-bit tables and is off by up to 3.
/// </summary>
public sealed class YuvToRgbFfmpegTests
{
    private const string ExactFlags = "neighbor+accurate_rnd+full_chroma_int";

    /// <summary>Six saturated primaries and secondaries, white, black, mid grey: 16×16 patches on a 48×48 picture.</summary>
    private static byte[] SaturatedPatches()
    {
        (byte R, byte G, byte B)[] colours =
        [
            (255, 0, 0), (0, 255, 0), (0, 0, 255),
            (255, 255, 0), (0, 255, 255), (255, 0, 255),
            (255, 255, 255), (0, 0, 0), (128, 128, 128),
        ];
        var rgb = new byte[48 * 48 * 3];
        for (int y = 0; y < 48; y++)
        {
            for (int x = 0; x < 48; x++)
            {
                (byte r, byte g, byte b) = colours[(y / 16 * 3) + (x / 16)];
                int i = ((y * 48) + x) * 3;
                rgb[i] = r;
                rgb[i + 1] = g;
                rgb[i + 2] = b;
            }
        }

        return rgb;
    }

    private static (VideoFrame Frame, SequenceHeader Header) ReadFirst(string y4m)
    {
        using var reader = Y4mReader.Open(y4m);
        VideoFrame frame = reader.CreateFrame();
        Assert.True(reader.TryReadFrame(frame));
        return (frame, reader.Header);
    }

    private static int MaxDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Assert.Equal(a.Length, b.Length);
        int max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    [Theory]
    [InlineData("bt601", 6, "tv")]
    [InlineData("bt709", 1, "tv")]
    [InlineData("bt601", 5, "pc")]
    [InlineData("bt709", 1, "pc")]
    [InlineData("bt2020", 9, "tv")]
    [InlineData("fcc", 4, "tv")]
    [InlineData("smpte240m", 7, "tv")]
    public void Convert_SaturatedPatchesThroughFfmpeg420_MatchesFfmpegRgb24AndSourceColours(string matrixName, byte matrix, string range)
    {
        using var tmp = new TempFolder();
        string raw = tmp.File("patches.rgb");
        string y4m = tmp.File("patches.y4m");
        byte[] source = SaturatedPatches();
        File.WriteAllBytes(raw, source);
        TestMedia.Ffmpeg(
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "48x48", "-i", raw,
            "-vf", $"scale=out_color_matrix={matrixName}:out_range={range}:flags={ExactFlags},format=yuv420p", "-strict", "-1", y4m);
        byte[] ffmpegRgb = TestMedia.FfmpegBytes(
            "-i", y4m, "-vf", $"scale=in_color_matrix={matrixName}:in_range={range}:flags={ExactFlags},format=rgb24", "-f", "rawvideo");
        (VideoFrame frame, SequenceHeader header) = ReadFirst(y4m);
        Assert.Equal(range == "pc", header.Color.FullRange);

        var ours = new byte[48 * 48 * 3];
        new YuvToRgb(new ColorDescription { Matrix = matrix, FullRange = range == "pc" }, 8, 48, 8).Convert(frame, ours);

        Assert.InRange(MaxDifference(ours, ffmpegRgb), 0, 2);
        Assert.InRange(MaxDifference(ours, source), 0, 3); // 16×16 patches: chroma is flat, only quantisation remains
    }

    [Theory]
    [InlineData("smptebars", "bt601", 6, "tv")]
    [InlineData("smptebars", "bt709", 1, "tv")]
    [InlineData("testsrc2", "bt601", 6, "tv")]
    [InlineData("testsrc2", "bt709", 1, "tv")]
    [InlineData("testsrc2", "bt709", 1, "pc")]
    public void Convert_LavfiTestPatterns_MatchFfmpegRgb24Within2(string pattern, string matrixName, byte matrix, string range)
    {
        using var tmp = new TempFolder();
        string y4m = tmp.File("p.y4m");
        TestMedia.Ffmpeg(
            "-f", "lavfi", "-i", $"{pattern}=size=64x48:rate=25", "-frames:v", "2",
            "-vf", $"scale=out_color_matrix={matrixName}:out_range={range},format=yuv420p", "-strict", "-1", y4m);
        byte[] ffmpegRgb = TestMedia.FfmpegBytes(
            "-i", y4m, "-frames:v", "1", "-vf", $"scale=in_color_matrix={matrixName}:in_range={range}:flags={ExactFlags},format=rgb24", "-f", "rawvideo");
        (VideoFrame frame, _) = ReadFirst(y4m);
        var ours = new byte[64 * 48 * 3];

        new YuvToRgb(new ColorDescription { Matrix = matrix, FullRange = range == "pc" }, 8, 48, 8).Convert(frame, ours);

        Assert.InRange(MaxDifference(ours, ffmpegRgb), 0, 2);
    }

    [Fact]
    public void Convert_TenBitBt709_MatchesFfmpegRgb48Within2Of16Bit()
    {
        using var tmp = new TempFolder();
        string y4m = tmp.File("p10.y4m");
        TestMedia.Ffmpeg(
            "-f", "lavfi", "-i", "testsrc2=size=64x48:rate=25", "-frames:v", "1",
            "-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p10le", "-strict", "-1", y4m);
        byte[] ffmpegRgb = TestMedia.FfmpegBytes(
            "-i", y4m, "-vf", $"scale=in_color_matrix=bt709:in_range=tv:flags={ExactFlags},format=rgb48le", "-f", "rawvideo");
        (VideoFrame frame, SequenceHeader header) = ReadFirst(y4m);
        Assert.Equal(10, header.BitDepth);
        var ours = new ushort[64 * 48 * 3];

        new YuvToRgb(new ColorDescription { Matrix = 1 }, 10, 48, 16).Convert(frame, ours);

        int max = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            int theirs = ffmpegRgb[2 * i] | (ffmpegRgb[(2 * i) + 1] << 8);
            max = Math.Max(max, Math.Abs(ours[i] - theirs));
        }

        Assert.InRange(max, 0, 2 * 257); // ±2 in 8-bit units
    }
}
