using System.Globalization;

namespace Asmr.Conformance.Running;

/// <summary>Text output of a conformance run: a table of the vectors and a one-line summary.</summary>
public static class ConformanceReport
{
    /// <summary>Writes one row per vector (name, valid/invalid, result, milliseconds, reason), then the summary line.</summary>
    public static void WriteTable(ConformanceSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        int nameWidth = Math.Max(6, summary.Results.Select(r => r.Name.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"vector".PadRight(nameWidth)}  kind     result  time ms  detail");
        output.WriteLine($"{new string('-', nameWidth)}  -------  ------  -------  ------");
        foreach (var r in summary.Results)
        {
            string kind = r.IsValidVector ? "valid" : "invalid";
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Name.PadRight(nameWidth)}  {kind,-7}  {(r.Passed ? "pass" : "FAIL"),-6}  {r.Elapsed.TotalMilliseconds,7:F0}  {r.Reason}"));
        }

        output.WriteLine(SummaryLine(summary));
    }

    /// <summary>"20 of 20 vectors passed in 1.2 s (threads 1, best SIMD)" or "... 2 FAILED ...".</summary>
    public static string SummaryLine(ConformanceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        string verdict = summary.FailureCount == 0
            ? $"{summary.PassedCount} of {summary.Results.Count} vectors passed"
            : $"{summary.FailureCount} of {summary.Results.Count} vectors FAILED";
        return string.Create(CultureInfo.InvariantCulture, $"{verdict} in {summary.Elapsed.TotalSeconds:F2} s ({summary.Settings})");
    }
}
