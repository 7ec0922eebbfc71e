namespace Asmr.Codec.Training;

/// <summary>Initialisation ranges of <see cref="AsmrNetwork"/> (all uniform, symmetric).</summary>
internal sealed record NetworkInit
{
    /// <summary>ω for linear modulators (the paper uses ω0² = 900 through its two scalings).</summary>
    public double LinearScale { get; init; } = 30;

    /// <summary>Bound of table entries at levels 0 and 1 (radians).</summary>
    public double CoarseTableBound { get; init; } = Math.PI;

    /// <summary>Bound of table entries at levels ≥ 2 (radians).</summary>
    public double TableBound { get; init; } = 1.0;

    /// <summary>Bound of phase biases (radians).</summary>
    public double BiasBound { get; init; } = 0.5;

    /// <summary>Hidden weights are U(±gain·√(6/H)).</summary>
    public double WeightGain { get; init; } = 1.0;

    /// <summary>Output weights are U(±gain·√(6/H)).</summary>
    public double OutputGain { get; init; } = 0.05;

    /// <summary>Latent grid projections are U(±bound) radians per latent unit; latents start at 0.</summary>
    public double GridProjectionBound { get; init; } = 0.3;

    /// <summary>Initial Laplace scale of the latents' rate model.</summary>
    public double GridInitialScale { get; init; } = 1.0;

    /// <summary>Initial output bias (full-scale units), e.g. mid-grey.</summary>
    public double OutputBias { get; init; } = 0.5;
}
