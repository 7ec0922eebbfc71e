using Asmr.Container.Model;

namespace Asmr.Codec.Quantization;

/// <summary>
/// Conversions between the float network's units and the integer units of spec §10.3, per tensor role:
/// phases (radians ↔ u32 turns, 2^32 = 2π), hidden weights (radians per unit activation ↔ u32 phase per Q14 unit)
/// and output tensors (full scale ↔ 2^−28 of full scale).
/// </summary>
internal static class TensorUnits
{
    /// <summary>u32 phase units per radian.</summary>
    public const double PhasePerRadian = 4294967296.0 / (2 * Math.PI);

    /// <summary>Units of a hidden weight per (radian per unit activation): 2^32/(2π)/2^14.</summary>
    public const double WeightPerRadian = PhasePerRadian / 16384.0;

    /// <summary>Output units per full scale.</summary>
    public const double OutputPerFullScale = 268435456.0;

    /// <summary>Integer units per float unit for a tensor role.</summary>
    public static double UnitsPerFloat(TensorRole role) => role switch
    {
        TensorRole.Modulation or TensorRole.Bias or TensorRole.GridProjection => PhasePerRadian,
        TensorRole.Weight => WeightPerRadian,
        TensorRole.OutputWeight or TensorRole.OutputBias => OutputPerFullScale,
        _ => 1.0, // grid latents and context model parameters are integers already
    };

    /// <summary>
    /// Whether a role's values are integers already, stored with μ = 1: grid latents and the context models'
    /// parameters (Q8). The step search gives them one candidate.
    /// </summary>
    public static bool IsFixedInteger(TensorRole role) => role is TensorRole.GridLatents
        or TensorRole.ContextWeight or TensorRole.ContextBias or TensorRole.ContextOutputWeight or TensorRole.ContextChannelBias;

    /// <summary>Whether values of this role are phases, so they may be wrapped modulo one turn.</summary>
    /// <remarks>A projection is a phase per latent unit: latents are integers, so z·U wraps like U.</remarks>
    public static bool IsPhase(TensorRole role) => role is TensorRole.Modulation or TensorRole.Bias or TensorRole.GridProjection;

    /// <summary>Wraps a phase in radians into [−π, π).</summary>
    public static double WrapPhase(double radians)
    {
        double turns = radians / (2 * Math.PI);
        return (turns - Math.Floor(turns + 0.5)) * 2 * Math.PI;
    }
}
