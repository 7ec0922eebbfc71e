using Asmr.Codec.Training;
using Asmr.Container.Entropy;
using Asmr.Container.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Asmr.Codec.Quantization;

/// <summary>
/// Converts a float <see cref="AsmrNetwork"/> into the integer tensors of a <see cref="SegmentModel"/> (spec §10.3)
/// and back (dequantized floats written into a network, for measuring what the decoder will see).
/// </summary>
internal static class SegmentExporter
{
    /// <summary>The float values of every stored tensor in <see cref="ModelArchitecture.TensorLayout"/> order, already in
    /// the stored meaning (linear modulators per integer digit), as float units (radians / full scale).</summary>
    public static IReadOnlyList<float[]> FloatTensors(AsmrNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var a = network.Architecture;
        var result = new List<float[]>();
        using var noGrad = no_grad();
        var layout = a.TensorLayout();
        for (int i = 0; i < layout.Count; i++)
        {
            var (role, level, _, _) = layout[i];
            result.Add(role switch
            {
                TensorRole.GridProjection => Scaled(Values(network.GridProjections[a.GridIndex(level)]), 1 / network.GridProjectionScale(a.GridIndex(level))),
                TensorRole.GridLatents => LatentChannel(network, level, LatentChannelOf(layout, i)),
                TensorRole.Modulation when a.Modulation(level) == ModulationKind.Linear => LinearPerDigit(network, level),
                TensorRole.Modulation => Values(network.ModulationParameter(level)),
                TensorRole.Bias => Values(level == 0 ? network.Bias0 : network.BiasParameter(level)),
                TensorRole.Weight => Values(network.WeightParameter(level)),
                TensorRole.OutputWeight => Values(network.OutputWeight),
                _ => Values(network.OutputBias),
            });
        }

        return result;
    }

    /// <summary>Quantizes one float tensor with step μ (in integer units of the role).</summary>
    public static int[] Quantize(TensorRole role, float[] values, uint multiplier)
    {
        ArgumentNullException.ThrowIfNull(values);
        double scale = TensorUnits.UnitsPerFloat(role) / multiplier;
        bool phase = TensorUnits.IsPhase(role);
        var q = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = phase ? TensorUnits.WrapPhase(values[i]) : values[i];
            q[i] = (int)Math.Clamp(Math.Round(v * scale), -int.MaxValue, int.MaxValue);
        }

        return q;
    }

    /// <summary>
    /// Quantizes stored tensor values with step μ: with a Gram matrix of its inputs (hidden weights,
    /// <see cref="ErrorCompensatingRounding"/>) each row's rounding errors are compensated, otherwise each value is rounded.
    /// </summary>
    public static int[] Quantize(TensorRole role, int rows, int columns, float[] values, uint multiplier, double[]? gram) =>
        gram is null ? Quantize(role, values, multiplier) : ErrorCompensatingRounding.Quantize(role, values, rows, columns, multiplier, gram);

    /// <summary>The dequantized float value of q (radians / full scale).</summary>
    public static float Dequantize(TensorRole role, int q, uint multiplier) =>
        (float)(q * (double)multiplier / TensorUnits.UnitsPerFloat(role));

    /// <summary>
    /// The network's integer model: model_version 1 or 2 as its architecture says, or, given a context model per grid
    /// (<paramref name="contextModels"/>, e.g. each grid's <c>LatentContextNetwork.ToInteger()</c>), model_version 3 with
    /// the grids' latents context-coded (spec §10.7). <paramref name="multipliers"/> follow the network's own
    /// <see cref="ModelArchitecture.TensorLayout"/> either way; the context models' parameters are stored as they are
    /// (μ = 1), their output biases folded into the per-channel biases.
    /// </summary>
    /// <exception cref="ArgumentException">A context model does not fit its grid, or a folded bias leaves ±2^15.</exception>
    /// <param name="grams">Per tensor, the Gram matrix of its inputs for error-compensated rounding (null: plain rounding).</param>
    public static SegmentModel Export(
        AsmrNetwork network,
        int firstFrame,
        int frameCount,
        IReadOnlyList<uint> multipliers,
        IReadOnlyList<LatentContextModel>? contextModels = null,
        IReadOnlyList<double[]?>? grams = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(multipliers);
        if (network.LastLevelAmplitude)
        {
            throw new NotSupportedException("No model version holds the experimental last-level amplitudes: a file written without them would decode to another picture.");
        }

        var a = network.Architecture;
        var layout = a.TensorLayout();
        var floats = FloatTensors(network);
        var tensors = new List<QuantizedTensor>(layout.Count);
        for (int i = 0; i < layout.Count; i++)
        {
            var (role, level, rows, columns) = layout[i];
            tensors.Add(new QuantizedTensor(role, level, rows, columns, multipliers[i], Quantize(role, rows, columns, floats[i], multipliers[i], grams?[i])));
        }

        var model = new SegmentModel(firstFrame, frameCount, a, tensors);
        // Context-coded grids: model_version 7, whose record headers keep only what the header does not imply.
        return contextModels is null ? model : model.WithContextModels(contextModels).WithCompactRecords();
    }

    /// <summary>Writes the dequantized values of <paramref name="model"/> into <paramref name="network"/>.</summary>
    public static void Load(AsmrNetwork network, SegmentModel model)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(model);

        // The network holds no context model: a model_version 3 model loads as the v2 model with the same values.
        model = model.WithoutContextModels();
        for (int i = 0; i < model.Tensors.Count; i++)
        {
            var t = model.Tensors[i];
            var values = t.Values.Select(q => Dequantize(t.Role, q, t.Multiplier)).ToArray();
            SetTensor(network, i, values);
        }
    }

    /// <summary>Sets stored tensor number <paramref name="index"/> of the layout (float units, stored meaning) into the network.</summary>
    public static void SetTensor(AsmrNetwork network, int index, float[] values)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(values);
        var a = network.Architecture;
        var layout = a.TensorLayout();
        var (role, level, _, _) = layout[index];
        using var noGrad = no_grad();
        if (role == TensorRole.GridLatents)
        {
            int grid = a.GridIndex(level);
            var latents = network.LatentValues(grid).detach().clone();
            latents.select(1, LatentChannelOf(layout, index)).copy_(tensor(values));
            network.SetLatentValues(grid, latents);
            return;
        }

        if (role == TensorRole.Modulation && a.Modulation(level) == ModulationKind.Linear)
        {
            // Stored: radians per integer digit. Float parametrisation: ω·M·u with u = d/(B−1).
            var m = (float[])values.Clone();
            for (int r = 0; r < a.Width; r++)
            {
                for (int axis = 0; axis < ModelArchitecture.AxisCount; axis++)
                {
                    int b = a.Base((Axis)axis, level);
                    m[(r * 3) + axis] = b > 1 ? (float)(m[(r * 3) + axis] * (b - 1) / network.LinearScale) : 0f;
                }
            }

            values = m;
        }

        if (role == TensorRole.GridProjection)
        {
            values = Scaled(values, network.GridProjectionScale(a.GridIndex(level)));
        }

        var p = role switch
        {
            TensorRole.Modulation => network.ModulationParameter(level),
            TensorRole.Bias => level == 0 ? network.Bias0 : network.BiasParameter(level),
            TensorRole.Weight => network.WeightParameter(level),
            TensorRole.OutputWeight => network.OutputWeight,
            TensorRole.GridProjection => network.GridProjections[a.GridIndex(level)],
            _ => network.OutputBias,
        };
        p.copy_(tensor(values).view(p.shape));
    }

    /// <summary>
    /// Rounds every latent parameter of every grid (training ends with this): the latents' values are then the integers
    /// the format stores (with temporal differences, their running sums).
    /// </summary>
    public static void RoundLatents(AsmrNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var noGrad = no_grad();
        foreach (var z in network.GridLatents)
        {
            z.copy_(z.round());
        }
    }

    /// <summary>The channel of the grid-latents tensor at layout position <paramref name="index"/>.</summary>
    private static int LatentChannelOf(IReadOnlyList<(TensorRole Role, int Level, int Rows, int Columns)> layout, int index)
    {
        int channel = 0;
        for (int j = index - 1; j >= 0 && layout[j].Role == TensorRole.GridLatents; j--)
        {
            channel++;
        }

        return channel;
    }

    private static float[] LatentChannel(AsmrNetwork network, int level, int channel) =>
        Values(network.LatentValues(network.Architecture.GridIndex(level)).select(1, channel));

    private static float[] Scaled(float[] values, double factor) =>
        factor == 1 ? values : [.. values.Select(v => (float)(v * factor))];

    private static float[] Values(Tensor t)
    {
        using var c = t.detach().contiguous().cpu();
        return c.data<float>().ToArray();
    }

    private static float[] LinearPerDigit(AsmrNetwork network, int level)
    {
        var a = network.Architecture;
        var m = Values(network.ModulationParameter(level));
        for (int r = 0; r < a.Width; r++)
        {
            for (int axis = 0; axis < ModelArchitecture.AxisCount; axis++)
            {
                int b = a.Base((Axis)axis, level);
                m[(r * 3) + axis] = b > 1 ? (float)(m[(r * 3) + axis] * network.LinearScale / (b - 1)) : 0f;
            }
        }

        return m;
    }
}
