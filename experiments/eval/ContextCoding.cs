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

        for (int i = 0; i < model.Tensors.Count; i++)
        {
            var t = model.Tensors[i];
            Console.WriteLine($"tensor {t.Role} l{t.Level} {t.Rows}x{t.Columns}: {tensorBytes[i]} B, {tensorBytes[i] * 8.0 / Math.Max(1, t.Values.Length):F2} bits/value, multiplier {t.Multiplier}, nonzero {t.Values.Count(v => v != 0) * 100.0 / Math.Max(1, t.Values.Length):F1} %");
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

/// <summary>
/// Where a context model's estimate and the integer coder part ways. <see cref="Save"/> keeps each grid's fitted
/// float latents and context model; <see cref="Analyse"/> reads them back and compares, per time cell, the float
/// model's bits on the float latents noised (what training minimised) and on the rounded latents.
/// </summary>
internal static class FitInspection
{
    public static void Save(AsmrNetwork network, string path)
    {
        var a = network.Architecture;
        using var noGrad = no_grad();
        using var w = new BinaryWriter(File.Create(path));
        w.Write(network.GridContexts.Count);
        for (int g = 0; g < network.GridContexts.Count; g++)
        {
            var grid = a.Grids[g];
            var cm = network.GridContexts[g];
            w.Write(grid.Level);
            w.Write(grid.TemporalCells);
            w.Write(a.CumulativeSize(Axis.Y, grid.Level));
            w.Write(a.CumulativeSize(Axis.X, grid.Level));
            w.Write(grid.Rank);
            w.Write(cm.Hidden);
            void Put(Tensor t)
            {
                var v = t.detach().cpu().contiguous().to_type(ScalarType.Float32).data<float>().ToArray();
                w.Write(v.Length);
                foreach (var f in v) w.Write(f);
            }

            Put(network.LatentValues(g));
            foreach (var p in cm.parameters()) Put(p);
        }

        Console.WriteLine($"inspect: saved {path}");
    }

    public static void Analyse(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        int grids = r.ReadInt32();
        for (int g = 0; g < grids; g++)
        {
            int level = r.ReadInt32(), tc = r.ReadInt32(), rows = r.ReadInt32(), columns = r.ReadInt32(), k = r.ReadInt32(), hidden = r.ReadInt32();
            float[] Get() { int n = r.ReadInt32(); var v = new float[n]; for (int i = 0; i < n; i++) v[i] = r.ReadSingle(); return v; }
            var z = tensor(Get()).view(-1, k);
            using var cm = new LatentContextNetwork(hidden, k, 1);
            using (no_grad())
            {
                foreach (var p in cm.parameters()) { var v = Get(); p.copy_(tensor(v).view(p.shape)); }
            }

            using var noGrad = no_grad();
            using var gen = new Generator(7);
            double[] PerTime(Tensor bits) => [.. Enumerable.Range(0, tc).Select(t => bits.select(0, t).sum().item<float>() / 8.0)];
            string Row(string name, Tensor bits) => $"{name} [{string.Join(", ", PerTime(bits).Select(b => $"{b:F0}"))}] B";
            var noised = z + (rand(z.shape, generator: gen) - 0.5);
            var rounded = z.round();
            var noisedRounded = rounded + (rand(z.shape, generator: gen) - 0.5);
            var frac = (z - rounded).abs();
            Console.WriteLine($"analyse l{level} t{tc} {rows}x{columns}x{k} h{hidden}: |z| mean {z.abs().mean().item<float>():F3}, |z - round z| mean {frac.mean().item<float>():F3}, share within 0.05 of an integer {(frac < 0.05).to_type(ScalarType.Float32).mean().item<float>():P1}, within 0.45..0.5 {(frac > 0.45).to_type(ScalarType.Float32).mean().item<float>():P1}");
            Console.WriteLine("analyse  " + Row("float noised", cm.BitsEach(noised, noised, tc, rows, columns)));
            Console.WriteLine("analyse  " + Row("float clean", cm.BitsEach(z, z, tc, rows, columns)));
            Console.WriteLine("analyse  " + Row("rounded", cm.BitsEach(rounded, rounded, tc, rows, columns)));
            Console.WriteLine("analyse  " + Row("rounded noised", cm.BitsEach(noisedRounded, noisedRounded, tc, rows, columns)));
            Console.WriteLine("analyse  " + Row("float noised, rounded context", cm.BitsEach(noised, rounded, tc, rows, columns)));
            Console.WriteLine("analyse  " + Row("rounded value, float noised context", cm.BitsEach(rounded, noised, tc, rows, columns)));
            Console.WriteLine("analyse  " + Row("rounded, integer model", IntegerBits(cm.ToInteger(), rounded, tc, rows, columns, k)));
        }
    }

    private static Tensor IntegerBits(LatentContextModel model, Tensor rounded, int tc, int rows, int columns, int k)
    {
        int[] z = [.. rounded.to_type(ScalarType.Int32).contiguous().data<int>()];
        var bits = new float[z.Length];
        Span<int> context = stackalloc int[LatentContext.Count];
        for (int i = 0; i < z.Length; i++)
        {
            LatentContext.Gather(z, rows, columns, k, i, context);
            var (mi, f, bin) = model.Predict(context, i % k);
            double mean = mi + (f / 16.0), b = Math.Pow(2, (bin - 32) / 8.0);
            double Cdf(double v) => v < mean ? 0.5 * Math.Exp((v - mean) / b) : 1 - (0.5 * Math.Exp(-(v - mean) / b));
            bits[i] = (float)-Math.Log2(Math.Max(Math.Pow(2, -15), Cdf(z[i] + 0.5) - Cdf(z[i] - 0.5)));
        }

        return tensor(bits).view(tc, rows, columns, k);
    }
}
