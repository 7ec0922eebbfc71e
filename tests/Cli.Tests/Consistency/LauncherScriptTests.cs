using System.Diagnostics;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Consistency;

/// <summary>
/// The launcher <c>./asmrc</c> with a stand-in <c>dotnet</c> (first on PATH) that fails, or that sends the launcher a
/// signal while it "builds": the build log in TMPDIR (<c>asmrc-build.*</c>) must be gone however the build ends.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LauncherScriptTests
{
    [Fact]
    public void A_failed_build_shows_its_output_exits_1_and_leaves_no_build_log()
    {
        using var temp = new TempDirectory();

        var (exitCode, stderr, leftOver) = RunLauncher(temp, "echo 'error CS1002: ; expected'\nexit 1");

        Assert.Equal(1, exitCode);
        Assert.Contains("error CS1002", stderr, StringComparison.Ordinal);
        Assert.Contains("asmrc: error: building the CLI failed", stderr, StringComparison.Ordinal);
        Assert.Empty(leftOver);
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public void A_signal_during_the_build_ends_the_launcher_and_leaves_no_build_log(string signal, int expectedExit)
    {
        using var temp = new TempDirectory();

        // The stand-in's parent is the launcher. As Ctrl-C (or a kill of the job) does, the signal reaches both the
        // launcher and the build; only the build is signalled, so the test host never is (after an exec, say).
        var (exitCode, _, leftOver) = RunLauncher(temp, $"if [ \"$1\" = build ]; then kill -{signal} $PPID; kill -{signal} $$; fi\nexit 0");

        Assert.Equal(expectedExit, exitCode);
        Assert.Empty(leftOver);
    }

    /// <summary>Runs the repository's launcher with its build folder and TMPDIR in <paramref name="temp"/>; returns what is left in TMPDIR.</summary>
    private static (int ExitCode, string Stderr, string[] LeftOver) RunLauncher(TempDirectory temp, string dotnetBody)
    {
        string bin = Directory.CreateDirectory(temp.File("bin")).FullName;
        string tmp = Directory.CreateDirectory(temp.File("tmp")).FullName;
        string dotnet = Path.Combine(bin, "dotnet");
        File.WriteAllText(dotnet, "#!/bin/sh\n" + dotnetBody + "\n");
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo("/bin/bash")
        {
            ArgumentList = { Repository.PathOf("asmrc"), "--version" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = temp.Path,
        };
        start.Environment["PATH"] = $"{bin}:/usr/local/bin:/usr/bin:/bin";
        start.Environment["TMPDIR"] = tmp;
        start.Environment["ASMRC_BUILD_DIR"] = temp.File("build");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new TimeoutException($"the launcher did not end:\n{stderr}");
        }

        stdout.Wait();
        return (process.ExitCode, stderr, [.. Directory.GetFileSystemEntries(tmp).Select(Path.GetFileName)!]);
    }
}
