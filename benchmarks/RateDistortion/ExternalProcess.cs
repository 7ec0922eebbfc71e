using System.Diagnostics;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>Runs tools (ffmpeg, dotnet asmrc.dll) as child processes, timed, with their output captured.</summary>
internal static class ExternalProcess
{
    /// <summary>Runs <paramref name="file"/> and waits for it; the time covers start-up to exit, what a user waits.</summary>
    /// <exception cref="InvalidOperationException">The tool cannot be started (not installed).</exception>
    public static ProcessResult Run(string file, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start {file}: {e.Message} (is it installed and on PATH?)", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            clock.Stop();
            return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
        }
    }

    /// <summary>As <see cref="Run"/>, but a non-zero exit code throws with the command and its standard error.</summary>
    public static ProcessResult RunChecked(string file, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        ProcessResult result = Run(file, arguments, workingDirectory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Format(file, arguments)} failed with exit code {result.ExitCode}:\n{result.Stderr.Trim()}");
        }

        return result;
    }

    /// <summary>The command as a shell line, arguments quoted where they need it.</summary>
    public static string Format(string file, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { file }.Concat(arguments).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,+@%".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
