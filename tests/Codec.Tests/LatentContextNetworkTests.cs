using Asmr.Codec.Training;
using Asmr.Container.Entropy;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>
/// The training-side context model must estimate what the integer coder really spends, and must learn to use the
/// context it is given.
/// </summary>
public sealed class LatentContextNetworkTests(ITestOutputHelper output)
{
    private const int T = 8, Rows = 9, Columns = 11, Channels = 2;

    [Fact]
    public void A_trained_model_codes_correlated_latents_in_about_the_bits_it_estimates_and_far_below_a_blind_code()
    {
        int[] latents = SlowlyChangingLatents();
        using var values = tensor(latents.Select(v => (float)v).ToArray()).view(-1, Channels);
        using var network = new LatentContextNetwork(hidden: 8, Channels, seed: 1);
        Fit(network, values);

        double estimated;
        using (no_grad())
        {
            estimated = network.Bits(values, T, Rows, Columns).item<float>();
        }

        int coded = 8 * LatentPlaneCoding.Encode(network.ToInteger(), latents, T, Rows, Columns, Channels).Length;
        double blind = OrderZeroBits(latents);
        output.WriteLine($"{latents.Length} latents: estimated {estimated:F0} bits, coded {coded}, order-0 entropy {blind:F0}");

        Assert.InRange(coded / estimated, 0.9, 1.12);
        Assert.True(coded < 0.6 * blind, $"{coded} bits coded with context, {blind:F0} order-0 entropy");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Trained_on_noised_latents_the_model_codes_the_integers_in_about_the_bits_it_estimates(bool roundedContext)
    {
        // Training sees z + u (the proxy for rounding); the coder sees the integers. With the context read from the
        // noised values too, the model learns a blurred previous time cell and the two can disagree.
        int[] latents = SlowlyChangingLatents();
        using var values = tensor(latents.Select(v => (float)v).ToArray()).view(-1, Channels);
        using var network = new LatentContextNetwork(hidden: 8, Channels, seed: 1);
        using var generator = new Generator(5);
        using var half = 0.5.ToScalar();
        Tensor Noised() => values + (rand(values.shape, generator: generator) - half);
        using (var optimizer = optim.Adam(network.parameters(), lr: 0.03))
        {
            for (int step = 0; step < 400; step++)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var noised = Noised();
                network.Bits(noised, roundedContext ? values : noised, T, Rows, Columns).backward();
                optimizer.step();
            }
        }

        double estimated;
        using (no_grad())
        using (NewDisposeScope())
        {
            var noised = Noised();
            estimated = network.Bits(noised, roundedContext ? values : noised, T, Rows, Columns).item<float>();
        }

        int coded = 8 * LatentPlaneCoding.Encode(network.ToInteger(), latents, T, Rows, Columns, Channels).Length;
        output.WriteLine($"context from {(roundedContext ? "rounded" : "noised")} latents: estimated {estimated:F0} bits, coded {coded}");
        Assert.InRange(coded / estimated, 0.8, 1.25);
    }

    [Fact]
    public void The_integer_model_is_the_float_one_rounded_to_q8()
    {
        using var network = new LatentContextNetwork(hidden: 3, channels: 2, seed: 4);
        using (no_grad())
        {
            network.parameters().First().copy_(tensor(new float[] { 0.5f, -0.25f, 1 / 256f, 0, 0, 0, 3.3f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -200f }).view(3, 6));
        }

        var model = network.ToInteger();
        int[] context = [1, 2, 0, 0, 0, 0];

        // Unit 0: 0.5·1 − 0.25·2 = 0 (Q8 128 − 2·64 = 0) plus its bias 1.0 (256): only the biases reach the outputs,
        // whose weights start at 0, so the prediction is mean 0, scale bin 32 (log2 b = 0).
        Assert.Equal((0, 0, 32), model.Predict(context, 0));
    }

    private static void Fit(LatentContextNetwork network, Tensor values)
    {
        using var optimizer = optim.Adam(network.parameters(), lr: 0.03);
        for (int step = 0; step < 400; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var bits = network.Bits(values, T, Rows, Columns);
            bits.backward();
            optimizer.step();
        }
    }

    /// <summary>Spatially varied latents that change rarely over time; channel 1 follows channel 0.</summary>
    private static int[] SlowlyChangingLatents()
    {
        var random = new Random(2);
        int[] z = new int[T * Rows * Columns * Channels];
        int picture = Rows * Columns * Channels;
        for (int i = 0; i < z.Length; i += Channels)
        {
            z[i] = i < picture ? random.Next(-6, 7) : z[i - picture] + (random.Next(8) == 0 ? random.Next(-1, 2) : 0);
            z[i + 1] = z[i] + random.Next(-1, 2);
        }

        return z;
    }

    private static double OrderZeroBits(int[] values)
    {
        var counts = values.GroupBy(v => v).Select(g => (double)g.Count()).ToList();
        return -counts.Sum(c => c * Math.Log2(c / values.Length));
    }
}
