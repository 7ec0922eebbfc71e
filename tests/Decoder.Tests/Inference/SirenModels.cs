using Asmr.Container.Model;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>A SIREN-like network (ω0 folded in) quantized with μ = 1, the finest step the format has.</summary>
internal static class SirenModels
{
    private const double RadiansToPhase = 4294967296.0 / (2 * Math.PI);

    public static SegmentModel Build(ModelConfig config, TestRandom rng)
    {
        var arch = config.Architecture();
        int h = config.Width;
        var tensors = new List<QuantizedTensor>();
        foreach (var (role, level, rows, columns) in arch.TensorLayout())
        {
            var values = new int[rows * columns];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = role switch
                {
                    // Phases in radians → u32 phase units (2^32 per turn), reduced mod 2^32.
                    TensorRole.Modulation or TensorRole.Bias => PhaseInt(Uniform(rng, Math.PI)),

                    // sin(ω0·W·h): ω0·W ~ U(±√(6/H)) radians per unit activation, stored per Q14 unit.
                    TensorRole.Weight => (int)Math.Round(Uniform(rng, Math.Sqrt(6.0 / h)) * RadiansToPhase / 16384),

                    // y = 0.5 + Σ wd·sin, |wd| ≤ 0.6/√H keeps most outputs inside [0, 1).
                    TensorRole.OutputWeight => (int)Math.Round(Uniform(rng, 0.6 / Math.Sqrt(h)) * (1 << 28)),
                    TensorRole.OutputBias => 1 << 27,
                    _ => throw new InvalidOperationException(),
                };
            }

            tensors.Add(new QuantizedTensor(role, level, rows, columns, 1, values));
        }

        return new SegmentModel(0, config.FrameCount, arch, tensors);
    }

    private static double Uniform(TestRandom rng, double bound) => ((2 * rng.NextDouble()) - 1) * bound;

    private static int PhaseInt(double radians) => unchecked((int)(uint)(long)Math.Round(radians * RadiansToPhase));
}
