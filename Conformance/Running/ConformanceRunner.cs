using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Asmr.Conformance.Manifest;

namespace Asmr.Conformance.Running;

/// <summary>
/// Checks a folder of conformance vectors against its <c>manifest.json</c>: every valid vector must decode to the
/// expected per-frame and stream hashes (spec §12) and every invalid one must be rejected with the expected error.
/// The runner only reads: it never writes or updates expected hashes.
/// </summary>
public static class ConformanceRunner
{
    /// <summary>
    /// The entry for <c>asmrc conform [DIR]</c>: checks <paramref name="directory"/> with <paramref name="threads"/>
    /// decoder threads (0 = one per processor), on the scalar path when <paramref name="forceScalar"/>, writing a
    /// line per vector and a final summary to <paramref name="log"/>. The exit code is
    /// <see cref="ConformanceSummary.ExitCode"/>.
    /// </summary>
    public static ConformanceSummary Run(string directory, int threads, bool forceScalar, TextWriter? log) =>
        Run(directory, new ConformanceSettings { Threads = threads, ForceScalar = forceScalar }, log);

    /// <summary>Checks every vector of <paramref name="directory"/>'s manifest, in manifest order.</summary>
    /// <exception cref="FileNotFoundException">The folder has no manifest.json.</exception>
    /// <exception cref="InvalidDataException">The manifest is malformed.</exception>
    public static ConformanceSummary Run(string directory, ConformanceSettings? settings = null, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfNegative(settings?.Threads ?? 0);
        settings ??= ConformanceSettings.Default;
        var manifest = ManifestSerializer.Load(directory);
        var total = Stopwatch.StartNew();
        var results = new List<VectorResult>(manifest.Vectors.Count);
        log?.WriteLine($"Checking {manifest.Vectors.Count} conformance vectors in {directory} ({settings})");
        for (int i = 0; i < manifest.Vectors.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = Check(directory, manifest.Vectors[i], settings);
            results.Add(result);
            log?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"[{i + 1,3}/{manifest.Vectors.Count}] {(result.Passed ? "pass" : "FAIL")} {result.Name} ({result.Elapsed.TotalMilliseconds:F0} ms){(result.Passed ? string.Empty : ": " + result.Reason)}"));
        }

        var summary = new ConformanceSummary(directory, settings, results, total.Elapsed);
        log?.WriteLine(ConformanceReport.SummaryLine(summary));
        return summary;
    }

    /// <summary>
    /// The default vectors folder: <c>Conformance/vectors</c> in the first of the current directory and the
    /// program's directory (and their parents) that has one; null when none does.
    /// </summary>
    public static string? FindDefaultDirectory()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "Conformance", "vectors");
                if (File.Exists(Path.Combine(candidate, ConformanceManifest.FileName)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Checks one vector.</summary>
    internal static VectorResult Check(string directory, VectorEntry entry, ConformanceSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var (outcome, reason) = Evaluate(Path.Combine(directory, entry.File), entry, settings);
        return new VectorResult(entry.Name, entry.IsValid, outcome, reason, clock.Elapsed);
    }

    private static (VectorOutcome Outcome, string Reason) Evaluate(string path, VectorEntry entry, ConformanceSettings settings)
    {
        if (!File.Exists(path))
        {
            return Fail($"the file {entry.File} is missing");
        }

        string fileHash;
        using (var stream = File.OpenRead(path))
        {
            fileHash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (fileHash != entry.FileSha256)
        {
            return Fail($"the file's SHA-256 is {fileHash} but the manifest says {entry.FileSha256}: the vector itself changed");
        }

        DecodedOutput output;
        try
        {
            output = VectorDecoder.Decode(path, settings.ToDecoderOptions());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return entry.Error is { } expected
                ? CompareError(expected, e)
                : Fail($"decoding failed: {e.GetType().FullName}: {e.Message}");
        }

        return entry.Output is { } expectedOutput
            ? CompareOutput(expectedOutput, output)
            : Fail($"the vector was accepted, but it must be rejected with {entry.Error!.Exception} containing \"{entry.Error.MessageContains}\"");
    }

    private static (VectorOutcome, string) CompareError(ExpectedError expected, Exception actual)
    {
        string type = actual.GetType().FullName ?? actual.GetType().Name;
        if (type != expected.Exception)
        {
            return Fail($"rejected with {type} ({actual.Message}), expected {expected.Exception}");
        }

        return actual.Message.Contains(expected.MessageContains, StringComparison.Ordinal)
            ? (VectorOutcome.Pass, $"rejected: {actual.Message}")
            : Fail($"rejected with \"{actual.Message}\", which does not contain \"{expected.MessageContains}\"");
    }

    private static (VectorOutcome, string) CompareOutput(ExpectedOutput expected, DecodedOutput actual)
    {
        if (actual.FrameHashes.Count != expected.FrameHashes.Count)
        {
            return Fail($"decoded {actual.FrameHashes.Count} frames, expected {expected.FrameHashes.Count}");
        }

        var wrong = Enumerable.Range(0, expected.FrameHashes.Count).Where(i => actual.FrameHashes[i] != expected.FrameHashes[i]).ToList();
        if (wrong.Count > 0)
        {
            int first = wrong[0];
            return Fail($"{wrong.Count} of {expected.FrameHashes.Count} frame hashes differ; frame {first} is {actual.FrameHashes[first]}, expected {expected.FrameHashes[first]}");
        }

        return actual.StreamHash == expected.StreamHash
            ? (VectorOutcome.Pass, $"{expected.FrameHashes.Count} frame(s) match")
            : Fail($"the stream hash is {actual.StreamHash}, expected {expected.StreamHash}");
    }

    private static (VectorOutcome, string) Fail(string reason) => (VectorOutcome.Fail, reason);
}
