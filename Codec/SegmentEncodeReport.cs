using Asmr.Container.Entropy;
using Asmr.Container.Model;

namespace Asmr.Codec;

/// <summary>
/// One encoded segment with what it cost: payload bytes (real coder) and float / quantized loss; with a context-model
/// rate, each grid's context model in integers (<see cref="ContextModels"/>).
/// </summary>
internal sealed record SegmentEncodeReport(SegmentModel Model, int PayloadBytes, double FloatLoss, double QuantizedLoss, int Steps, TimeSpan Elapsed)
{
    public IReadOnlyList<LatentContextModel> ContextModels { get; init; } = [];
}
