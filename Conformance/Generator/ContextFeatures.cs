using Asmr.Container.Entropy;
using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>
/// The feature tags of a model_version 3 or 4 model's context-coded latents (spec §10.6, §10.7): which clamps of the
/// context network bind and whether escapes occur, found by running the network over the grid's latents in coding
/// order with the clamps watched.
/// </summary>
internal static class ContextFeatures
{
    public static void Add(ISet<string> tags, SegmentModel model)
    {
        var a = model.Architecture;
        if (a.ModelVersion < 3)
        {
            return;
        }

        tags.Add("context-model");
        foreach (var grid in a.Grids)
        {
            tags.Add(grid.ContextHidden == 1 ? "context-hidden-1" : grid.ContextHidden == ModelArchitecture.MaxContextHidden ? "context-hidden-32" : "context-hidden-2-31");
            Trace(tags, model, grid, a.CumulativeSize(Axis.Y, grid.Level), a.CumulativeSize(Axis.X, grid.Level));
        }
    }

    private static void Trace(ISet<string> tags, SegmentModel model, LatentGrid grid, int rows, int columns)
    {
        int g = grid.Level;
        int j = grid.ContextHidden;
        int[] w1 = model.Tensors.Single(t => t.Role == TensorRole.ContextWeight && t.Level == g).Values;
        int[] b1 = model.Tensors.Single(t => t.Role == TensorRole.ContextBias && t.Level == g).Values;
        int[] w2 = model.Tensors.Single(t => t.Role == TensorRole.ContextOutputWeight && t.Level == g).Values;
        int[] cb = model.Tensors.Single(t => t.Role == TensorRole.ContextChannelBias && t.Level == g).Values;
        int[] z = model.GridLatentMatrixOf(g);
        Span<int> context = stackalloc int[LatentContext.Count];
        long[] h = new long[j];
        for (int n = 0; n < z.Length; n++)
        {
            LatentContext.Gather(z, rows, columns, grid.Rank, n, context);
            int c = n % grid.Rank;
            foreach (int input in context)
            {
                if (input is < -64 or > 63)
                {
                    tags.Add("context-input-clamped");
                }
            }

            for (int u = 0; u < j; u++)
            {
                long sum = b1[u];
                for (int i = 0; i < LatentContext.Count; i++)
                {
                    sum += (long)w1[(u * LatentContext.Count) + i] * Math.Clamp(context[i], -64, 63);
                }

                if (sum < 0)
                {
                    tags.Add("context-hidden-clamped-0");
                }

                if (sum > 1 << 15)
                {
                    tags.Add("context-hidden-clamped-2^15");
                }

                h[u] = Math.Clamp(sum, 0, 1 << 15);
            }

            long mean = (Dot(w2, 0, h) >> 8) + cb[2 * c];
            long logScale = (Dot(w2, j, h) >> 8) + cb[(2 * c) + 1];
            if (mean is < -(1 << 14) or > 1 << 14)
            {
                tags.Add("context-mean-clamped");
            }

            long bin = ((logScale + 16) >> 5) + 32;
            if (bin < 0)
            {
                tags.Add("context-scale-clamped-0");
            }

            if (bin > 79)
            {
                tags.Add("context-scale-clamped-79");
            }

            long meanInteger = Math.Clamp(mean, -(1 << 14), 1 << 14) >> 8;
            if (Math.Abs(z[n] - meanInteger) > 15)
            {
                tags.Add("context-escape-code");
            }
        }
    }

    private static long Dot(int[] w2, int offset, long[] h)
    {
        long sum = 0;
        for (int u = 0; u < h.Length; u++)
        {
            sum += w2[offset + u] * h[u];
        }

        return sum;
    }
}
