using Asmr.Codec.Training;
using Asmr.Container.Model;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>
/// The experimental time grid: latents on the cells of level L−2 per group of the last level's time digits, added to
/// the last level's pre-activation.
/// </summary>
public sealed class TimeGridTests
{
    private static readonly ModulationKind[] Kinds = [ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Table];

    // Time bases 1, 2, 1, 4: the last level has 4 time digits, so 2 frames per time cell make 2 groups.
    private static ModelArchitecture Tiny() => new([[1, 2, 1, 4], [2, 3, 2, 2], [3, 2, 2, 2]], 8, 3, Kinds, [new LatentGrid(2, 2, 1)]);

    private static readonly (int Sy, int Sx)[] Unpooled = [(1, 1), (1, 1), (1, 1)];

    [Fact]
    public void Zero_time_latents_leave_the_last_level_unchanged()
    {
        using var plain = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 7, contextHidden: 4);
        using var timed = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 7, contextHidden: 4, timeCellFrames: 2, timeRank: 3);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var expected = plain.ForwardPooled(plain.SharedPre(), Unpooled);
        var actual = timed.ForwardPooled(timed.SharedPre(), Unpooled);

        Assert.True((expected - actual).abs().max().item<float>() < 1e-5f);
    }

    [Fact]
    public void Each_group_of_time_digits_sees_pre_shifted_by_its_own_latent_term()
    {
        using var timed = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 7, contextHidden: 4, timeCellFrames: 2, timeRank: 3);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var z = timed.GridLatents[timed.TimeGridIndex];
        z.copy_(randint(-3, 4, z.shape).to(ScalarType.Float32));
        var a = timed.Architecture;
        int beta = a.LocalCount(a.Levels - 1), perGroup = beta / 2;
        // Every other cell of level L−2, as a sampled training step lists them (tree order).
        var cells = arange(0, a.CumulativeSize(Axis.T, 2) * a.CumulativeSize(Axis.Y, 2) * a.CumulativeSize(Axis.X, 2), 2, dtype: ScalarType.Int64);
        var pre = timed.SharedPre(cells);

        var actual = timed.ForwardPooled(pre, Unpooled, cells).view(-1, 3, beta);

        int cy = a.CumulativeSize(Axis.Y, 2), cx = a.CumulativeSize(Axis.X, 2);
        var rasterOfTree = new long[a.CumulativeSize(Axis.T, 2) * cy * cx];
        var tree = CellOrder.TreePositions(a, 2);
        for (int r = 0; r < tree.Length; r++)
        {
            rasterOfTree[tree[r]] = r;
        }

        for (int g = 0; g < 2; g++)
        {
            // The cell at raster (t, y, x) reads row ((t·2 + g)·cy + y)·cx + x of the time grid.
            var rows = cells.data<long>().Select(c => rasterOfTree[c]).Select(r => ((((r / (cy * cx) * 2) + g) * cy) + (r / cx % cy)) * cx + (r % cx)).ToArray();
            var shifted = pre + z.index_select(0, tensor(rows)).mm(timed.GridProjections[timed.TimeGridIndex]);
            var expected = ForwardWithoutTimeGrid(timed, shifted).view(-1, 3, beta).narrow(2, g * perGroup, perGroup);
            Assert.True((expected - actual.narrow(2, g * perGroup, perGroup)).abs().max().item<float>() < 1e-5f, $"group {g}");
        }
    }

    /// <summary>The last level of the same parameters with no time grid: the factorised form written out per digit.</summary>
    private static Tensor ForwardWithoutTimeGrid(AsmrNetwork net, Tensor pre)
    {
        var a = net.Architecture;
        var m = net.Pattern(a.Levels - 1);
        int h = a.Width;
        long beta = m.shape[0];
        var act = (pre.view(-1, 1, h) + m.view(1, beta, h)).sin();
        return act.matmul(net.OutputWeight.t()).permute(0, 2, 1) + net.OutputBias.view(1, -1, 1);
    }
}
