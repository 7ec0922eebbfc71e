using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Consistency;

/// <summary>README.md, .ci/run and the launcher must agree with each other and with the code.</summary>
public sealed class ReadmeAndCiTests
{
    [Fact]
    public void Ci_runs_exactly_the_test_command_the_readme_gives()
    {
        var ciCommands = TestCommands(Repository.ReadText(".ci/run"));
        var readmeCommands = TestCommands(Repository.ReadText("README.md"));

        string ci = Assert.Single(ciCommands);
        Assert.NotEmpty(readmeCommands);
        Assert.All(readmeCommands, command => Assert.Equal(ci, command));
    }

    [Fact]
    public void Readme_lists_every_exit_code_with_the_meaning_help_shows()
    {
        string readme = Repository.ReadText("README.md");
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            Assert.Contains($"| {code} | {meaning} |", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Readme_documents_every_top_level_info_json_key()
    {
        string readme = Repository.ReadText("README.md");
        foreach (string key in new[] { "file", "format", "video", "segments", "metadata", "sections" })
        {
            Assert.Contains($"`{key}`", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ci_script_is_strict()
    {
        string script = Repository.ReadText(".ci/run");
        Assert.StartsWith("#!/usr/bin/env bash", script, StringComparison.Ordinal);
        Assert.Contains("set -euo pipefail", script, StringComparison.Ordinal);
        Assert.Contains("CI=true", script, StringComparison.Ordinal);
        AssertExecutable(".ci/run");
        AssertExecutable("run-tests");
    }

    [Fact]
    public void Launcher_is_an_executable_strict_bash_script_that_locks_its_build()
    {
        string script = Repository.ReadText("asmrc");
        Assert.StartsWith("#!/usr/bin/env bash", script, StringComparison.Ordinal);
        Assert.Contains("set -euo pipefail", script, StringComparison.Ordinal);
        Assert.Contains("flock", script, StringComparison.Ordinal);
        Assert.Contains("exec dotnet", script, StringComparison.Ordinal);
        AssertExecutable("asmrc");
    }

    [Fact]
    public void Bundled_samples_are_small_credited_and_the_main_command_needs_no_ffmpeg()
    {
        var sample = new FileInfo(Repository.PathOf("samples/akiyo_cif_32f.mp4"));
        Assert.True(sample.Exists);
        Assert.InRange(sample.Length, 1, 400 * 1024);
        var raw = new FileInfo(Repository.PathOf("samples/akiyo_cif_32f.y4m"));
        Assert.True(raw.Exists);
        Assert.InRange(raw.Length, 1, 5 * 1024 * 1024);

        string credits = Repository.ReadText("samples/README.md");
        Assert.Contains("akiyo_cif_32f.mp4", credits, StringComparison.Ordinal);
        Assert.Contains("akiyo_cif_32f.y4m", credits, StringComparison.Ordinal);
        Assert.Contains("manuvt/Introduction-to-LaTeX-Beamer-R", credits, StringComparison.Ordinal);
        Assert.Contains("ffmpeg -i ", credits, StringComparison.Ordinal);
        string main = Repository.ReadText("README.md").Split('\n').First(line => line.StartsWith("./asmrc encode samples/", StringComparison.Ordinal));
        Assert.Contains("./asmrc encode samples/akiyo_cif_32f.y4m ", main, StringComparison.Ordinal);
        Assert.DoesNotContain(".mp4", main, StringComparison.Ordinal);
        Assert.DoesNotContain(".mkv", main, StringComparison.Ordinal);
    }

    private static List<string> TestCommands(string text) =>
        [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("./run-tests", StringComparison.Ordinal))];

    private static void AssertExecutable(string relative)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(Repository.PathOf(relative));
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{relative} is not executable ({mode})");
    }
}
