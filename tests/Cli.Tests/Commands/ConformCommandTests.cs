using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Commands;

public sealed class ConformCommandTests
{
    [Theory]
    [InlineData("--threads", "1")]
    [InlineData("--threads", "3")]
    [InlineData("--scalar", "--threads=2")]
    public async Task Conform_on_the_repository_vectors_passes_every_vector_and_exits_0(string option, string other)
    {
        var result = await Asmrc.RunAsync("conform", Repository.PathOf("Conformance/vectors"), option, other, "--quiet");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.DoesNotContain("FAIL", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("v01-gray-1x1", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conform_with_a_tampered_expected_hash_exits_with_the_number_of_failures()
    {
        using var temp = new TempDirectory();
        foreach (string file in Directory.GetFiles(Repository.PathOf("Conformance/vectors")))
        {
            File.Copy(file, temp.File(Path.GetFileName(file)));
        }

        string manifest = File.ReadAllText(temp.File("manifest.json"));
        string hash = System.Text.RegularExpressions.Regex.Match(manifest, "\"stream_sha256\"\\s*:\\s*\"([0-9a-f]{64})\"").Groups[1].Value;
        Assert.NotEmpty(hash);
        File.WriteAllText(temp.File("manifest.json"), manifest.Replace(hash, new string('0', 64), StringComparison.Ordinal));

        var result = await Asmrc.RunAsync("conform", temp.Path, "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL", result.StandardOutput, StringComparison.Ordinal);
    }
}
