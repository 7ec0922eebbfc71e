using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>
/// A synthetic model that drives A and B of spec §11.4 into sat16 while its picture stays mostly in range: hidden
/// units 0 and 1 get identical phases (the same modulation, bias and weight rows), and output weights +3 and −2.9
/// times full scale. Where |S(pre)| or |C(pre)| is large both saturate and nearly cancel; elsewhere they leave a
/// tenth of their size. A decoder that does not saturate, or saturates differently, gets visibly different samples.
/// </summary>
internal static class SaturatingModel
{
    /// <summary>+3·2^28 and −2.9·2^28 (units of 2^−28 of full scale), both below 2^31.</summary>
    private const long PositiveWeight = 3L << 28;
    private const long NegativeWeight = -((29L << 28) / 10);

    public static SegmentModel Build(SegmentRecipe recipe, int outputChannels)
    {
        var model = ModelSynthesizer.Synthesize(recipe, 0, outputChannels);
        var a = model.Architecture;
        if (a.Width < 3)
        {
            throw new ArgumentException("The saturating model needs H ≥ 3.", nameof(recipe));
        }

        foreach (var t in model.Tensors)
        {
            switch (t.Role)
            {
                case TensorRole.Modulation when a.Modulation(t.Level) == ModulationKind.Linear:
                case TensorRole.Weight:
                    // Row = hidden unit: unit 1 copies unit 0.
                    Array.Copy(t.Values, 0, t.Values, t.Columns, t.Columns);
                    break;
                case TensorRole.Modulation:
                case TensorRole.Bias:
                    // Column = hidden unit.
                    for (int row = 0; row < t.Rows; row++)
                    {
                        t.Values[(row * t.Columns) + 1] = t.Values[row * t.Columns];
                    }

                    break;
                case TensorRole.OutputWeight:
                    for (int o = 0; o < t.Rows; o++)
                    {
                        t.Values[o * t.Columns] = checked((int)(PositiveWeight / t.Multiplier));
                        t.Values[(o * t.Columns) + 1] = checked((int)(NegativeWeight / t.Multiplier));
                    }

                    break;
            }
        }

        return model;
    }
}
