using System.Text;
using Asmr.Conformance.Running;

namespace Asmr.Conformance.Tests;

/// <summary>The runner really fails when something is wrong (each test damages a temporary copy of the vectors).</summary>
public sealed class RunnerFailureDetectionTests : IDisposable
{
    private readonly string _directory = Vectors.CopyToTemp();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TamperedFrameHash_IsReportedAsFailureOfThatVector()
    {
        var victim = Vectors.Manifest.Vectors.First(v => v.Name == "v02-yuv420-17x9-7frames");
        string frame3 = victim.Output!.FrameHashes[3];
        ReplaceInManifest(frame3, Flip(frame3));

        var summary = ConformanceRunner.Run(_directory);

        var failed = Assert.Single(summary.Results, r => !r.Passed);
        Assert.Equal(victim.Name, failed.Name);
        Assert.Contains("frame 3", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1, summary.ExitCode);
    }

    [Fact]
    public void TamperedStreamHash_IsReportedAsFailure()
    {
        var victim = Vectors.Manifest.Vectors.First(v => v.Name == "v01-gray-1x1");

        // v01 has one frame, so its frame hash equals its stream hash: change only the stream_sha256 line.
        string manifest = File.ReadAllText(ManifestPath);
        string line = $"\"stream_sha256\": \"{victim.Output!.StreamHash}\"";
        Assert.Contains(line, manifest, StringComparison.Ordinal);
        File.WriteAllText(ManifestPath, manifest.Replace(line, $"\"stream_sha256\": \"{Flip(victim.Output.StreamHash)}\"", StringComparison.Ordinal));

        var summary = ConformanceRunner.Run(_directory, new ConformanceSettings { ForceScalar = true });

        var failed = Assert.Single(summary.Results, r => !r.Passed);
        Assert.Equal(victim.Name, failed.Name);
        Assert.Contains("stream hash", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedVectorBytes_AreReportedEvenIfTheyWouldDecode()
    {
        string path = Path.Combine(_directory, "v04-gbr444-16x16-identity.asmr");
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var summary = ConformanceRunner.Run(_directory);

        var failed = Assert.Single(summary.Results, r => !r.Passed);
        Assert.Contains("the vector itself changed", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongExpectedErrorMessage_IsReportedAsFailure()
    {
        var victim = Vectors.Manifest.Vectors.First(v => v.Name == "e05-future-min-reader-version");
        ReplaceInManifest($"\"message_contains\": \"{victim.Error!.MessageContains}\"", "\"message_contains\": \"no such message\"");

        var summary = ConformanceRunner.Run(_directory);

        var failed = Assert.Single(summary.Results, r => !r.Passed);
        Assert.Equal(victim.Name, failed.Name);
        Assert.Contains("does not contain \"no such message\"", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidVectorMarkedValid_IsReportedAsDecodingFailure()
    {
        // Swap an invalid vector's file for a valid one's: now the "must be rejected" vector is accepted.
        var invalid = Vectors.Manifest.Vectors.First(v => v.Name == "e01-bad-section-crc");
        var valid = Vectors.Manifest.Vectors.First(v => v.Name == "v01-gray-1x1");
        File.Copy(Path.Combine(_directory, valid.File), Path.Combine(_directory, invalid.File), overwrite: true);
        ReplaceInManifest(invalid.FileSha256, valid.FileSha256, firstOnlyAfter: "\"name\": \"e01-bad-section-crc\"");

        var summary = ConformanceRunner.Run(_directory);

        var failed = Assert.Single(summary.Results, r => !r.Passed);
        Assert.Equal(invalid.Name, failed.Name);
        Assert.Contains("was accepted", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingVectorFile_IsReportedAsFailure()
    {
        File.Delete(Path.Combine(_directory, "v12-worked-example.asmr"));

        var summary = ConformanceRunner.Run(_directory);

        var failed = Assert.Single(summary.Results, r => !r.Passed);
        Assert.Contains("missing", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCode_IsFailureCountCappedAt125()
    {
        var results = Enumerable.Range(0, 200).Select(i => new VectorResult($"x{i}", true, VectorOutcome.Fail, "test", TimeSpan.Zero)).ToList();

        Assert.Equal(125, new ConformanceSummary("d", ConformanceSettings.Default, results, TimeSpan.Zero).ExitCode);
        Assert.Equal(7, new ConformanceSummary("d", ConformanceSettings.Default, results.Take(7).ToList(), TimeSpan.Zero).ExitCode);
    }

    [Fact]
    public void MissingManifest_ThrowsFileNotFound()
    {
        File.Delete(ManifestPath);

        Assert.Throws<FileNotFoundException>(() => ConformanceRunner.Run(_directory));
    }

    [Fact]
    public void TablePrinter_ListsEveryVectorAndFailureReason()
    {
        var victim = Vectors.Manifest.Vectors.First(v => v.Name == "v08-yuv420-1x1");
        ReplaceInManifest(victim.Output!.FrameHashes[0], Flip(victim.Output.FrameHashes[0]));
        var summary = ConformanceRunner.Run(_directory);
        using var table = new StringWriter();

        ConformanceReport.WriteTable(summary, table);

        string text = table.ToString();
        Assert.All(summary.Results, r => Assert.Contains(r.Name, text, StringComparison.Ordinal));
        Assert.Contains("FAIL", text, StringComparison.Ordinal);
        Assert.Contains($"1 of {summary.Results.Count} vectors FAILED", text, StringComparison.Ordinal);
    }

    private string ManifestPath => Path.Combine(_directory, "manifest.json");

    private static string Flip(string hash) => (hash[0] == '0' ? '1' : '0') + hash[1..];

    private void ReplaceInManifest(string from, string to, string? firstOnlyAfter = null)
    {
        string manifest = File.ReadAllText(ManifestPath, Encoding.UTF8);
        int start = firstOnlyAfter is null ? 0 : manifest.IndexOf(firstOnlyAfter, StringComparison.Ordinal);
        int at = manifest.IndexOf(from, start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found in the manifest");
        File.WriteAllText(ManifestPath, manifest[..at] + to + manifest[(at + from.Length)..], new UTF8Encoding(false));
    }
}
