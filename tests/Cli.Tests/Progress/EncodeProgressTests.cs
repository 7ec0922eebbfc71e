using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Progress;

/// <summary>What a real (tiny) encode reports as it goes: on stderr for people, and with --progress for programs.</summary>
public sealed class EncodeProgressTests
{
    [Fact]
    public async Task Every_stage_ends_at_its_last_step_and_measuring_ends_before_the_summary()
    {
        using var temp = new TempDirectory();
        Ffmpeg.TestPattern(temp.File("in.y4m"), frames: 2);

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.asmr"), "--steps", "20", "--threads", "1");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var lines = result.ErrorLines;
        Assert.Contains(lines, l => l.StartsWith("segment 1/1 fitting: 100% (20/20)", StringComparison.Ordinal) && l.Contains(", done in ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("stopped after", StringComparison.Ordinal));
        int measured = lines.ToList().FindIndex(l => l.StartsWith("measuring: 100% (2/2)", StringComparison.Ordinal) && l.Contains("done in", StringComparison.Ordinal));
        int summary = lines.ToList().FindIndex(l => l.StartsWith($"{temp.File("out.asmr")}: ", StringComparison.Ordinal));
        Assert.True(measured >= 0 && measured < summary, result.ToString());
        Assert.StartsWith("PSNR Y ", lines[summary + 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_to_a_file_writes_key_value_blocks_ending_with_progress_end()
    {
        using var temp = new TempDirectory();
        Ffmpeg.TestPattern(temp.File("in.y4m"), frames: 2);

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.asmr"), "--steps", "20", "--threads", "1", "--quiet", "--progress", temp.File("progress.txt"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(string.Empty, result.StandardError);
        string[] lines = File.ReadAllLines(temp.File("progress.txt"));
        Assert.All(lines, l => Assert.Matches("^[a-z_]+=", l));
        Assert.Equal("progress=end", lines[^1]);
        Assert.StartsWith("elapsed=", lines[^2], StringComparison.Ordinal);
        string text = string.Join('\n', lines);
        Assert.Contains("stage=segment 1/1 fitting\nstage_state=done\nstage_done=20\nstage_total=20\n", text, StringComparison.Ordinal);
        Assert.Contains("stage=measuring\nstage_state=done\nstage_done=2\nstage_total=2\n", text, StringComparison.Ordinal);
        Assert.Equal(lines.Count(l => l.StartsWith("stage=", StringComparison.Ordinal)), lines.Count(l => l == "progress=continue"));
    }

    [Fact]
    public async Task Progress_to_stdout_goes_to_stdout_for_a_decode()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"), "--progress", "-");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("stage=decoding\nstage_state=done\nstage_done=4\nstage_total=4\n", result.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.EndsWith("progress=end", result.StandardOutput.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_to_stdout_is_refused_when_the_output_is_stdout_too()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), "-", "--progress", "-");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("asmrc: error: --progress - and the output - would both use stdout", result.ErrorLines[0], StringComparison.Ordinal);
    }
}
