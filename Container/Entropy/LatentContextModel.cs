namespace Asmr.Container.Entropy;

/// <summary>
/// The latents' context model in integer arithmetic (spec §10.7): a small network that predicts each latent's
/// Laplace mean and scale bin from latents the decoder already has (<see cref="LatentContext"/>). Encoder and decoder
/// run this same code, so they choose the same table for every symbol on every machine.
/// </summary>
/// <remarks>
/// With inputs a_i = clamp(latent, −64, 63): h_j = clamp(Σ_i Wc1[j,i]·a_i + bc1[j], 0, 2^15) (Q8: value/256), then
/// o_m = ((Σ_j Wc2[m,j]·h_j) >> 8) + b2[m] + bc2[channel, m] (Q8), computed in 64 bits. The file has no b2: the
/// encoder trains one and the writer folds it into bc2, so a model read from a file has b2 = 0 (spec §10.3, roles 8–11).
/// o_0 is the mean μ in Q8
/// (μ_int = o_0 >> 8, f = (o_0 >> 4) &amp; 15); o_1 is log2 of the scale in Q8, and the scale bin is
/// s = clamp(((o_1 + 16) >> 5) + 32, 0, 79), the nearest eighth of an octave.
/// </remarks>
internal sealed class LatentContextModel
{
    /// <summary>Latent inputs of the network (<see cref="LatentContext"/>).</summary>
    public const int Inputs = LatentContext.Count;

    /// <summary>Latent inputs are clamped to this magnitude (−64..63) so the sums stay small.</summary>
    public const int InputLimit = 64;

    /// <summary>Weights and biases lie in ±2^15 (Q8: ±128).</summary>
    public const int ParameterLimit = 1 << 15;

    /// <summary>The largest hidden value (Q8: 128).</summary>
    public const int HiddenLimit = 1 << 15;

    /// <summary>The predicted mean is clamped to ±2^14 in Q8 (±64).</summary>
    public const int MeanLimit = 1 << 14;

    private readonly int[] _w1;
    private readonly int[] _b1;
    private readonly int[] _w2;
    private readonly int[] _b2;
    private readonly int[] _channelBias;

    /// <param name="hidden">Hidden units, 1..32.</param>
    /// <param name="w1">Wc1: hidden × <see cref="Inputs"/> weights, row-major (Q8).</param>
    /// <param name="b1">bc1: hidden biases (Q8).</param>
    /// <param name="w2">Wc2: 2 × hidden output weights, row-major (Q8).</param>
    /// <param name="b2">2 output biases shared by the channels (Q8; 0 for a model read from a file).</param>
    /// <param name="channelBias">bc2: channels × 2 output biases per latent channel (Q8).</param>
    public LatentContextModel(int hidden, int[] w1, int[] b1, int[] w2, int[] b2, int[] channelBias)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hidden, 32);
        Check(w1, hidden * Inputs, nameof(w1));
        Check(b1, hidden, nameof(b1));
        Check(w2, 2 * hidden, nameof(w2));
        Check(b2, 2, nameof(b2));
        ArgumentNullException.ThrowIfNull(channelBias);
        if (channelBias.Length == 0 || channelBias.Length % 2 != 0)
        {
            throw new ArgumentException("The channel biases are two per channel.", nameof(channelBias));
        }

        Check(channelBias, channelBias.Length, nameof(channelBias));
        Hidden = hidden;
        _w1 = w1;
        _b1 = b1;
        _w2 = w2;
        _b2 = b2;
        _channelBias = channelBias;
    }

    public int Hidden { get; }

    /// <summary>Every parameter in the order Wc1, bc1, Wc2, b2, bc2 (the channel biases; Q8 integers).</summary>
    public int[] Parameters() => [.. _w1, .. _b1, .. _w2, .. _b2, .. _channelBias];

    /// <summary>Latent channels the model has output biases for.</summary>
    public int Channels => _channelBias.Length / 2;

    /// <summary>Predicts the mean (integer part and sixteenths) and scale bin of a latent of channel <paramref name="channel"/>.</summary>
    public (int MeanInteger, int Fraction, int ScaleBin) Predict(ReadOnlySpan<int> context, int channel)
    {
        // Every hidden sum fits in 32 bits: |Wc1·a| ≤ 6·2^15·2^6 and |bc1| ≤ 2^15.
        int a0 = Math.Clamp(context[0], -InputLimit, InputLimit - 1);
        int a1 = Math.Clamp(context[1], -InputLimit, InputLimit - 1);
        int a2 = Math.Clamp(context[2], -InputLimit, InputLimit - 1);
        int a3 = Math.Clamp(context[3], -InputLimit, InputLimit - 1);
        int a4 = Math.Clamp(context[4], -InputLimit, InputLimit - 1);
        int a5 = Math.Clamp(context[5], -InputLimit, InputLimit - 1);
        var w1 = _w1.AsSpan(0, Hidden * Inputs);
        var w2 = _w2.AsSpan(0, 2 * Hidden);
        long meanSum = 0;
        long scaleSum = 0;
        for (int j = 0; j < Hidden; j++)
        {
            var w = w1.Slice(j * Inputs, Inputs);
            int sum = _b1[j] + (w[0] * a0) + (w[1] * a1) + (w[2] * a2) + (w[3] * a3) + (w[4] * a4) + (w[5] * a5);
            long h = Math.Clamp(sum, 0, HiddenLimit);
            meanSum += w2[j] * h;
            scaleSum += w2[Hidden + j] * h;
        }

        long mean = (meanSum >> 8) + _b2[0] + _channelBias[2 * channel];
        long logScale = (scaleSum >> 8) + _b2[1] + _channelBias[(2 * channel) + 1];
        mean = Math.Clamp(mean, -MeanLimit, MeanLimit);
        int scaleBin = (int)Math.Clamp(((logScale + 16) >> 5) + 32, 0, LaplaceTables.ScaleBins - 1);
        return ((int)(mean >> 8), (int)((mean >> 4) & 15), scaleBin);
    }

    private static void Check(int[] values, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Length != length)
        {
            throw new ArgumentException($"{name} has {values.Length} values; the model needs {length}.", name);
        }

        foreach (int v in values)
        {
            if (v < -ParameterLimit || v > ParameterLimit)
            {
                throw new ArgumentOutOfRangeException(name, v, $"Context model parameters lie in ±{ParameterLimit}.");
            }
        }
    }
}
