using System.Text;
using Asmr.Cli.Commands.Encode;
using Asmr.Cli.Hosting;
using Asmr.Cli.Tests.Support;
using Asmr.Container;

namespace Asmr.Cli.Tests.Commands;

public sealed class EncodeCommandTests
{
    [Fact]
    public async Task Encode_of_a_y4m_file_writes_a_decodable_asmr_with_measured_quality_in_its_metadata()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyY4m(width: 24, height: 16, frames: 3));

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.asmr"), "--preset", "fast", "--threads", "1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var reader = AsmrReader.Open(temp.File("out.asmr"));
        Assert.Equal((24, 16, 3), (reader.SequenceHeader.Width, reader.SequenceHeader.Height, reader.SequenceHeader.FrameCount));
        var metadata = reader.ReadMetadata();
        Assert.NotNull(metadata?.Quality?.PsnrY);
        Assert.InRange(metadata!.Quality!.PsnrY!.Value, 10, 100);
        Assert.Contains("PSNR Y", result.StandardError, StringComparison.Ordinal);

        var decoded = await Asmrc.RunAsync("decode", temp.File("out.asmr"), temp.File("out.y4m"), "--quiet");
        Assert.Equal(ExitCodes.Success, decoded.ExitCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Start_and_frames_given_as_times_select_frames_at_the_inputs_frame_rate(bool fromStdin)
    {
        using var temp = new TempDirectory();
        // 25 fps: 0.1 s starts at frame 3 (0.12 s); 0.1 s more ends at 0.2 s, so frames 3 and 4 (0.12, 0.16 s).
        File.WriteAllBytes(temp.File("in.y4m"), TinyY4m(width: 16, height: 16, frames: 8));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.Redirected(output, error) with { OpenStandardInput = () => File.OpenRead(temp.File("in.y4m")) };
        string input = fromStdin ? "-" : temp.File("in.y4m");

        int code = await AsmrcCli.RunAsync(["encode", input, temp.File("out.asmr"), "--start", "0.1s", "--frames", "00:00:00.1", "--steps", "20", "--threads", "1"], console, CancellationToken.None);

        Assert.True(code == ExitCodes.Success, error.ToString());
        using var reader = AsmrReader.Open(temp.File("out.asmr"));
        Assert.Equal(2, reader.SequenceHeader.FrameCount);
        var settings = reader.ReadMetadata()!.Settings!.Value;
        Assert.Equal((3, 2), (settings.GetProperty("start").GetInt32(), settings.GetProperty("frames").GetInt32()));
    }

    [Fact]
    public async Task Encode_from_stdin_reads_y4m_and_leaves_no_temporary_file()
    {
        using var temp = new TempDirectory();
        byte[] y4m = TinyY4m(width: 9, height: 7, frames: 2);
        // A folder of its own: other tests spool stdin to the system's temporary folder at the same time.
        string spool = Directory.CreateDirectory(temp.File("tmp")).FullName;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.Redirected(output, error) with { OpenStandardInput = () => new MemoryStream(y4m), TemporaryFolder = spool };

        int code = await AsmrcCli.RunAsync(["encode", "-", temp.File("out.asmr"), "--preset", "fast", "--threads", "1", "--quiet"], console, CancellationToken.None);

        Assert.True(code == ExitCodes.Success, error.ToString());
        using var reader = AsmrReader.Open(temp.File("out.asmr"));
        Assert.Equal((9, 7, 2), (reader.SequenceHeader.Width, reader.SequenceHeader.Height, reader.SequenceHeader.FrameCount));
        Assert.Equal("stdin", reader.ReadMetadata()?.SourceName);
        Assert.Empty(Directory.GetFileSystemEntries(spool));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_temporary_copy_of_stdin_is_readable_and_writable_by_its_owner_only()
    {
        using var temp = new TempDirectory();
        var stdin = new SpoolWatchingStream(TinyY4m(width: 9, height: 7, frames: 2));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.Redirected(output, error) with { OpenStandardInput = () => stdin };

        int code = await AsmrcCli.RunAsync(["encode", "-", temp.File("out.asmr"), "--preset", "fast", "--steps", "10", "--threads", "1", "--quiet"], console, CancellationToken.None);

        Assert.True(code == ExitCodes.Success, error.ToString());
        Assert.NotEmpty(stdin.SpoolModes);
        Assert.All(stdin.SpoolModes, mode => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode));
    }

    [Fact]
    public async Task Encode_with_a_reachable_quality_target_meets_it_with_a_smaller_file_than_a_higher_target()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyY4m(width: 32, height: 16, frames: 4));

        var low = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("low.asmr"), "--quality", "28", "--steps", "400", "--threads", "1");
        var high = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("high.asmr"), "--quality", "36", "--steps", "400", "--threads", "1");

        Assert.True(low.ExitCode == ExitCodes.Success, low.ToString());
        Assert.True(high.ExitCode == ExitCodes.Success, high.ToString());
        double lowPsnr = MeasuredRgbPsnr(temp.File("low.asmr"));
        double highPsnr = MeasuredRgbPsnr(temp.File("high.asmr"));
        Assert.True(lowPsnr >= 28, $"--quality 28 gave {lowPsnr:0.00} dB\n{low}");
        Assert.True(highPsnr >= 36, $"--quality 36 gave {highPsnr:0.00} dB\n{high}");
        Assert.True(new FileInfo(temp.File("low.asmr")).Length < new FileInfo(temp.File("high.asmr")).Length, "a lower target should cost fewer bytes");
        Assert.DoesNotContain("below the --quality target", low.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encode_with_an_unreachable_quality_target_still_writes_the_file_and_says_it_fell_short()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyY4m(width: 16, height: 16, frames: 2));

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.asmr"), "--quality", "79", "--steps", "20", "--threads", "1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("below the --quality target of 79 dB", result.StandardError, StringComparison.Ordinal);
        Assert.True(MeasuredRgbPsnr(temp.File("out.asmr")) < 79);
    }

    [Fact]
    public async Task Encoding_twice_with_the_same_input_settings_and_seed_writes_identical_files()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("in.y4m"), TinyY4m(width: 20, height: 12, frames: 3));
        string[] options = ["--steps", "60", "--seed", "5", "--threads", "2", "--size", "2k", "--quiet"];

        var first = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("a.asmr"), .. options]);
        var second = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("b.asmr"), .. options]);
        var otherSeed = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("c.asmr"), .. options.Select(o => o == "5" ? "6" : o)]);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(ExitCodes.Success, otherSeed.ExitCode);
        Assert.Equal(File.ReadAllBytes(temp.File("a.asmr")), File.ReadAllBytes(temp.File("b.asmr")));
        Assert.NotEqual(File.ReadAllBytes(temp.File("a.asmr")), File.ReadAllBytes(temp.File("c.asmr")));
    }

    private static double MeasuredRgbPsnr(string path)
    {
        using var reader = AsmrReader.Open(path);
        return reader.ReadMetadata()!.Quality!.PsnrRgb!.Value;
    }

    [Fact]
    public async Task Encode_of_a_file_that_is_not_video_exits_2_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("in.y4m"), "YUV4MPEG2 W0 H0\n");

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.asmr"));

        Assert.True(result.ExitCode is ExitCodes.InputError or ExitCodes.InvalidAsmr, result.ToString());
        Assert.False(File.Exists(temp.File("out.asmr")));
    }

    [Theory]
    [InlineData(10.2, 23.5, null, true)]
    [InlineData(20.6, 23.5, null, false)]
    [InlineData(19.4, 23.5, null, true)]
    [InlineData(20.0, 30.0, 20.5, false)]
    [InlineData(12.0, 30.0, 20.5, true)]
    [InlineData(52.3, 59.8, null, false)]
    [InlineData(47.0, 59.8, null, true)]
    public void An_encode_falls_short_when_it_decodes_far_below_its_fit_or_a_lower_quality_target(double decoded, double fitted, double? target, bool shortfall)
    {
        Assert.Equal(shortfall, EncodeJob.FallsShort(decoded, fitted, target));
    }

    /// <summary>A smooth 4:2:0 8-bit y4m: a diagonal gradient that moves one sample per frame.</summary>
    private static byte[] TinyY4m(int width, int height, int frames)
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F25:1 Ip A1:1 C420jpeg\n"));
        int cw = (width + 1) / 2, ch = (height + 1) / 2;
        for (int f = 0; f < frames; f++)
        {
            stream.Write(Encoding.ASCII.GetBytes("FRAME\n"));
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    stream.WriteByte((byte)(40 + (((x + y + f) * 160) / (width + height + frames))));
                }
            }

            for (int plane = 0; plane < 2; plane++)
            {
                for (int i = 0; i < cw * ch; i++)
                {
                    stream.WriteByte((byte)(plane == 0 ? 110 + (i % cw) : 140 - (i / cw)));
                }
            }
        }

        return stream.ToArray();
    }
}
