using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Hardening;

/// <summary>Bad inputs, as a user meets them in a shell: exit code, one error line, no stack trace, no output file.</summary>
public sealed class InputFailureTests
{
    [Theory]
    [InlineData("decode")]
    [InlineData("encode")]
    [InlineData("info")]
    public async Task A_missing_input_exits_2_and_writes_nothing(string verb)
    {
        using var temp = new TempDirectory();
        string[] args = verb == "info" ? [verb, temp.File("missing.asmr")] : [verb, temp.File("missing.asmr"), temp.File(verb == "decode" ? "out.y4m" : "out.asmr")];

        var result = await ChildAsmrc.RunAsync(args);

        result.AssertFailure(ExitCodes.InputError, "no such file");
        Assert.Empty(HardeningInputs.Listing(temp.Path));
    }

    [Theory]
    [InlineData("decode", "in.asmr", "out.y4m")]
    [InlineData("encode", "in.y4m", "out.asmr")]
    public async Task A_folder_as_input_exits_2(string verb, string input, string output)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File(input));

        var result = await ChildAsmrc.RunAsync(verb, temp.File(input), temp.File(output));

        result.AssertFailure(ExitCodes.InputError, "is a folder");
        Assert.Equal([input], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task An_unreadable_input_exits_2_for_a_normal_user_and_is_read_by_root()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));
        bool asNobody = Nobody.CanRunAsNobody(temp.File("in.asmr"));
        File.SetUnixFileMode(temp.File("in.asmr"), UnixFileMode.None);

        if (CanRead(temp.File("in.asmr")))
        {
            // Root (as in CI) reads a mode-000 file anyway: the decode succeeds.
            var asRoot = await ChildAsmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("root.y4m"));
            Assert.True(asRoot.ExitCode == ExitCodes.Success, asRoot.ToString());
            Assert.True(new FileInfo(temp.File("root.y4m")).Length > 0);
            File.Delete(temp.File("root.y4m"));
        }
        else
        {
            asNobody = false;
            var result = await ChildAsmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("out.y4m"));
            result.AssertFailure(ExitCodes.InputError, "cannot be read");
        }

        if (asNobody)
        {
            var result = await ChildAsmrc.RunAsync(["decode", temp.File("in.asmr"), temp.File("out.y4m")], temp.Path, asNobody: true);
            result.AssertFailure(ExitCodes.InputError, "cannot be read");
        }

        Assert.Equal(["in.asmr"], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    public async Task A_text_file_given_to_encode_is_not_a_video_and_exits_2()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("notes.mp4"), "this is not a video\n");

        var result = await ChildAsmrc.RunAsync("encode", temp.File("notes.mp4"), temp.File("out.asmr"));

        result.AssertFailure(ExitCodes.InputError);
        Assert.Equal(["notes.mp4"], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    public async Task A_text_file_given_to_decode_is_not_an_asmr_file_and_exits_3()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("notes.asmr"), "this is not an asmr file\n");

        var result = await ChildAsmrc.RunAsync("decode", temp.File("notes.asmr"), temp.File("out.y4m"));

        result.AssertFailure(ExitCodes.InvalidAsmr, "not an .asmr file");
        Assert.Equal(["notes.asmr"], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    public async Task A_y4m_with_a_header_and_no_frames_exits_2()
    {
        using var temp = new TempDirectory();
        HardeningInputs.WriteY4m(temp.File("empty.y4m"), 16, 16, frames: 0);

        var result = await ChildAsmrc.RunAsync("encode", temp.File("empty.y4m"), temp.File("out.asmr"));

        result.AssertFailure(ExitCodes.InputError, "no frames");
        Assert.Equal(["empty.y4m"], HardeningInputs.Listing(temp.Path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_y4m_with_samples_above_its_bit_depth_is_an_input_error_exit_2_naming_the_input(bool fromStdin)
    {
        using var temp = new TempDirectory();
        HardeningInputs.WriteY4mWithSamplesAboveTenBits(temp.File("bad10.y4m"), 16, 16, frames: 2);

        var result = fromStdin
            ? await ChildAsmrc.RunAsync(["encode", "-", temp.File("out.asmr"), "--steps", "10"], temp.Path, stdinPath: temp.File("bad10.y4m"))
            : await ChildAsmrc.RunAsync("encode", temp.File("bad10.y4m"), temp.File("out.asmr"), "--steps", "10");

        result.AssertFailure(ExitCodes.InputError, fromStdin ? "stdin: " : $"'{temp.File("bad10.y4m")}': ");
        Assert.Contains("above the 10-bit maximum", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(["bad10.y4m"], HardeningInputs.Listing(temp.Path));
    }

    [Theory]
    [InlineData("encode", "in.mp4", "out.asmr")]
    [InlineData("decode", "in.asmr", "out.mp4")]
    public async Task Without_ffmpeg_on_PATH_a_command_that_needs_it_exits_6(string verb, string input, string output)
    {
        using var temp = new TempDirectory();
        if (input.EndsWith(".asmr", StringComparison.Ordinal))
        {
            SampleAsmr.Write(temp.File(input));
        }
        else
        {
            File.Copy(Repository.PathOf("samples/akiyo_cif_32f.mp4"), temp.File(input));
        }

        string emptyPath = Directory.CreateDirectory(temp.File("bin")).FullName;
        var result = await ChildAsmrc.RunAsync(
            [verb, temp.File(input), temp.File(output)],
            temp.Path,
            new Dictionary<string, string?> { ["PATH"] = emptyPath });

        result.AssertFailure(ExitCodes.ToolMissing, "ffmpeg");
        Assert.Equal(["bin", input], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    public async Task Without_ffmpeg_the_error_says_it_was_not_found_on_PATH_and_only_the_hint_says_how_to_install_it()
    {
        using var temp = new TempDirectory();
        File.Copy(Repository.PathOf("samples/akiyo_cif_32f.mp4"), temp.File("in.mp4"));
        string emptyPath = Directory.CreateDirectory(temp.File("bin")).FullName;

        var result = await ChildAsmrc.RunAsync(["encode", temp.File("in.mp4"), temp.File("out.asmr")], temp.Path, new Dictionary<string, string?> { ["PATH"] = emptyPath });

        result.AssertFailure(ExitCodes.ToolMissing);
        Assert.Equal("asmrc: error: ffmpeg was not found on PATH.", result.MessageLines[0]);
        Assert.StartsWith("hint: install ffmpeg", result.MessageLines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("tool folder", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.MessageLines, l => l.Contains("apt-get", StringComparison.Ordinal));
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
