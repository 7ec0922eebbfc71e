using Asmr.Benchmarks.DecodeSpeed;
using Asmr.Container.Model;

namespace Asmr.Benchmarks.Tests.DecodeSpeed;

/// <summary>The decode-speed model is one the format accepts, with latents that cost what the encoder spends on them.</summary>
public class SyntheticModelTests
{
    private static readonly ModelArchitecture GridArchitecture = new(
        [[1, 1, 1, 8], [4, 3, 2, 2], [11, 2, 2, 2]],
        width: 16,
        outputChannels: 3,
        [ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Table],
        [new LatentGrid(1, 4, 1), new LatentGrid(2, 4, 1)]);

    [Theory]
    [InlineData(0.25)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void Latents_HaveMultiplierOneAndCodeToAboutTheirBudget(double bitsPerLatent)
    {
        double latentBits = bitsPerLatent * GridArchitecture.LatentCount();
        var model = SyntheticModel.Create(GridArchitecture, frameCount: 8, latentBits, seed: 1);

        byte[] payload = ModelPayloadWriter.Write(model, out int[] coded);

        Assert.NotEmpty(payload);
        var latents = Enumerable.Range(0, model.Tensors.Count).Where(i => model.Tensors[i].Role == TensorRole.GridLatents).ToList();
        Assert.Equal(8, latents.Count);
        Assert.All(latents, i => Assert.Equal(1u, model.Tensors[i].Multiplier));
        double codedBits = 8.0 * latents.Sum(i => coded[i]);
        Assert.InRange(codedBits / latentBits, 0.8, 1.25);
    }
}
