using System.Diagnostics;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Consistency;

/// <summary>
/// The README's test command on a fresh machine: a copy of <c>run-tests</c> runs with a PATH of stand-in tools
/// (<c>id</c>, <c>apt-get</c>, <c>dotnet</c> that only record what they were asked), so both branches are checked
/// without installing anything or running the suite.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RunTestsScriptTests
{
    [Fact]
    public void Without_ffmpeg_and_as_root_it_installs_ffmpeg_with_apt_get_then_runs_the_tests()
    {
        using var temp = new TempDirectory();
        string bin = FakeTools(temp, uid: 0);

        var (exitCode, stderr) = Run(temp, bin);

        Assert.Equal(0, exitCode);
        Assert.Contains("installing ffmpeg", stderr, StringComparison.Ordinal);
        Assert.Equal(["update -qq", "install -y ffmpeg"], File.ReadAllLines(Path.Combine(temp.Path, "apt-get.log")));
        Assert.Equal("test AsmrCodec.sln -c Release --blame-hang-timeout 15m --blame-hang-dump-type none", File.ReadAllText(Path.Combine(temp.Path, "dotnet.log")).Trim());
    }

    [Fact]
    public void Without_ffmpeg_and_not_root_it_says_in_one_line_what_to_install_and_runs_nothing()
    {
        using var temp = new TempDirectory();
        string bin = FakeTools(temp, uid: 1000);

        var (exitCode, stderr) = Run(temp, bin);

        Assert.Equal(1, exitCode);
        Assert.Equal("run-tests: the tests need ffmpeg and ffprobe; install them first (Debian: sudo apt-get install -y ffmpeg)", stderr.Trim());
        Assert.False(File.Exists(Path.Combine(temp.Path, "apt-get.log")));
        Assert.False(File.Exists(Path.Combine(temp.Path, "dotnet.log")));
    }

    /// <summary>A folder of the tools the script may call: real dirname/readlink, stand-ins for the rest.</summary>
    private static string FakeTools(TempDirectory temp, int uid)
    {
        string bin = Directory.CreateDirectory(Path.Combine(temp.Path, "bin")).FullName;
        foreach (string tool in new[] { "dirname", "readlink", "cp", "chmod" })
        {
            File.CreateSymbolicLink(Path.Combine(bin, tool), Which(tool));
        }

        string log = temp.Path;
        Script(bin, "id", $"echo {uid}");
        // apt-get "installs" ffmpeg by creating stand-ins for it in the same folder.
        Script(bin, "apt-get", $"echo \"$*\" >> '{log}/apt-get.log'\nif [ \"$1\" = install ]; then printf '#!/bin/sh\\n' > '{bin}/ffmpeg'; cp '{bin}/ffmpeg' '{bin}/ffprobe'; chmod +x '{bin}/ffmpeg' '{bin}/ffprobe'; fi");
        Script(bin, "dotnet", $"echo \"$*\" > '{log}/dotnet.log'");
        File.Copy(Repository.PathOf("run-tests"), Path.Combine(temp.Path, "run-tests"));
        return bin;
    }

    private static void Script(string bin, string name, string body)
    {
        string path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static (int ExitCode, string Stderr) Run(TempDirectory temp, string bin)
    {
        var start = new ProcessStartInfo(Which("bash"))
        {
            ArgumentList = { Path.Combine(temp.Path, "run-tests") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = temp.Path,
        };
        start.Environment["PATH"] = bin;
        using var process = Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr);
    }

    private static string Which(string tool) =>
        new[] { "/usr/bin", "/bin" }.Select(folder => Path.Combine(folder, tool)).First(File.Exists);
}
