using System.Diagnostics;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Commands;

/// <summary>Runs the built asmrc.dll as a real process: exit codes and stderr as a shell sees them.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task A_missing_input_exits_2_with_one_line_on_stderr_and_nothing_on_stdout()
    {
        using var temp = new TempDirectory();
        var (code, stdout, stderr) = await RunAsync("info", temp.File("nothing.asmr"));

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Empty(stdout);
        Assert.Equal($"asmrc: error: '{temp.File("nothing.asmr")}': no such file.\n", stderr);
    }

    [Fact]
    public async Task A_parse_error_exits_1()
    {
        var (code, stdout, stderr) = await RunAsync("encode", "in.mp4", "out.asmr", "--size", "12q");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Empty(stdout);
        Assert.StartsWith("asmrc: error: '12q' is not a valid size", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        string dll = Path.Combine(Path.GetDirectoryName(typeof(AsmrcCli).Assembly.Location)!, "asmrc.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
