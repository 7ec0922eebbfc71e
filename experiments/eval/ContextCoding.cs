using Asmr.Codec.Training;
using Asmr.Container.Entropy;
using Asmr.Container.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Asmr.Experiments;

/// <summary>
/// What a grid's latents would cost under the context model (docs/design/model-v3.md) instead of the order-0
/// adaptive coding the file uses: a context model is fitted to the final latents, then the integer coder codes them.
/// </summary>
internal static class ContextCoding
{
    /// <summary>Bytes of a model_version 3 payload by component: network, each grid's latents, context models.</summary>
    public static void ReportComponents(SegmentModel model, int[] tensorBytes)
    {
        int network = 0, context = 0;
        var latents = new SortedDictionary<int, int>();
        for (int i = 0; i < model.Tensors.Count; i++)
        {
            var t = model.Tensors[i];
            switch (t.Role)
            {
                case TensorRole.GridLatents:
                    latents[t.Level] = latents.GetValueOrDefault(t.Level) + tensorBytes[i];
                    break;
                case >= TensorRole.ContextWeight:
                    context += tensorBytes[i];
                    break;
                default:
                    network += tensorBytes[i];
                    break;
            }
        }

        Console.WriteLine($"components: network {network} B, latents {string.Join(", ", latents.Select(p => $"l{p.Key} {p.Value} B"))}, context models {context} B");
    }

    /// <summary>
    /// Per model_version 3 grid and time cell: the ideal bits of the stored integer latents under the stored integer
    /// context model (continuous Laplace with its predicted mean and scale bin), the share of zeros, and the share
    /// equal to the previous time cell's co-located latent; then the coded bytes of the grid.
    /// </summary>
    public static void Diagnose(SegmentModel model, int[] tensorBytes)
    {
        var a = model.Architecture;
        foreach (var grid in a.Grids)
        {
            int rows = a.CumulativeSize(Axis.Y, grid.Level), columns = a.CumulativeSize(Axis.X, grid.Level), k = grid.Rank;
            var stored = model.Tensors.First(t => t.Role == TensorRole.GridLatents && t.Level == grid.Level);
            int[] z = stored.Values; // cells × k, row-major: [t][y][x][c]
            var cm = model.ContextModelOf(grid.Level);
            Span<int> context = stackalloc int[LatentContext.Count];
            int perCell = rows * columns * k;
            for (int t = 0; t < grid.TemporalCells; t++)
            {
                double bits = 0;
                int zeros = 0, same = 0, big = 0;
                for (int i = t * perCell; i < (t + 1) * perCell; i++)
                {
                    LatentContext.Gather(z, rows, columns, k, i, context);
                    var (mi, f, bin) = cm.Predict(context, i % k);
                    double mean = mi + (f / 16.0), b = Math.Pow(2, (bin - 32) / 8.0);
                    double Cdf(double v) => v < mean ? 0.5 * Math.Exp((v - mean) / b) : 1 - (0.5 * Math.Exp(-(v - mean) / b));
                    bits -= Math.Log2(Math.Max(1e-9, Cdf(z[i] + 0.5) - Cdf(z[i] - 0.5)));
                    zeros += z[i] == 0 ? 1 : 0;
                    same += t > 0 && z[i] == z[i - perCell] ? 1 : 0;
                    big += Math.Abs(z[i]) > 15 ? 1 : 0;
                }

                Console.WriteLine($"diag grid l{grid.Level} t{t}: ideal {bits / 8:F0} B, zeros {100.0 * zeros / perCell:F1} %, same as previous time cell {100.0 * same / perCell:F1} %, |z|>15 {100.0 * big / perCell:F2} %");
            }

            int index = model.Tensors.ToList().IndexOf(stored);
            Console.WriteLine($"diag grid l{grid.Level}: coded {tensorBytes[index]} B");
        }
    }

    public static void Report(SegmentModel model, int[] tensorBytes, int hidden)
    {
        var a = model.Architecture;
        for (int g = 0; g < a.Grids.Count; g++)
        {
            var grid = a.Grids[g];
            int rows = a.CumulativeSize(Axis.Y, grid.Level), columns = a.CumulativeSize(Axis.X, grid.Level);
            int cells = grid.TemporalCells * rows * columns;
            var channels = model.GridLatentsOf(grid.Level);
            int[] latents = new int[cells * grid.Rank];
            for (int c = 0; c < grid.Rank; c++)
            {
                for (int i = 0; i < cells; i++)
                {
                    latents[(i * grid.Rank) + c] = channels[c].Values[i];
                }
            }

            int adaptive = Enumerable.Range(0, model.Tensors.Count)
                .Where(i => model.Tensors[i].Role == TensorRole.GridLatents && model.Tensors[i].Level == grid.Level)
                .Sum(i => tensorBytes[i]);
            using var values = tensor(latents.Select(v => (float)v).ToArray()).view(-1, grid.Rank);
            using var network = new LatentContextNetwork(hidden, grid.Rank, seed: 1);
            using (var optimizer = optim.Adam(network.parameters(), lr: 0.03))
            {
                for (int step = 0; step < 600; step++)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    network.Bits(values, grid.TemporalCells, rows, columns).backward();
                    optimizer.step();
                }
            }

            int coded = LatentPlaneCoding.Encode(network.ToInteger(), latents, grid.TemporalCells, rows, columns, grid.Rank).Length;
            int nonZero = latents.Count(v => v != 0);
            Console.WriteLine($"context grid l{grid.Level} k{grid.Rank} t{grid.TemporalCells} {rows}x{columns}: {latents.Length} latents ({nonZero} non-zero), adaptive order-0 {adaptive} B, context model {coded} B ({100.0 * coded / Math.Max(1, adaptive):F0} %)");
        }
    }
}
