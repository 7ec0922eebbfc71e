using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Hardening;

/// <summary>Several asmrc processes encoding and decoding at once in one folder do not disturb each other.</summary>
public sealed class ParallelRunTests
{
    [Fact]
    public async Task Parallel_encodes_and_decodes_in_one_folder_each_produce_their_own_correct_output()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("a.asmr"));
        HardeningInputs.WriteY4m(temp.File("b.y4m"), 8, 8, frames: 1, seed: 2);
        HardeningInputs.WriteY4m(temp.File("c.y4m"), 8, 8, frames: 1, seed: 3);

        var single = await ChildAsmrc.RunAsync(["decode", "a.asmr", "ref.y4m", "--quiet"], temp.Path);
        Assert.True(single.ExitCode == 0, single.ToString());
        byte[] reference = File.ReadAllBytes(temp.File("ref.y4m"));

        var runs = new List<Task<ChildResult>>
        {
            ChildAsmrc.RunAsync(["encode", "b.y4m", "b.asmr", "--preset", "fast", "--threads", "1"], temp.Path),
            ChildAsmrc.RunAsync(["encode", "c.y4m", "c.asmr", "--preset", "fast", "--threads", "1"], temp.Path),
        };
        for (int i = 0; i < 4; i++)
        {
            runs.Add(ChildAsmrc.RunAsync(["decode", "a.asmr", $"a{i}.y4m"], temp.Path));
        }

        var results = await Task.WhenAll(runs);

        foreach (var result in results)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(reference, File.ReadAllBytes(temp.File($"a{i}.y4m")));
        }

        foreach (string name in new[] { "b", "c" })
        {
            var info = await Asmrc.RunAsync("info", temp.File($"{name}.asmr"), "--json");
            Assert.True(info.ExitCode == 0, info.ToString());
            Assert.Contains($"{name}.y4m", info.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Equal(
            ["a.asmr", "a0.y4m", "a1.y4m", "a2.y4m", "a3.y4m", "b.asmr", "b.y4m", "c.asmr", "c.y4m", "ref.y4m"],
            HardeningInputs.Listing(temp.Path));
    }
}
