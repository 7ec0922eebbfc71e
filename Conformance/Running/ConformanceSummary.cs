namespace Asmr.Conformance.Running;

/// <summary>The results of a conformance run, in manifest order.</summary>
public sealed class ConformanceSummary
{
    /// <summary>Largest exit code <see cref="ExitCode"/> returns (codes above 125 mean other things to shells).</summary>
    public const int MaxExitCode = 125;

    public ConformanceSummary(string directory, ConformanceSettings settings, IReadOnlyList<VectorResult> results, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory = directory;
        Settings = settings;
        Results = results;
        Elapsed = elapsed;
    }

    /// <summary>The folder that was checked.</summary>
    public string Directory { get; }

    /// <summary>The decoder settings of the run.</summary>
    public ConformanceSettings Settings { get; }

    public IReadOnlyList<VectorResult> Results { get; }

    /// <summary>Wall-clock time of the whole run.</summary>
    public TimeSpan Elapsed { get; }

    public int PassedCount => Results.Count(r => r.Passed);

    public int FailureCount => Results.Count(r => !r.Passed);

    /// <summary>True when every vector passed (and there was at least one).</summary>
    public bool AllPassed => Results.Count > 0 && FailureCount == 0;

    /// <summary>The process exit code for <c>asmrc conform</c>: the number of failures, at most 125.</summary>
    public int ExitCode => Math.Min(FailureCount, MaxExitCode);
}
