using Asmr.Codec.Quantization;
using Asmr.Codec.Training;

namespace Latent;

/// <summary>
/// Fine-tuning with quantization noise: every step evaluates the loss at the parameters plus uniform noise of one
/// quantization step (U(−Δ/2, Δ/2) per value, Δ from the chosen multipliers), then applies the update to the clean
/// parameters. Unlike straight-through rounding it gives every parameter a gradient towards values the rounding
/// hurts least, and the network towards flat regions that survive the step.
/// </summary>
internal sealed class QuantizationNoise : IStepHook
{
    private readonly AsmrNetwork _network;
    private readonly IReadOnlyList<uint> _multipliers;
    private readonly Random _random;
    private IReadOnlyList<float[]>? _saved;

    public QuantizationNoise(AsmrNetwork network, IReadOnlyList<uint> multipliers, int seed)
    {
        _network = network;
        _multipliers = multipliers;
        _random = new Random(seed);
    }

    public void BeforeForward()
    {
        _saved = SegmentExporter.FloatTensors(_network);
        var layout = _network.Architecture.TensorLayout();
        for (int i = 0; i < layout.Count; i++)
        {
            var (role, _, _, _) = layout[i];
            float step = SegmentExporter.Dequantize(role, 1, _multipliers[i]);
            float[] noisy = new float[_saved[i].Length];
            for (int j = 0; j < noisy.Length; j++)
            {
                noisy[j] = _saved[i][j] + (step * (float)(_random.NextDouble() - 0.5));
            }

            SegmentExporter.SetTensor(_network, i, noisy);
        }
    }

    public void BeforeOptimizerStep()
    {
        if (_saved is null)
        {
            return;
        }

        var layout = _network.Architecture.TensorLayout();
        for (int i = 0; i < layout.Count; i++)
        {
            SegmentExporter.SetTensor(_network, i, _saved[i]);
        }

        _saved = null;
    }
}
