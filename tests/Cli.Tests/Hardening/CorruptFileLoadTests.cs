using Asmr.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Asmr.Cli.Tests.Hardening;

/// <summary>
/// Seeded random damage (bit flips, truncations, 16 bytes of junk) to conformance vectors, given to <c>info</c> and
/// <c>decode</c>: each run succeeds or ends in one documented error line (exit 3 or 5), quickly, never an internal
/// error (7) or a hang. Failing inputs are kept under the test output folder (named in the message).
/// </summary>
/// <remarks>
/// A bigger run, by hand (the seeds follow the suite's, so it covers new files):
/// <c>ASMR_CORRUPTION_LOOP=2000 dotnet test tests/Cli.Tests -c Release --filter CorruptFileLoadTests
/// --logger "console;verbosity=detailed"</c> runs 2000 corruptions per vector, two at a time per core, so the
/// commands also compete for the CPU as on a loaded machine. With <c>ASMR_CORRUPTION_CHILD=1</c> each command is a
/// child process (asmrc.dll, as from a shell), with the 20 s limit of the report.
/// </remarks>
public sealed class CorruptFileLoadTests(ITestOutputHelper output)
{
    /// <summary>Generous for files of a few hundred bytes (they are refused in milliseconds), so a loaded machine does not fail it.</summary>
    private static readonly TimeSpan PerRunLimit = TimeSpan.FromSeconds(10);

    private static readonly string[] Vectors =
    [
        "v18-yuv422-20x8-2segments-one-grid.asmr",
        "v06-yuv420-32x18-3segments-lz4.asmr",
        "v15-yuv420-16x12-6frames-2grids.asmr",
    ];

    [Fact]
    public async Task Random_corruptions_are_decoded_or_refused_quickly_with_one_error_line()
    {
        // v18 (the file of the report) gets 400 corruptions, the others 100 each: 600 files, 1200 runs (about 6 s).
        var loop = new CorruptionLoop(PerRunLimit);
        await loop.RunAsync([VectorPath(Vectors[0])], firstSeed: 0, count: 400, parallel: 1);
        await loop.RunAsync([VectorPath(Vectors[1]), VectorPath(Vectors[2])], firstSeed: 0, count: 100, parallel: 1);

        Report(loop);
        Assert.True(loop.Failures.Count == 0, $"{loop.Failures.Count} runs misbehaved (inputs kept in {CorruptionLoop.KeptFolder}):\n{string.Join('\n', loop.Failures)}");
        Assert.Equal(1200, loop.Runs);
    }

    [Fact]
    public async Task A_bigger_loop_under_load_when_asked()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("ASMR_CORRUPTION_LOOP"), out int count) || count <= 0)
        {
            return;
        }

        bool child = Environment.GetEnvironmentVariable("ASMR_CORRUPTION_CHILD") == "1";
        var loop = new CorruptionLoop(child ? TimeSpan.FromSeconds(20) : PerRunLimit, child);
        await loop.RunAsync([.. Vectors.Select(VectorPath)], firstSeed: 1000, count: count, parallel: 2 * Environment.ProcessorCount);

        Report(loop);
        Assert.True(loop.Failures.Count == 0, $"{loop.Failures.Count} runs misbehaved (inputs kept in {CorruptionLoop.KeptFolder}):\n{string.Join('\n', loop.Failures)}");
    }

    private static string VectorPath(string name) => Repository.PathOf(Path.Combine("Conformance", "vectors", name));

    private void Report(CorruptionLoop loop) =>
        output.WriteLine($"{loop.Runs} runs, {loop.Rejections} refused, {loop.Runs - loop.Rejections} decoded, {loop.Failures.Count} failures; slowest refusal {loop.SlowestRejection}");
}
