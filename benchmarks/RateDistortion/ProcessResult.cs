namespace Asmr.Benchmarks.RateDistortion;

/// <summary>What a finished child process left: exit code, output and wall-clock time.</summary>
internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);
