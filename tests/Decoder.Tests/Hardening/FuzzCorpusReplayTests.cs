namespace Asmr.Decoder.Tests.Hardening;

/// <summary>
/// CI stand-in for the AFL++ run (fuzz/README.md): every seed and every saved crash goes through the same
/// pipeline as the harness (<see cref="Asmr.Decoder.Files.UntrustedFileCheck"/>), and only the documented
/// exceptions may escape, each within a time bound.
/// </summary>
public sealed class FuzzCorpusReplayTests
{
    private static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_fuzz_corpus_and_regressions_are_present()
    {
        var inputs = HardeningFiles.FuzzInputs();
        Assert.True(inputs.Count >= 93, $"expected the seed corpus (93 conformance vectors) and the regressions, found {inputs.Count} files");
        Assert.Contains(inputs, f => Path.GetFileName(f).StartsWith('v'));
        Assert.Contains(inputs, f => Path.GetFileName(f).StartsWith('e'));
    }

    [Fact]
    public void Every_fuzz_input_is_decoded_or_rejected_with_a_documented_exception()
    {
        foreach (string file in HardeningFiles.FuzzInputs())
        {
            UntrustedInput.Check(File.ReadAllBytes(file), Path.GetFileName(file), PerFileLimit);
        }
    }

    [Fact]
    public void Valid_seeds_decode_and_invalid_seeds_are_rejected()
    {
        foreach (string file in HardeningFiles.FuzzInputs().Where(f => Path.GetDirectoryName(f) == HardeningFiles.FuzzCorpus))
        {
            string name = Path.GetFileName(file);
            var outcome = UntrustedInput.Check(File.ReadAllBytes(file), name, PerFileLimit);
            if (name.StartsWith('v'))
            {
                Assert.True(outcome == UntrustedInput.Outcome.Decoded, $"{name}: {outcome}");
            }
            else if (name.StartsWith('e'))
            {
                Assert.True(outcome != UntrustedInput.Outcome.Decoded, $"{name} decoded but is an invalid vector");
            }
        }
    }
}
