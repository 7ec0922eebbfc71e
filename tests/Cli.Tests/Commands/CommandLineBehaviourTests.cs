using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Commands;

/// <summary>Runs the real command tree in-process and checks exit codes and what lands on stdout and stderr.</summary>
public sealed class CommandLineBehaviourTests
{
    [Fact]
    public async Task Help_lists_every_exit_code()
    {
        var result = await Asmrc.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exit codes:", result.StandardOutput, StringComparison.Ordinal);
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            Assert.Contains($"{code}", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains(meaning, result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("encode")]
    [InlineData("decode")]
    [InlineData("play")]
    [InlineData("info")]
    public async Task Every_verb_has_help_with_the_exit_codes(string verb)
    {
        var result = await Asmrc.RunAsync(verb, "--help");

        Assert.Equal(0, result.ExitCode);
        // The usage line starts with the host's executable name (asmrc when installed, testhost here).
        Assert.Matches($@"Usage:\s+\S+ {verb}", result.StandardOutput);
        Assert.Contains("130  interrupted", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conform_help_shows_its_own_exit_codes_the_number_of_failing_vectors_not_the_usual_table()
    {
        var result = await Asmrc.RunAsync("conform", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exit codes (conform's own", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("the number of failing vectors", result.StandardOutput, StringComparison.Ordinal);
        foreach (var (code, meaning) in ExitCodes.Table.Where(row => row.Code is >= 1 and <= 8))
        {
            Assert.DoesNotContain(meaning, result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_verb_is_named_and_the_verbs_are_listed()
    {
        var result = await Asmrc.RunAsync("bogus");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("asmrc: error: 'bogus' is not an asmrc verb; the verbs are encode, decode, play, info, merge, conform.", result.ErrorLines[0]);
    }

    [Fact]
    public async Task More_threads_than_cores_are_capped_with_a_note()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));

        var result = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"), "--threads", "999");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"note: --threads 999 is more than this machine's {Environment.ProcessorCount} cores; using {Environment.ProcessorCount}.", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(Environment.ProcessorCount, new Hosting.GlobalSettings(false, false, false, 999).EffectiveThreads);
    }

    [Fact]
    public async Task Parse_errors_exit_1_with_one_error_line_and_a_hint()
    {
        var result = await Asmrc.RunAsync("decode", "in.asmr", "out.flv");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(2, result.ErrorLines.Count);
        Assert.StartsWith("asmrc: error: Cannot tell the output format", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("hint: see 'asmrc decode --help'", result.ErrorLines[1]);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task No_verb_is_a_usage_error()
    {
        var result = await Asmrc.RunAsync();
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("hint: see 'asmrc --help'", result.ErrorLines[^1]);
    }

    [Fact]
    public async Task Verbose_and_quiet_together_are_a_usage_error()
    {
        var result = await Asmrc.RunAsync("--verbose", "--quiet", "info", "x.asmr");
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task Missing_input_exits_2_with_one_line()
    {
        using var temp = new TempDirectory();
        var result = await Asmrc.RunAsync("encode", temp.File("missing.mp4"), temp.File("out.asmr"));

        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Equal([$"asmrc: error: '{temp.File("missing.mp4")}': no such file."], result.ErrorLines);
    }

    [Fact]
    public async Task Existing_output_without_overwrite_exits_4_with_a_hint()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("in.y4m"), "YUV4MPEG2 W2 H2 F25:1\n");
        File.WriteAllText(temp.File("out.asmr"), "old");

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("out.asmr"));

        Assert.Equal(ExitCodes.OutputError, result.ExitCode);
        Assert.Equal(2, result.ErrorLines.Count);
        Assert.Contains("already exists", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("hint: use -y (--overwrite) to replace it", result.ErrorLines[1]);
        Assert.Equal("old", File.ReadAllText(temp.File("out.asmr")));
    }

    [Fact]
    public async Task Output_in_a_missing_folder_exits_4()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("in.y4m"), "YUV4MPEG2 W2 H2 F25:1\n");

        var result = await Asmrc.RunAsync("encode", temp.File("in.y4m"), temp.File("no/such/dir/out.asmr"));

        Assert.Equal(ExitCodes.OutputError, result.ExitCode);
        Assert.Contains("does not exist", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_input_and_output_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("a.asmr"), "x");

        var same = await Asmrc.RunAsync("encode", temp.File("a.asmr"), Path.Combine(temp.Path, ".", "a.asmr"), "-y");
        Assert.Equal(ExitCodes.UsageError, same.ExitCode);
        Assert.Contains("same file", Assert.Single(same.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Play_without_a_terminal_or_window_is_a_usage_error_with_a_hint()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("in.asmr"), "x");

        var result = await Asmrc.RunAsync("play", temp.File("in.asmr"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(2, result.ErrorLines.Count);
        Assert.StartsWith("hint: use --window", result.ErrorLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conform_on_a_missing_folder_exits_2()
    {
        var result = await Asmrc.RunAsync("conform", "/no/such/vectors");
        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task A_cancelled_token_exits_130()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("in.y4m"), "YUV4MPEG2 W2 H2 F25:1\n");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await Asmrc.RunAsync(["encode", temp.File("in.y4m"), temp.File("out.asmr")], cancelled.Token);

        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
        Assert.Equal(["asmrc: error: interrupted"], result.ErrorLines);
    }

    [Fact]
    public async Task Version_prints_the_asmrc_and_format_versions()
    {
        var result = await Asmrc.RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^asmrc \d+\.\d+\.\d+", result.StandardOutput);
        Assert.Matches(@"\.asmr format version \d+; reads files that need reader version \d+ or lower", result.StandardOutput);
    }

    [Fact]
    public async Task Decoding_y4m_to_a_terminal_is_refused()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("in.asmr"), "x");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var terminal = Hosting.CliConsole.Redirected(output, error) with { OutputIsTerminal = true };

        int code = await AsmrcCli.RunAsync(["decode", temp.File("in.asmr"), "-"], terminal, CancellationToken.None);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.StartsWith("asmrc: error: Refusing to write raw video to a terminal.", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }
}
