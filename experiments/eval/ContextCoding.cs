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
    /// <summary>
    /// What the file would weigh with each grid's latents coded by the context model the encoder trained (its rate
    /// term) instead of order-0: the latents' bytes under that model plus its parameters (adaptive-coded).
    /// </summary>
    public static int ReportTrained(SegmentModel model, int[] tensorBytes, IReadOnlyList<LatentContextModel> contexts)
    {
        var a = model.Architecture;
        int saved = 0;
        for (int g = 0; g < a.Grids.Count; g++)
        {
            var grid = a.Grids[g];
            int rows = a.CumulativeSize(Axis.Y, grid.Level), columns = a.CumulativeSize(Axis.X, grid.Level);
            int[] latents = Interleave(model, grid, rows, columns);
            int adaptive = Enumerable.Range(0, model.Tensors.Count)
                .Where(i => model.Tensors[i].Role == TensorRole.GridLatents && model.Tensors[i].Level == grid.Level)
                .Sum(i => tensorBytes[i]);
            int coded = LatentPlaneCoding.Encode(contexts[g], latents, grid.TemporalCells, rows, columns, grid.Rank).Length;
            int parameters = AdaptiveIntegerCoder.Encode(contexts[g].Parameters()).Length + 4 * 13;
            int nonZero = latents.Count(v => v != 0);
            Console.WriteLine($"trained context grid l{grid.Level} k{grid.Rank} t{grid.TemporalCells} {rows}x{columns}: {latents.Length} latents ({nonZero} non-zero), order-0 {adaptive} B, context-coded {coded} B + model {parameters} B");
            saved += adaptive - coded - parameters;
        }

        return saved;
    }

    private static int[] Interleave(SegmentModel model, LatentGrid grid, int rows, int columns)
    {
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

        return latents;
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
