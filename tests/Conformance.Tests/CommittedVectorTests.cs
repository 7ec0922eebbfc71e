using Xunit.Abstractions;
using Asmr.Conformance.Running;

namespace Asmr.Conformance.Tests;

/// <summary>
/// The committed vectors pass on every decoder configuration: one thread and several, SIMD and scalar, every SIMD
/// path the machine has. A failure here means the decoder changed its output (or its error handling).
/// </summary>
public class CommittedVectorTests(ITestOutputHelper output)
{
    public static TheoryData<string> SimdPaths()
    {
        var data = new TheoryData<string>();
        foreach (string path in ConformanceSettings.AvailablePathNames)
        {
            data.Add(path);
        }

        return data;
    }

    [Fact]
    public void AllVectors_OneThreadDefaultPath_Pass() =>
        AssertAllPass(new ConformanceSettings { Threads = 1 });

    [Fact]
    public void AllVectors_OneThreadScalar_Pass() =>
        AssertAllPass(new ConformanceSettings { Threads = 1, ForceScalar = true });

    [Fact]
    public void AllVectors_FourThreadsDefaultPath_Pass() =>
        AssertAllPass(new ConformanceSettings { Threads = 4, StressPaths = true });

    [Fact]
    public void AllVectors_FourThreadsScalar_Pass() =>
        AssertAllPass(new ConformanceSettings { Threads = 4, ForceScalar = true, StressPaths = true });

    [Theory]
    [MemberData(nameof(SimdPaths))]
    public void AllVectors_EverySimdPathOneAndThreeThreads_Pass(string path)
    {
        AssertAllPass(ConformanceSettings.ForPath(path, threads: 1, stressPaths: false));
        AssertAllPass(ConformanceSettings.ForPath(path, threads: 3, stressPaths: true));
    }

    [Fact]
    public void SimpleEntry_CommittedVectors_ReturnsZeroExitCodeAndLogsSummary()
    {
        using var log = new StringWriter();
        var summary = ConformanceRunner.Run(Vectors.Directory, threads: 2, forceScalar: false, log);

        Assert.Equal(0, summary.ExitCode);
        Assert.True(summary.AllPassed);
        Assert.Equal(Vectors.Manifest.Vectors.Count, summary.Results.Count);
        Assert.Contains($"{summary.Results.Count} of {summary.Results.Count} vectors passed", log.ToString(), StringComparison.Ordinal);
    }

    private void AssertAllPass(ConformanceSettings settings)
    {
        var summary = ConformanceRunner.Run(Vectors.Directory, settings);
        using var table = new StringWriter();
        ConformanceReport.WriteTable(summary, table);
        output.WriteLine(table.ToString());
        Assert.True(summary.AllPassed, table.ToString());
        Assert.True(summary.Results.Count >= 20, "expected the committed set of vectors");
    }
}
