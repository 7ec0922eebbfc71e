using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Commands;

/// <summary>Decoding to the containers ffmpeg writes, with the encoder and quality the user picks.</summary>
public sealed class DecodeVideoFileTests
{
    [Theory]
    [InlineData("out.mp4", "h264")]
    [InlineData("out.mkv", "h264")]
    [InlineData("out.mov", "h264")]
    [InlineData("out.webm", "vp9")]
    [InlineData("out.avi", "mpeg4")]
    public async Task Each_container_gets_its_default_encoder(string name, string codec)
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File(name), "--quiet");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(codec, CodecOf(temp.File(name)));
    }

    [Fact]
    public async Task Codec_picks_the_ffmpeg_encoder()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.mkv"), "--codec", "ffv1", "--quiet");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("ffv1", CodecOf(temp.File("out.mkv")));
    }

    [Fact]
    public async Task Crf_sets_the_x264_rate_factor_which_is_18_by_default()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var chosen = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("crf30.mp4"), "--crf", "30", "--quiet");
        var standard = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("default.mp4"), "--quiet");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (chosen.ExitCode, standard.ExitCode));
        // x264 writes its settings into the stream as text.
        Assert.Contains("crf=30.0", File.ReadAllText(temp.File("crf30.mp4")), StringComparison.Ordinal);
        Assert.Contains("crf=18.0", File.ReadAllText(temp.File("default.mp4")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crf_for_an_encoder_without_one_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.avi"), "--crf", "20");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("asmrc: error: --crf 20: the mpeg4 encoder has no CRF", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("out.avi")));
    }

    [Fact]
    public async Task Codec_for_a_y4m_output_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"), "--codec", "libx265");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("is not one", result.ErrorLines[0], StringComparison.Ordinal);
    }

    private static string CodecOf(string path) =>
        Ffmpeg.Probe("-select_streams", "v:0", "-show_entries", "stream=codec_name", "-of", "csv=p=0", path).Trim();
}
