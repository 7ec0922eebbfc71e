using Asmr.Codec.Training;
using Asmr.Container.Model;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>
/// The experimental residual grid: latents on the cells of level L−2 (space only) whose channels, scaled by a gain per
/// time digit, add a per-channel pattern to the output.
/// </summary>
public sealed class ResidualGridTests
{
    private static readonly ModulationKind[] Kinds = [ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Table];

    // Time bases 1, 2, 1, 4: level L−2 has 2 time cells, the last level 4 time digits.
    private static ModelArchitecture Tiny() => new([[1, 2, 1, 4], [2, 3, 2, 2], [3, 2, 2, 2]], 8, 3, Kinds, [new LatentGrid(2, 2, 1)]);

    [Fact]
    public void Zero_residual_latents_leave_the_output_unchanged()
    {
        (int, int)[] pooling = [(1, 1), (2, 2), (2, 2)];
        using var plain = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 7, contextHidden: 4);
        using var residual = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 7, contextHidden: 4, residualRank: 3);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var expected = plain.ForwardPooled(plain.SharedPre(), pooling);
        var actual = residual.ForwardPooled(residual.SharedPre(), pooling);

        Assert.True((expected - actual).abs().max().item<float>() < 1e-5f);
    }

    [Fact]
    public void Each_output_gains_its_cells_latents_times_the_frames_gains_times_the_channels_pattern()
    {
        (int, int)[] pooling = [(1, 1), (1, 1), (1, 2)];
        using var net = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 7, contextHidden: 4, residualRank: 3);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var a = net.Architecture;
        int ct = a.CumulativeSize(Axis.T, 2), cy = a.CumulativeSize(Axis.Y, 2), cx = a.CumulativeSize(Axis.X, 2);
        // Every other cell of level L−2, as a sampled training step lists them (tree order).
        var cells = arange(0, ct * cy * cx, 2, dtype: ScalarType.Int64);
        var pre = net.SharedPre(cells);
        var without = net.ForwardPooled(pre, pooling, cells);
        var z = net.GridLatents[net.ResidualGridIndex];
        z.copy_(randint(-3, 4, z.shape).to(ScalarType.Float32));

        var added = net.ForwardPooled(pre, pooling, cells) - without;

        var (gains, colours, latents) = ResidualParameters(net);
        var rasterOfTree = RasterOfTree(a);

        const int bt = 4, by = 2, bx = 2, rank = 3;
        var actual = added.data<float>().ToArray();
        long[] listed = cells.data<long>().ToArray();
        int columns = (int)added.shape[1];
        for (int i = 0; i < listed.Length; i++)
        {
            long raster = rasterOfTree[listed[i]];
            long time = raster / (cy * cx), spatial = raster % (cy * cx);
            int column = 0;
            for (int o = 0; o < 3; o++)
            {
                int sx = pooling[o].Item2;
                for (int t = 0; t < bt; t++)
                {
                    for (int y = 0; y < by; y++)
                    {
                        for (int x = 0; x < bx; x += sx)
                        {
                            double expected = 0;
                            for (int r = 0; r < rank; r++)
                            {
                                double pattern = 0;
                                for (int dx = 0; dx < sx; dx++)
                                {
                                    pattern += colours[(r * 3 * by * bx) + (o * by * bx) + (y * bx) + x + dx] / sx;
                                }

                                expected += latents[(spatial * rank) + r] * gains[(time * rank * bt) + (r * bt) + t] * pattern;
                            }

                            Assert.True(Math.Abs(expected - actual[(i * columns) + column]) < 1e-4, $"cell {listed[i]} channel {o} column {column}");
                            column++;
                        }
                    }
                }
            }

            Assert.Equal(columns, column);
        }
    }

    [Fact]
    public void With_a_map_value_per_pixel_each_output_gains_its_own_pixels_latents()
    {
        (int, int)[] pooling = [(1, 1), (2, 2), (1, 2)];
        using var net = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 7, contextHidden: 4, residualRank: 2, residualPerSample: true);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var a = net.Architecture;
        int ct = a.CumulativeSize(Axis.T, 2), cy = a.CumulativeSize(Axis.Y, 2), cx = a.CumulativeSize(Axis.X, 2);
        var cells = arange(1, ct * cy * cx, 3, dtype: ScalarType.Int64);
        var pre = net.SharedPre(cells);
        var without = net.ForwardPooled(pre, pooling, cells);
        var z = net.GridLatents[net.ResidualGridIndex];
        const int bt = 4, by = 2, bx = 2, rank = 2;
        Assert.Equal(cy * by * cx * bx, (int)z.shape[0]);
        z.copy_(randint(-3, 4, z.shape).to(ScalarType.Float32));

        var added = net.ForwardPooled(pre, pooling, cells) - without;

        var (gains, colours, latents) = ResidualParameters(net);
        var rasterOfTree = RasterOfTree(a);

        var actual = added.data<float>().ToArray();
        long[] listed = cells.data<long>().ToArray();
        int columns = (int)added.shape[1];
        for (int i = 0; i < listed.Length; i++)
        {
            long raster = rasterOfTree[listed[i]];
            long time = raster / (cy * cx), cellY = raster / cx % cy, cellX = raster % cx;
            int column = 0;
            for (int o = 0; o < 3; o++)
            {
                var (sy, sx) = pooling[o];
                for (int t = 0; t < bt; t++)
                {
                    for (int y = 0; y < by; y += sy)
                    {
                        for (int x = 0; x < bx; x += sx)
                        {
                            double expected = 0;
                            for (int dy = 0; dy < sy; dy++)
                            {
                                for (int dx = 0; dx < sx; dx++)
                                {
                                    long pixel = (((cellY * by) + y + dy) * cx * bx) + (cellX * bx) + x + dx;
                                    for (int r = 0; r < rank; r++)
                                    {
                                        expected += latents[(pixel * rank) + r] * gains[(time * rank * bt) + (r * bt) + t] * colours[(r * 3) + o] / (sy * sx);
                                    }
                                }
                            }

                            Assert.True(Math.Abs(expected - actual[(i * columns) + column]) < 1e-4, $"cell {listed[i]} channel {o} column {column}");
                            column++;
                        }
                    }
                }
            }

            Assert.Equal(columns, column);
        }
    }

    [Fact]
    public void A_rounded_forward_shows_the_integers_while_training_and_passes_gradients_to_the_latents()
    {
        (int, int)[] pooling = [(1, 1), (1, 1), (1, 1)];
        using var net = new AsmrNetwork(Tiny(), new NetworkInit { OutputGain = 1 }, 7, contextHidden: 4, residualRank: 2) { ResidualRoundedForward = true, LatentNoise = false };
        using var scope = NewDisposeScope();
        var z = net.GridLatents[net.ResidualGridIndex];
        using (var noGrad = no_grad())
        {
            z.copy_((randn(z.shape) * 2).to(ScalarType.Float32));
        }

        var training = net.ForwardPooled(net.SharedPre(), pooling);
        training.sum().backward();
        Tensor rounded;
        using (var noGrad = no_grad())
        {
            var values = z.detach().clone();
            z.copy_(values.round());
            rounded = net.ForwardPooled(net.SharedPre(), pooling);
            z.copy_(values);
        }

        Assert.NotNull(z.grad);
        Assert.True(z.grad!.abs().sum().item<float>() > 0);
        Assert.True((training.detach() - rounded).abs().max().item<float>() < 1e-5f);
        net.ResidualRoundedForward = false;
        var unrounded = net.ForwardPooled(net.SharedPre(), pooling);
        Assert.True((unrounded.detach() - rounded).abs().max().item<float>() > 1e-3f);
    }

    /// <summary>The residual grid's gains, colours and latents as flat arrays.</summary>
    private static (float[] Gains, float[] Colours, float[] Latents) ResidualParameters(AsmrNetwork net) =>
        (net.named_parameters().Single(p => p.name == "residual_gains").parameter.data<float>().ToArray(),
         net.GridProjections[net.ResidualGridIndex].data<float>().ToArray(),
         net.GridLatents[net.ResidualGridIndex].data<float>().ToArray());

    /// <summary>For each tree-order cell of level 2, its raster index (t, y, x).</summary>
    private static long[] RasterOfTree(ModelArchitecture a)
    {
        var tree = CellOrder.TreePositions(a, 2);
        var raster = new long[tree.Length];
        for (int r = 0; r < tree.Length; r++)
        {
            raster[tree[r]] = r;
        }

        return raster;
    }
}
