using Asmr.Codec.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

public sealed class TorchSharpLoadTests
{
    [Fact]
    public void Tensor_op_runs_on_this_machine()
    {
        using var scope = NewDisposeScope();
        var sum = ones(3).sum().item<float>();
        Assert.Equal(3f, sum);
    }

    [Fact]
    public void Adam_step_reduces_a_quadratic_loss()
    {
        using var scope = NewDisposeScope();
        var w = nn.Parameter(tensor(new float[] { 2f, -3f }));
        var opt = optim.Adam([w], lr: 0.1);
        float Loss() => (w * w).sum().item<float>();
        float before = Loss();
        for (int i = 0; i < 5; i++)
        {
            // Collection held off as in the trainer: Adam passes libtorch temporary Scalars (see CollectionPause).
            CollectionPause.Run(() =>
            {
                using var step = NewDisposeScope();
                opt.zero_grad();
                var loss = (w * w).sum();
                loss.backward();
                opt.step();
            });
        }

        Assert.True(Loss() < before);
    }
}
