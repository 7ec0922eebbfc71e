using Asmr.Container.Entropy;

namespace Asmr.Container.Tests.Entropy;

public sealed class LatentContextModelTests
{
    private const int Inputs = LatentContextModel.Inputs;

    [Fact]
    public void Prediction_follows_the_integer_rules_on_a_worked_example()
    {
        // Hidden unit 0 = relu(256·left + 4096) = 256·left + 4096 for left ≥ −16; unit 1 = 4096 (bias only).
        // Mean (Q8) = (128·h0 − 128·h1) >> 8 + 8 + channel bias = 128·left + 8 + 16 for channel 1, i.e. left/2 + 3/32.
        // log2 scale (Q8) = 0 + 40 + 0: bin ((40 + 16) >> 5) + 32 = 33.
        var model = Model(
            hidden: 2,
            w1: Row(LatentContext.Left, 256).Concat(new int[Inputs]).ToArray(),
            b1: [4096, 4096],
            w2: [128, -128, 0, 0],
            b2: [8, 40],
            channelBias: [0, 0, 16, 0]);
        int[] context = new int[Inputs];
        context[LatentContext.Left] = 5;

        var (mean, fraction, scale) = model.Predict(context, channel: 1);

        // 128·5 + 24 = 664 in Q8: μ_int = 664 >> 8 = 2, f = (664 >> 4) & 15 = 9, s = 33.
        Assert.Equal((2, 9, 33), (mean, fraction, scale));
    }

    [Fact]
    public void Inputs_are_clamped_and_the_scale_bin_saturates()
    {
        var model = Model(1, Row(LatentContext.Top, 1 << 15), [0], [1 << 15, 1 << 15], [0, 0], [0, 0]);
        int[] context = new int[Inputs];
        context[LatentContext.Top] = 1_000_000;

        var (mean, fraction, scale) = model.Predict(context, 0);

        // h = min(2^15·63, 2^15) = 2^15; mean = 2^15·2^15 >> 8 = 2^22, clamped to 2^14 (64.0); log-scale likewise huge.
        Assert.Equal((64, 0, LaplaceTables.ScaleBins - 1), (mean, fraction, scale));
    }

    [Fact]
    public void Latents_round_trip_through_the_plane_coder_with_any_model()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            int hidden = random.Next(1, 9), channels = random.Next(1, 5);
            int t = random.Next(1, 4), rows = random.Next(1, 7), columns = random.Next(1, 9);
            var model = Model(
                hidden,
                Random(random, hidden * Inputs, 600),
                Random(random, hidden, 3000),
                Random(random, 2 * hidden, 600),
                Random(random, 2, 800),
                Random(random, 2 * channels, 300));
            int[] latents = Random(random, t * rows * columns * channels, random.Next(2) == 0 ? 3 : 300);

            byte[] data = LatentPlaneCoding.Encode(model, latents, t, rows, columns, channels);
            int[] decoded = LatentPlaneCoding.Decode(model, data, t, rows, columns, channels, "test", 0);

            Assert.Equal(latents, decoded);
        }
    }

    [Fact]
    public void A_model_that_predicts_from_the_previous_time_cell_codes_slowly_changing_latents_in_far_fewer_bytes()
    {
        // Latents with a large spread in space but rare ±1 changes from one time cell to the next.
        const int T = 16, Rows = 12, Columns = 16;
        var random = new Random(9);
        int[] latents = new int[T * Rows * Columns];
        for (int i = 0; i < Rows * Columns; i++)
        {
            latents[i] = random.Next(-20, 21);
        }

        for (int i = Rows * Columns; i < latents.Length; i++)
        {
            latents[i] = latents[i - (Rows * Columns)] + random.Next(10) switch { 0 => -1, 1 => 1, _ => 0 };
        }

        // mean = previous time cell's latent (as worked out above, with weights 256 / −256), scale 2^−1; blind: mean 0, scale 2^3.5.
        var temporal = Model(2, Row(LatentContext.PreviousTime, 256).Concat(new int[Inputs]).ToArray(), [8192, 8192], [256, -256, 0, 0], [0, -256], [0, 0]);
        var blind = Model(1, new int[Inputs], [0], [0, 0], [0, 896], [0, 0]);

        int withContext = LatentPlaneCoding.Encode(temporal, latents, T, Rows, Columns, 1).Length;
        int without = LatentPlaneCoding.Encode(blind, latents, T, Rows, Columns, 1).Length;

        Assert.True(withContext < without / 2, $"{withContext} bytes with the previous time cell as context, {without} without");
    }

    private static LatentContextModel Model(int hidden, int[] w1, int[] b1, int[] w2, int[] b2, int[] channelBias) =>
        new(hidden, w1, b1, w2, b2, channelBias);

    private static int[] Row(int input, int weight)
    {
        int[] row = new int[Inputs];
        row[input] = weight;
        return row;
    }

    private static int[] Random(Random random, int count, int limit) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(-limit, limit + 1))];
}
