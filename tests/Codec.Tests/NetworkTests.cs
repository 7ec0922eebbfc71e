using Asmr.Codec.Training;
using Asmr.Container.Model;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

public sealed class NetworkTests
{
    internal static ModelArchitecture Tiny(ModulationKind last = ModulationKind.Table) => new(
        [[2, 1, 3, 2], [3, 2, 1, 2], [2, 2, 2, 4]],
        8,
        3,
        [ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table, last]);

    [Theory]
    [InlineData(ModulationKind.Table)]
    [InlineData(ModulationKind.Linear)]
    public void Shared_forward_equals_per_sample_forward(ModulationKind last)
    {
        using var net = new AsmrNetwork(Tiny(last), new NetworkInit { OutputGain = 1 }, 7);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        double maxDiff = SharedVersusPerSampleDifference(net, out double largestOutput);

        Assert.True(maxDiff < 1e-5, $"max difference {maxDiff}");
        Assert.True(largestOutput > 0.1, "the test network must produce non-trivial outputs");
    }

    /// <summary>The largest difference between the shared forward and the per-sample forward over the whole grid.</summary>
    internal static double SharedVersusPerSampleDifference(AsmrNetwork net, out double largestOutput)
    {
        var a = net.Architecture;
        int last = a.Levels - 1;
        var shared = net.Forward().cpu();
        int nt = a.GridSize(Axis.T), ny = a.GridSize(Axis.Y), nx = a.GridSize(Axis.X);
        int lt = a.Base(Axis.T, last), ly = a.Base(Axis.Y, last), lx = a.Base(Axis.X, last);
        int cy = ny / ly, cx = nx / lx;
        var coords = new long[nt * ny * nx, 3];
        int i = 0;
        for (int t = 0; t < nt; t++)
        {
            for (int y = 0; y < ny; y++)
            {
                for (int x = 0; x < nx; x++, i++)
                {
                    coords[i, 0] = t;
                    coords[i, 1] = y;
                    coords[i, 2] = x;
                }
            }
        }

        var direct = net.PerSampleForward(coords).cpu();
        double maxDiff = 0;
        i = 0;
        for (int t = 0; t < nt; t++)
        {
            for (int y = 0; y < ny; y++)
            {
                for (int x = 0; x < nx; x++, i++)
                {
                    long cell = ((((t / lt) * cy) + (y / ly)) * cx) + (x / lx);
                    long delta = ((((t % lt) * ly) + (y % ly)) * lx) + (x % lx);
                    for (int o = 0; o < 3; o++)
                    {
                        double s = shared[cell, o, delta].item<float>();
                        double d = direct[i, o].item<float>();
                        maxDiff = Math.Max(maxDiff, Math.Abs(s - d));
                    }
                }
            }
        }

        largestOutput = shared.abs().max().item<float>();
        return maxDiff;
    }

    [Fact]
    public void Factorised_last_level_equals_the_direct_one()
    {
        using var net = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 3);

        Assert.True(FactorisedVersusDirectDifference(net) < 1e-5);
    }

    /// <summary>The largest difference between the factorised last level (one GEMM) and the direct sin(pre + m).</summary>
    internal static double FactorisedVersusDirectDifference(AsmrNetwork net)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var pre = net.SharedPre();
        var factorised = net.ForwardFromPre(pre, factorised: true);
        var direct = net.ForwardFromPre(pre, factorised: false);
        return (factorised - direct).abs().max().item<float>();
    }

    [Fact]
    public void Pooled_forward_averages_the_subsampled_channels()
    {
        var a = Tiny();
        using var net = new AsmrNetwork(a, new NetworkInit { OutputGain = 1 }, 5);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var pre = net.SharedPre();
        var full = net.ForwardFromPre(pre);
        var pooled = net.ForwardPooled(pre, [(1, 1), (2, 2), (2, 2)]);
        long cells = full.shape[0];

        // Local grid 2×2×4 (t, y, x): chroma averages 2×2 blocks → 2×1×2 = 4 values per channel.
        var cb = full.select(1, 1).reshape(cells, 2, 1, 2, 2, 2).mean([3, 5]).reshape(cells, 4);
        Assert.True((pooled.narrow(1, 16, 4) - cb).abs().max().item<float>() < 1e-5);
        Assert.True((pooled.narrow(1, 0, 16) - full.select(1, 0)).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void Pooled_forward_restricted_to_columns_equals_those_columns_of_the_full_output()
    {
        using var net = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 5);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var pre = net.SharedPre();
        (int, int)[] pooling = [(1, 1), (2, 2), (2, 2)];
        var full = net.ForwardPooled(pre, pooling);
        var columns = tensor(new long[] { 19, 0, 7, 16, 3 });

        var restricted = net.ForwardPooled(pre, pooling, null, columns);

        Assert.Equal(new long[] { full.shape[0], 5 }, restricted.shape);
        Assert.True((restricted - full.index_select(1, columns)).abs().max().item<float>() < 1e-6);
    }

    [Fact]
    public void Half_precision_last_level_stays_within_bfloat16_rounding_of_float32_and_keeps_gradients()
    {
        using var net = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 11);
        using var scope = NewDisposeScope();
        var pre = net.SharedPre();
        (int, int)[] pooling = [(1, 1), (2, 2), (2, 2)];
        var exact = net.ForwardPooled(pre, pooling).detach();

        net.HalfPrecisionLastLevel = true;
        var half = net.ForwardPooled(pre, pooling);
        double difference = (half.detach() - exact).abs().max().item<float>();
        double scale = exact.abs().max().item<float>();

        // bfloat16 keeps 8 significant bits: operands round by 2^-9 relative, the GEMM accumulates in float32.
        Assert.True(difference > 0, "the bfloat16 path must actually run in bfloat16");
        Assert.True(difference < 0.02 * scale, $"bfloat16 output differs by {difference} at output scale {scale}");
        half.square().sum().backward();
        Assert.NotNull(net.OutputWeight.grad);
        Assert.True(net.OutputWeight.grad!.abs().sum().item<float>() > 0);

        using (no_grad())
        {
            // Evaluation (no gradients) always uses float32, whatever the flag says.
            Assert.Equal(0f, (net.ForwardPooled(pre, pooling) - exact).abs().max().item<float>());
        }
    }
}
