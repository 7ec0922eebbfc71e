using Asmr.Container.Model;

namespace Asmr.Benchmarks.DecodeSpeed;

/// <summary>
/// A model of a given architecture with seeded random weights. Decode cost depends on the architecture, not on the
/// weight values, except that hidden weights which fit in int16 take the faster kernel; trained models' quantized
/// weights are small integers too, so the values here stay within ±127.
/// </summary>
internal static class SyntheticModel
{
    public static SegmentModel Create(ModelArchitecture architecture, int frameCount, int seed)
    {
        var random = new Random(seed);
        var tensors = architecture.TensorLayout()
            .Select(t => new QuantizedTensor(
                t.Role,
                t.Level,
                t.Rows,
                t.Columns,
                t.Role is TensorRole.OutputWeight or TensorRole.OutputBias ? 1u << 16 : 1u << 20,
                [.. Enumerable.Range(0, t.Rows * t.Columns).Select(_ => random.Next(-127, 128))]))
            .ToList();
        return new SegmentModel(0, frameCount, architecture, tensors);
    }
}
