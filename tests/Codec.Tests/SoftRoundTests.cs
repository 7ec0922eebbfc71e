using Asmr.Codec.Training;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>The soft rounding that moves training latents from noise towards the integers the file stores.</summary>
public sealed class SoftRoundTests
{
    private static float[] Values(Tensor t) => t.data<float>().ToArray();

    [Fact]
    public void A_small_temperature_rounds_and_a_large_one_is_almost_the_identity()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { -1.7f, -0.2f, 0.3f, 0.45f, 1.2f, 2.8f });

        var sharp = Values(AsmrNetwork.SoftRound(x, 0.01));
        var smooth = Values(AsmrNetwork.SoftRound(x, 10));

        Assert.Equal(new[] { -2f, 0f, 0f, 0f, 1f, 3f }, sharp.Select(v => MathF.Round(v, 3)).ToArray());
        Assert.All(smooth.Zip(Values(x)), p => Assert.InRange(p.First - p.Second, -0.01f, 0.01f));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.1)]
    public void It_keeps_integers_and_midpoints_and_is_continuous_across_them(double temperature)
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { -1f, 0f, 2f, 0.5f, -0.5f, 1.5f });
        var justBelow = tensor(new[] { -1.0001f, -0.0001f, 1.9999f });
        var justAbove = tensor(new[] { -0.9999f, 0.0001f, 2.0001f });

        var y = Values(AsmrNetwork.SoftRound(x, temperature));

        Assert.Equal(new[] { -1f, 0f, 2f, 0.5f, -0.5f, 1.5f }, y.Select(v => MathF.Round(v, 4)).ToArray());
        var below = Values(AsmrNetwork.SoftRound(justBelow, temperature));
        var above = Values(AsmrNetwork.SoftRound(justAbove, temperature));
        Assert.All(below.Zip(above), p => Assert.InRange(p.Second - p.First, 0f, 0.001f));
    }

    [Fact]
    public void Its_gradient_is_larger_near_the_midpoints_than_near_the_integers()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 0.05f, 0.5f }, requires_grad: true);

        AsmrNetwork.SoftRound(x, 0.2).sum().backward();
        var g = Values(x.grad!);

        Assert.True(g[1] > 2 * g[0], $"gradients {g[0]} near an integer, {g[1]} at a midpoint");
        Assert.True(g[0] > 0, "the gradient must not vanish near an integer");
    }
}
