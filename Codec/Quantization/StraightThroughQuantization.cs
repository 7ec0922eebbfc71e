using Asmr.Codec.Training;

namespace Asmr.Codec.Quantization;

/// <summary>
/// Quantization-aware fine-tuning by the straight-through estimator: every step evaluates the loss and its gradient
/// at the quantized (dequantized) parameters, then applies the update to the float parameters.
/// </summary>
internal sealed class StraightThroughQuantization : IStepHook
{
    private readonly AsmrNetwork _network;
    private readonly IReadOnlyList<uint> _multipliers;
    private IReadOnlyList<float[]>? _saved;

    public StraightThroughQuantization(AsmrNetwork network, IReadOnlyList<uint> multipliers)
    {
        _network = network;
        _multipliers = multipliers;
    }

    public void BeforeForward()
    {
        _saved = SegmentExporter.FloatTensors(_network);
        var layout = _network.Architecture.TensorLayout();
        for (int i = 0; i < layout.Count; i++)
        {
            var (role, _, _, _) = layout[i];
            var q = SegmentExporter.Quantize(role, _saved[i], _multipliers[i]);
            SegmentExporter.SetTensor(_network, i, [.. q.Select(v => SegmentExporter.Dequantize(role, v, _multipliers[i]))]);
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
