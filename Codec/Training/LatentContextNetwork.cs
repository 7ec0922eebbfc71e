using Asmr.Container.Entropy;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Asmr.Codec.Training;

/// <summary>
/// The latents' context model (<see cref="LatentContextModel"/>, draft spec §10.7) in float for training: the same
/// inputs, layers and clamps, in real units (a Q8 integer is value·256), so that its estimated bits are the rate term
/// and <see cref="ToInteger"/> gives the model the coder uses.
/// </summary>
internal sealed class LatentContextNetwork : nn.Module
{
    // Held, not temporaries: see AsmrNetwork's scalar fields.
    private static readonly Scalar InputLow = (-LatentContextModel.InputLimit).ToScalar();
    private static readonly Scalar InputHigh = (LatentContextModel.InputLimit - 1).ToScalar();
    private static readonly Scalar HiddenHigh = (LatentContextModel.HiddenLimit / 256.0).ToScalar();
    private static readonly Scalar MeanLow = (-LatentContextModel.MeanLimit / 256.0).ToScalar();
    private static readonly Scalar MeanHigh = (LatentContextModel.MeanLimit / 256.0).ToScalar();
    private static readonly Scalar LogScaleLow = ((0 - 32) / 8.0).ToScalar();
    private static readonly Scalar LogScaleHigh = ((LaplaceTables.ScaleBins - 1 - 32) / 8.0).ToScalar();
    private static readonly Scalar MinProbability = Math.Pow(2, -LaplaceTables.ProbabilityBits).ToScalar();
    private static readonly Scalar Zero = 0.0.ToScalar();
    private static readonly Scalar One = 1.0.ToScalar();
    private static readonly Scalar Two = 2.0.ToScalar();
    private static readonly Scalar Q8Unit = 256.0.ToScalar();
    private static readonly Scalar ParameterLow = (-LatentContextModel.ParameterLimit).ToScalar();
    private static readonly Scalar ParameterHigh = LatentContextModel.ParameterLimit.ToScalar();

    private readonly Parameter _w1;
    private readonly Parameter _b1;
    private readonly Parameter _w2;
    private readonly Parameter _b2;
    private readonly Parameter _channelBias;

    /// <param name="hidden">Hidden units.</param>
    /// <param name="channels">Latent channels per cell.</param>
    /// <param name="seed">Initialisation seed.</param>
    /// <param name="timeInput">Experimental, not in the format: a seventh input, 1 in every time cell but the first.</param>
    public LatentContextNetwork(int hidden, int channels, long seed, bool timeInput = false)
        : base(nameof(LatentContextNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Hidden = hidden;
        Channels = channels;
        TimeInput = timeInput;
        int inputs = LatentContextModel.Inputs + (timeInput ? 1 : 0);
        using var generator = new Generator((ulong)seed);
        using var bound = (1.0 / Math.Sqrt(LatentContextModel.Inputs)).ToScalar();
        _w1 = new Parameter(((rand([hidden, inputs], generator: generator) * Two) - One) * bound);
        // Hidden units start active (a positive bias), so every unit gets gradients from the first step.
        _b1 = new Parameter(full([hidden], 1.0));
        _w2 = new Parameter(zeros([2, hidden]));
        _b2 = new Parameter(zeros([2]));
        _channelBias = new Parameter(zeros([channels, 2]));
        register_parameter("w1", _w1);
        register_parameter("b1", _b1);
        register_parameter("w2", _w2);
        register_parameter("b2", _b2);
        register_parameter("channel_bias", _channelBias);
    }

    public int Hidden { get; }

    public int Channels { get; }

    /// <summary>
    /// Experimental, not in the format: the model also reads whether a latent has a previous time cell, so that the
    /// first time cell's "outside" (0) is not taken for a previous latent of 0.
    /// </summary>
    public bool TimeInput { get; }

    /// <summary>
    /// Estimated bits of <paramref name="latents"/> ([cells, k], cells in raster order t, y, x; noisy or rounded),
    /// each under the discretised Laplace its context predicts, at most 15 bits a latent (the tables' floor).
    /// </summary>
    public Tensor Bits(Tensor latents, int timeCells, int rows, int columns) => Bits(latents, latents, timeCells, rows, columns);

    /// <summary>
    /// The estimated bits of <paramref name="latents"/> when each one's context is read from
    /// <paramref name="contextLatents"/> (the same grid, e.g. rounded as the decoder has it).
    /// </summary>
    /// <param name="frozen">When true no gradient reaches the model's parameters (only the latents).</param>
    public Tensor Bits(Tensor latents, Tensor contextLatents, int timeCells, int rows, int columns, bool frozen = false) =>
        BitsEach(latents, contextLatents, timeCells, rows, columns, frozen).sum();

    /// <summary>
    /// The rate when the model is fitted to the integers the coder will code: the value is the estimated bits of
    /// <paramref name="integers"/> (the gradient of which reaches only the model), and the gradient reaching the
    /// latents is that of the bits of <paramref name="symbols"/> under the model held fixed, each read in the context
    /// of the integers, as the decoder reads it. Trained by one noised rate, a model with a learned mean can follow
    /// latents that gather between the integers (predicting 0.45 where the latents sit), which the noised rate prices
    /// at almost nothing and the coder cannot. One prediction serves both terms.
    /// </summary>
    /// <param name="symbols">What the latents' rate prices (e.g. the noised latents on top of the integers before them).</param>
    /// <param name="integers">The integers the coder codes; also every latent's context.</param>
    public Tensor IntegerContextBits(Tensor symbols, Tensor integers, int timeCells, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(integers);
        var q = integers.detach().round().view(timeCells, rows, columns, Channels);
        var (mean, scale) = Prediction(q, frozen: false);
        var modelRate = LaplaceRate.BitsEach(q, mean, scale, MinProbability).sum();
        var latentRate = LaplaceRate.BitsEach(symbols.view(timeCells, rows, columns, Channels), mean.detach(), scale.detach(), MinProbability).sum();
        return modelRate + (latentRate - latentRate.detach());
    }

    /// <summary>The estimated bits of each latent, [T, Y, X, k] (<see cref="Bits(Tensor, Tensor, int, int, int)"/> before the sum).</summary>
    public Tensor BitsEach(Tensor latents, Tensor contextLatents, int timeCells, int rows, int columns, bool frozen = false)
    {
        ArgumentNullException.ThrowIfNull(latents);
        ArgumentNullException.ThrowIfNull(contextLatents);
        var z = latents.view(timeCells, rows, columns, Channels);
        // One view when the context is the latents themselves: a second view of the same tensor sums the two
        // gradients in another order, which changes (slightly) the file a model_version 3 encode writes.
        var context = ReferenceEquals(contextLatents, latents) ? z : contextLatents.view(timeCells, rows, columns, Channels);
        var (mean, scale) = Prediction(context, frozen);
        return LaplaceRate.BitsEach(z, mean, scale, MinProbability);
    }

    /// <summary>Each latent's predicted Laplace mean and scale, [T, Y, X, k] each, from its context in <paramref name="context"/> [T, Y, X, k].</summary>
    private (Tensor Mean, Tensor Scale) Prediction(Tensor context, bool frozen)
    {
        var inputs = Context(context, TimeInput).clamp(InputLow, InputHigh);
        Tensor Held(Parameter p) => frozen ? p.detach() : p;
        var h = nn.functional.linear(inputs, Held(_w1), Held(_b1)).clamp(Zero, HiddenHigh);
        var o = nn.functional.linear(h, Held(_w2), Held(_b2)) + Held(_channelBias).view(1, 1, 1, Channels, 2);
        var mean = o.select(-1, 0).clamp(MeanLow, MeanHigh);
        var scale = o.select(-1, 1).clamp(LogScaleLow, LogScaleHigh).exp2();
        return (mean, scale);
    }

    /// <summary>The integer model: every parameter rounded to Q8 and clamped to the format's range.</summary>
    public LatentContextModel ToInteger()
    {
        if (TimeInput)
        {
            throw new NotSupportedException("No model version holds the experimental time input of a context model.");
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int[] Q8(Tensor t) =>
            [.. (t.detach().cpu() * Q8Unit).round().clamp(ParameterLow, ParameterHigh).to_type(ScalarType.Int32).data<int>()];
        return new LatentContextModel(Hidden, Q8(_w1), Q8(_b1), Q8(_w2), Q8(_b2), Q8(_channelBias));
    }

    /// <summary>
    /// [T, Y, X, k, 6]: each latent's inputs in <see cref="LatentContext"/> order, 0 outside the grid; with
    /// <paramref name="timeInput"/> a seventh, 1 where a previous time cell exists.
    /// </summary>
    private static Tensor Context(Tensor z, bool timeInput)
    {
        long t = z.shape[0], y = z.shape[1], x = z.shape[2], k = z.shape[3];
        // Shift along one axis by one (towards higher indices), filling with zeros: the neighbour before.
        Tensor Before(Tensor v, int axis) =>
            cat([zeros_like(v.narrow(axis, 0, 1)), v.narrow(axis, 0, v.shape[axis] - 1)], axis);
        var previousTime = Before(z, 0);
        var left = Before(z, 2);
        var top = Before(z, 1);
        var topLeft = Before(top, 2);
        var topRight = x > 1
            ? cat([top.narrow(2, 1, x - 1), zeros_like(top.narrow(2, 0, 1))], 2)
            : zeros_like(top);
        var previousChannel = Before(z, 3);
        if (!timeInput)
        {
            return stack([previousTime, left, top, topLeft, topRight, previousChannel], -1);
        }

        var hasPrevious = Before(ones_like(z), 0);
        return stack([previousTime, left, top, topLeft, topRight, previousChannel, hasPrevious], -1);
    }
}
