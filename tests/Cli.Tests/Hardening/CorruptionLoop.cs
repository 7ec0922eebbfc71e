using System.Collections.Concurrent;
using System.Diagnostics;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Hardening;

/// <summary>
/// Gives seeded corruptions of conformance vectors to <c>asmrc info</c> and <c>asmrc decode</c> (the real command
/// tree, in-process) and judges each run: a success, or one <c>asmrc: error:</c> line with exit 3 (corrupt) or 5
/// (needs a newer reader), within a time limit. A failing input is copied to <see cref="KeptFolder"/> so it can be
/// replayed with the CLI.
/// </summary>
internal sealed class CorruptionLoop
{
    private static readonly int[] Accepted = [ExitCodes.Success, ExitCodes.InvalidAsmr, ExitCodes.Unsupported];

    private readonly TimeSpan _limit;
    private readonly bool _childProcesses;
    private readonly ConcurrentBag<string> _failures = [];
    private readonly object _gate = new();
    private long _runs;
    private long _rejections;
    private TimeSpan _slowestRejection;
    private string _slowestWhat = "none";

    /// <param name="perRunLimit">The longest one command may take.</param>
    /// <param name="childProcesses">Run asmrc.dll as a child process per command (slower; also covers process start-up and exit).</param>
    public CorruptionLoop(TimeSpan perRunLimit, bool childProcesses = false)
    {
        _limit = perRunLimit;
        _childProcesses = childProcesses;
    }

    /// <summary>Where failing inputs are kept: under the test output folder, so a later run does not lose them.</summary>
    public static string KeptFolder { get; } = Path.Combine(AppContext.BaseDirectory, "corruption-failures");

    public IReadOnlyCollection<string> Failures => _failures;

    public long Runs => Interlocked.Read(ref _runs);

    public long Rejections => Interlocked.Read(ref _rejections);

    public string SlowestRejection
    {
        get
        {
            lock (_gate)
            {
                return $"{_slowestRejection.TotalMilliseconds:F0} ms ({_slowestWhat})";
            }
        }
    }

    /// <summary>Runs corruptions <paramref name="firstSeed"/> .. +<paramref name="count"/> of each vector, <paramref name="parallel"/> at a time.</summary>
    public async Task RunAsync(IReadOnlyList<string> vectorPaths, int firstSeed, int count, int parallel)
    {
        var work = vectorPaths.SelectMany(path => Enumerable.Range(firstSeed, count).Select(seed => (path, seed)));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, token) =>
        {
            var corruption = Corruption.Make(Path.GetFileName(item.path), await File.ReadAllBytesAsync(item.path, token), item.seed);
            await CheckAsync(corruption);
        });
    }

    private async Task CheckAsync(Corruption corruption)
    {
        using var temp = new TempDirectory();
        string input = temp.File(corruption.FileName);
        await File.WriteAllBytesAsync(input, corruption.Bytes);
        string[][] commands =
        [
            ["info", input],
            ["decode", input, temp.File("out.y4m"), "-y", "--quiet"],
        ];
        foreach (string[] args in commands)
        {
            string? problem = await RunOneAsync(args, corruption.FileName);
            if (problem is not null)
            {
                Directory.CreateDirectory(KeptFolder);
                string kept = Path.Combine(KeptFolder, corruption.FileName);
                await File.WriteAllBytesAsync(kept, corruption.Bytes);
                _failures.Add($"asmrc {args[0]} {kept}: {problem}");
            }
        }
    }

    /// <summary>One command; null when it behaved, else what went wrong.</summary>
    private async Task<string?> RunOneAsync(string[] args, string what)
    {
        using var stop = new CancellationTokenSource(_limit);
        var clock = Stopwatch.StartNew();

        // Task.Run: the command tree runs synchronously, so without it a hang would hold this thread past the limit.
        var run = _childProcesses
            ? Task.Run(async () => Child(await ChildAsmrc.RunAsync(args)))
            : Task.Run(() => Asmrc.RunAsync(args, stop.Token));
        CliResult result;
        try
        {
            result = await run.WaitAsync(_limit + TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException)
        {
            return $"still running after {_limit.TotalSeconds:F0} s (ignored cancellation)";
        }

        TimeSpan elapsed = clock.Elapsed;
        Interlocked.Increment(ref _runs);
        if (elapsed > _limit || result.ExitCode == ExitCodes.Interrupted)
        {
            return $"took {elapsed.TotalMilliseconds:F0} ms, over the {_limit.TotalSeconds:F0} s limit";
        }

        if (!Accepted.Contains(result.ExitCode))
        {
            return $"exit {result.ExitCode}, expected 0, 3 or 5: {result.StandardError.Trim()}";
        }

        if (result.ExitCode == ExitCodes.Success)
        {
            return null;
        }

        var errors = result.ErrorLines.Where(l => !l.StartsWith("hint: ", StringComparison.Ordinal)).ToList();
        if (errors.Count != 1 || !errors[0].StartsWith("asmrc: error: ", StringComparison.Ordinal) || result.StandardError.Contains("   at ", StringComparison.Ordinal))
        {
            return $"exit {result.ExitCode} without exactly one error line: {result.StandardError.Trim()}";
        }

        Interlocked.Increment(ref _rejections);
        lock (_gate)
        {
            if (elapsed > _slowestRejection)
            {
                _slowestRejection = elapsed;
                _slowestWhat = $"{args[0]} {what}";
            }
        }

        return null;
    }

    private static CliResult Child(ChildResult result) => new(result.ExitCode, result.StandardOutput, result.StandardError);
}
