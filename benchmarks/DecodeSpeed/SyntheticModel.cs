using Asmr.Container.Model;

namespace Asmr.Benchmarks.DecodeSpeed;

/// <summary>
/// A model of a given architecture with seeded random weights. Decode cost depends on the architecture, not on the
/// weight values, except that hidden weights which fit in int16 take the faster kernel; trained models' quantized
/// weights are small integers too, so the values here stay within ±127. Latent grids are the other exception: the
/// decoder skips a latent of 0, so their values are drawn as the encoder leaves them (see <see cref="Latents"/>).
/// </summary>
internal static class SyntheticModel
{
    /// <param name="latentBits">The bits the encoder would spend on all latents (its latent share of the budget).</param>
    public static SegmentModel Create(ModelArchitecture architecture, int frameCount, double latentBits, int seed)
    {
        var random = new Random(seed);
        double bitsPerLatent = architecture.LatentCount() > 0 ? latentBits / architecture.LatentCount() : 0;
        var tensors = architecture.TensorLayout()
            .Select(t => t.Role == TensorRole.GridLatents
                ? new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 1, Latents(t.Rows * t.Columns, bitsPerLatent, random))
                : new QuantizedTensor(
                    t.Role,
                    t.Level,
                    t.Rows,
                    t.Columns,
                    t.Role is TensorRole.OutputWeight or TensorRole.OutputBias ? 1u << 16 : 1u << 20,
                    [.. Enumerable.Range(0, t.Rows * t.Columns).Select(_ => random.Next(-127, 128))]))
            .ToList();
        return new SegmentModel(0, frameCount, architecture, tensors);
    }

    /// <summary>
    /// Latent integers as the encoder writes them: they are stored with multiplier 1 (spec §10.3), trained under a
    /// Laplace rate model, so they follow a two-sided geometric law P(q) ∝ θ^|q|, and the encoder steers them to its
    /// latent share of the budget, so θ is set to give <paramref name="bitsPerLatent"/> bits of entropy each. At the
    /// default rate that is about a bit, i.e. most latents are 0, which the decoder skips.
    /// </summary>
    private static int[] Latents(int count, double bitsPerLatent, Random random)
    {
        // The entropy grows with θ from 0 (θ → 0, all zeros) without bound (θ → 1): bisect for the target.
        double lo = 0, hi = 1;
        for (int i = 0; i < 60; i++)
        {
            double mid = (lo + hi) / 2;
            if (Entropy(mid) < bitsPerLatent)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double theta = lo;
        double zero = (1 - theta) / (1 + theta);
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            if (theta <= 0 || random.NextDouble() < zero)
            {
                continue;
            }

            // Given q ≠ 0, |q| − 1 is geometric with ratio θ.
            double magnitude = 1 + Math.Floor(Math.Log(1 - random.NextDouble()) / Math.Log(theta));
            int q = (int)Math.Min(magnitude, int.MaxValue);
            values[i] = random.Next(2) == 0 ? q : -q;
        }

        return values;
    }

    /// <summary>Entropy in bits of P(q) = (1 − θ)/(1 + θ)·θ^|q| over all integers q.</summary>
    private static double Entropy(double theta)
    {
        if (theta <= 0)
        {
            return 0;
        }

        double zero = (1 - theta) / (1 + theta);
        double meanMagnitude = 2 * theta / ((1 - theta) * (1 + theta));
        return -Math.Log2(zero) - (meanMagnitude * Math.Log2(theta));
    }
}
