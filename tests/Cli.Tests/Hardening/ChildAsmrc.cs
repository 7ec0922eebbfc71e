using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Asmr.Cli.Tests.Hardening;

/// <summary>
/// Runs the built asmrc.dll as a real child process, the way a shell would: optionally with a changed environment,
/// with stdout sent to a file (such as /dev/full), or with a signal sent once a given text appears on stderr.
/// </summary>
internal static class ChildAsmrc
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static string Dll { get; } = Path.Combine(Path.GetDirectoryName(typeof(AsmrcCli).Assembly.Location)!, "asmrc.dll");

    /// <summary>The dotnet host by absolute path, so that a child can run with PATH emptied.</summary>
    public static string DotnetHost { get; } = FindDotnet();

    public static Task<ChildResult> RunAsync(params string[] args) => RunAsync(args, workingDirectory: null);

    /// <param name="args">asmrc's arguments.</param>
    /// <param name="workingDirectory">The child's current folder.</param>
    /// <param name="environment">Variables to set (null value: remove).</param>
    /// <param name="stdoutPath">Send stdout to this file (through /bin/sh) instead of a pipe.</param>
    /// <param name="stdinPath">Read stdin from this file (through /bin/sh); otherwise stdin is empty.</param>
    /// <param name="signal">Send this signal once <paramref name="signalAfter"/> appears on stderr.</param>
    /// <param name="signalAfter">The stderr text that shows the child is working.</param>
    /// <param name="signalWhen">
    /// When given, the signal waits (after <paramref name="signalAfter"/>) until this condition holds, polled every few
    /// milliseconds: for example "the first output file exists", so the signal provably lands mid-work.
    /// </param>
    /// <param name="asNobody">Run as user nobody through setpriv (see <see cref="Nobody"/>).</param>
    public static async Task<ChildResult> RunAsync(
        string[] args,
        string? workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? stdoutPath = null,
        string? stdinPath = null,
        PosixSignal? signal = null,
        string? signalAfter = null,
        bool asNobody = false,
        Func<bool>? signalWhen = null)
    {
        ProcessStartInfo start;
        if (asNobody)
        {
            start = new ProcessStartInfo("setpriv");
            foreach (string arg in Nobody.SetprivPrefix)
            {
                start.ArgumentList.Add(arg);
            }

            start.ArgumentList.Add(DotnetHost);
            start.ArgumentList.Add(Dll);
            start.Environment["HOME"] = Path.GetTempPath();
        }
        else if (stdoutPath is null && stdinPath is null)
        {
            start = new ProcessStartInfo(DotnetHost);
            start.ArgumentList.Add(Dll);
        }
        else
        {
            // exec keeps the process id, so a signal reaches asmrc itself.
            start = new ProcessStartInfo("/bin/sh");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec \"$@\"" + (stdinPath is null ? string.Empty : " < \"$ASMRC_TEST_STDIN\"") + (stdoutPath is null ? string.Empty : " > \"$ASMRC_TEST_STDOUT\""));
            start.ArgumentList.Add("sh");
            start.ArgumentList.Add(DotnetHost);
            start.ArgumentList.Add(Dll);
            start.Environment["ASMRC_TEST_STDIN"] = stdinPath ?? string.Empty;
            start.Environment["ASMRC_TEST_STDOUT"] = stdoutPath ?? string.Empty;
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = stdinPath is null;
        start.UseShellExecute = false;
        start.WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        if (stdinPath is null)
        {
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new StringBuilder();
        bool signalled = false;
        var working = new TaskCompletionSource();
        using var timeout = new CancellationTokenSource(Limit);
        Task signaller = signal is { } s
            ? SignalWhenAsync(process, s, working.Task, signalWhen ?? (() => true), () => signalled = true, timeout.Token)
            : Task.CompletedTask;
        try
        {
            while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                stderr.Append(line).Append('\n');
                if (line.Contains(signalAfter ?? string.Empty, StringComparison.Ordinal))
                {
                    working.TrySetResult();
                }
            }

            await process.WaitForExitAsync(timeout.Token);
            working.TrySetResult();
            await signaller;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"asmrc {string.Join(' ', args)} did not finish within {Limit}; stderr so far:\n{stderr}");
        }

        if (signal is not null && !signalled)
        {
            throw new InvalidOperationException($"'{signalAfter}' never appeared on stderr, or the condition never held, so no signal was sent:\n{stderr}");
        }

        return new ChildResult(process.ExitCode, await stdout, stderr.ToString());
    }

    /// <summary>Once <paramref name="working"/> is done, polls <paramref name="condition"/> and sends the signal while the child still runs.</summary>
    private static async Task SignalWhenAsync(Process process, PosixSignal signal, Task working, Func<bool> condition, Action sent, CancellationToken cancellationToken)
    {
        await working.WaitAsync(cancellationToken);
        while (!process.HasExited)
        {
            if (condition())
            {
                Send(process.Id, signal);
                sent();
                return;
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>Sends a POSIX signal to one process, by id, with kill(1).</summary>
    private static void Send(int pid, PosixSignal signal)
    {
        string name = signal switch
        {
            PosixSignal.SIGINT => "INT",
            PosixSignal.SIGTERM => "TERM",
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "only SIGINT and SIGTERM"),
        };
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", name, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private static string FindDotnet()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "dotnet";
    }
}
