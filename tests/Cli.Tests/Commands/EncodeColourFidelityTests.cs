using System.Diagnostics;
using System.Text.Json;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Commands;

/// <summary>
/// Saturated colours survive the whole chain: a BT.709-tagged clip of four saturated quadrants is encoded, the
/// colour description is recorded in the .asmr, and the decoded video, read back by ffmpeg as RGB, shows the same
/// colours as the source read the same way. A lost or wrong tag (BT.601 instead of BT.709, full instead of limited
/// range) shifts these colours by 10–40 levels, far beyond the tolerance.
/// </summary>
public sealed class EncodeColourFidelityTests
{
    private const int Size = 64;
    private const int Frames = 4;

    [Fact]
    public async Task Saturated_bt709_colours_come_back_from_decode_with_their_colour_description()
    {
        using var temp = new TempDirectory();
        string source = temp.File("quadrants.mkv");
        Ffmpeg.Run(
            "-f", "lavfi", "-i", $"color=c=0xE01010:s=32x32:r=25:d=1", "-f", "lavfi", "-i", "color=c=0x10C020:s=32x32:r=25:d=1",
            "-f", "lavfi", "-i", "color=c=0x1020E0:s=32x32:r=25:d=1", "-f", "lavfi", "-i", "color=c=0xE0D010:s=32x32:r=25:d=1",
            "-filter_complex", "[0][1]hstack[top];[2][3]hstack[bottom];[top][bottom]vstack,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p",
            "-frames:v", $"{Frames}", "-c:v", "ffv1",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv", source);

        var encode = await Asmrc.RunAsync("encode", source, temp.File("out.asmr"), "--steps", "500", "--size", "40k", "--threads", "2", "--quiet");
        Assert.True(encode.ExitCode == 0, encode.ToString());

        var info = await Asmrc.RunAsync("info", temp.File("out.asmr"), "--json");
        Assert.True(info.ExitCode == 0, info.ToString());
        using (var json = JsonDocument.Parse(info.StandardOutput))
        {
            string text = json.RootElement.ToString();
            Assert.Contains("709", text, StringComparison.Ordinal);
        }

        var decode = await Asmrc.RunAsync("decode", temp.File("out.asmr"), temp.File("decoded.mkv"), "--quiet");
        Assert.True(decode.ExitCode == 0, decode.ToString());
        string tags = Ffmpeg.Probe("-select_streams", "v:0", "-show_entries", "stream=color_space,color_primaries,color_transfer,color_range",
            "-of", "default=nw=1", temp.File("decoded.mkv"));
        Assert.Contains("color_space=bt709", tags, StringComparison.Ordinal);
        Assert.Contains("color_primaries=bt709", tags, StringComparison.Ordinal);
        Assert.Contains("color_range=tv", tags, StringComparison.Ordinal);

        byte[] expected = Rgb(source);
        byte[] actual = Rgb(temp.File("decoded.mkv"));
        foreach (var (qx, qy) in new[] { (0, 0), (1, 0), (0, 1), (1, 1) })
        {
            var want = QuadrantCentreMean(expected, qx, qy);
            var got = QuadrantCentreMean(actual, qx, qy);
            for (int c = 0; c < 3; c++)
            {
                Assert.True(Math.Abs(want[c] - got[c]) <= 6,
                    $"quadrant ({qx},{qy}) channel {"RGB"[c]}: source {want[c]:0.0}, decoded {got[c]:0.0} (source RGB {Show(want)}, decoded {Show(got)})");
            }
        }
    }

    private static string Show(double[] rgb) => string.Join('/', rgb.Select(v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Mean RGB over every frame of the 16×16 centre of a 32×32 quadrant.</summary>
    private static double[] QuadrantCentreMean(byte[] rgb, int qx, int qy)
    {
        var sum = new double[3];
        int n = 0;
        for (int f = 0; f < Frames; f++)
        {
            for (int y = (qy * 32) + 8; y < (qy * 32) + 24; y++)
            {
                for (int x = (qx * 32) + 8; x < (qx * 32) + 24; x++)
                {
                    int i = (((f * Size) + y) * Size + x) * 3;
                    for (int c = 0; c < 3; c++)
                    {
                        sum[c] += rgb[i + c];
                    }

                    n++;
                }
            }
        }

        return [.. sum.Select(s => s / n)];
    }

    /// <summary>The video as packed RGB24, converted by ffmpeg according to the file's own colour tags.</summary>
    private static byte[] Rgb(string path)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "-v", "error", "-i", path, "-frames:v", $"{Frames}", "-f", "rawvideo", "-pix_fmt", "rgb24", "-" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        using var bytes = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors.Result);
        Assert.Equal(Frames * Size * Size * 3, bytes.Length);
        return bytes.ToArray();
    }
}
