using Asmr.Container.Model;

namespace Asmr.Codec;

/// <summary>One encoded segment with what it cost: payload bytes (real coder) and float / quantized loss.</summary>
internal sealed record SegmentEncodeReport(SegmentModel Model, int PayloadBytes, double FloatLoss, double QuantizedLoss, int Steps, TimeSpan Elapsed);
