using Asmr.Container.Entropy;
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
        double theta = Theta(bitsPerLatent);
        var tensors = architecture.TensorLayout()
            .Select(t => t.Role == TensorRole.GridLatents
                ? new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 1, Latents(t.Rows * t.Columns, theta, random), architecture.ModelVersion == 3 ? EntropyCoding.Context : EntropyCoding.Adaptive)
                : t.Role >= TensorRole.ContextWeight
                ? new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 1, ContextModel(t.Role, t.Rows * t.Columns, theta, random))
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
    /// The context model's parameters (model_version 3, Q8): small random input weights and output weights that
    /// barely move the prediction, whose work per latent is what a trained model's is; the channel biases set each
    /// latent's Laplace to mean 0 and the scale b = −1/ln θ of <see cref="Latents"/>' law.
    /// </summary>
    private static int[] ContextModel(TensorRole role, int count, double theta, Random random) => role switch
    {
        TensorRole.ContextWeight => [.. Enumerable.Range(0, count).Select(_ => random.Next(-64, 65))],
        TensorRole.ContextBias => [.. Enumerable.Range(0, count).Select(_ => 256)],
        TensorRole.ContextOutputWeight => [.. Enumerable.Range(0, count).Select(_ => random.Next(-4, 5))],
        _ => [.. Enumerable.Range(0, count).Select(i => i % 2 == 0 ? 0 : LogScaleQ8(theta))],
    };

    /// <summary>
    /// log2 of the Laplace scale b = −1/ln θ in Q8, within the scale bins' range (spec §10.7: bin s holds
    /// log2 b ≈ (s − 32)/8, i.e. Q8 (s − 32)·32); the narrowest bin when θ is 0.
    /// </summary>
    private static int LogScaleQ8(double theta)
    {
        const int narrowest = (0 - 32) * 32, widest = (LaplaceTables.ScaleBins - 1 - 32) * 32;
        return theta <= 0 ? narrowest : (int)Math.Clamp(Math.Round(Math.Log2(-1 / Math.Log(theta)) * 256), narrowest, widest);
    }

    /// <summary>
    /// Latent integers as the encoder writes them: they are stored with multiplier 1 (spec §10.3), trained under a
    /// Laplace rate model, so they follow a two-sided geometric law P(q) ∝ θ^|q|, and the encoder steers them to its
    /// latent share of the budget, so θ is set to give <paramref name="bitsPerLatent"/> bits of entropy each. At the
    /// default rate that is about a bit, i.e. most latents are 0, which the decoder skips.
    /// </summary>
    private static double Theta(double bitsPerLatent)
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

        return lo;
    }

    /// <summary><paramref name="count"/> draws of the two-sided geometric law of ratio <paramref name="theta"/>.</summary>
    private static int[] Latents(int count, double theta, Random random)
    {
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

    /// <summary>
    /// An output filter of the given radius with seeded coefficients of the size a fitted one has (a centre near 0.5,
    /// neighbours within ±0.1, an offset of a few sample values), so that sums and clamps are typical.
    /// </summary>
    public static OutputFilter Filter(int radius, int planes, int seed)
    {
        var random = new Random(seed);
        var taps = OutputFilter.Taps(radius);
        var values = new List<int>();
        for (int p = 0; p < planes; p++)
        {
            values.AddRange(taps.Select(t => t == (0, 0) ? 2048 + random.Next(-256, 257) : random.Next(-400, 401)));
            values.Add(random.Next(-8192, 8193));
        }

        return new OutputFilter(radius, planes, [.. values]);
    }

    /// <summary>Block size exponent of <see cref="Motion"/>'s field: the encoder's 16 × 16.</summary>
    public const int MotionBlockLog2 = 4;

    /// <summary>
    /// A motion field of 16 × 16 blocks whose vectors wander by up to a quarter sample a frame from a random start within
    /// ±8 samples, like a slow camera move (the warp's cost does not depend on the vectors, except that all-zero
    /// frames are copied, which this field never has after frame 0).
    /// </summary>
    public static MotionField Motion(int width, int height, int frames, int seed)
    {
        var rng = new Random(seed);
        var shape = new MotionField(MotionBlockLog2, width, height, []);
        int[] current = [.. Enumerable.Range(0, 2 * shape.BlocksY * shape.BlocksX).Select(_ => rng.Next(-32, 33))];
        var vectors = new int[frames][];
        for (int f = 0; f < frames; f++)
        {
            vectors[f] = [.. current];
            for (int i = 0; i < current.Length; i++)
            {
                current[i] = Math.Clamp(current[i] + rng.Next(-1, 2), -MotionField.MaxVector, MotionField.MaxVector);
            }
        }

        return shape.WithVectors(vectors);
    }
}
