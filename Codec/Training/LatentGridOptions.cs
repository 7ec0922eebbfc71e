namespace Asmr.Codec.Training;

/// <summary>
/// EXPERIMENTAL (not in the format): a low-rank per-cell latent grid added to the phases of one level,
/// P_g(c) += z[c]·U with z an integer (rounded) latent grid of TemporalCells × Y_g × X_g × k and U a k × H projection.
/// See experiments/NOTES.md.
/// </summary>
internal sealed record LatentGridOptions
{
    /// <summary>The level g whose phases receive the grid term (1 ≤ g ≤ L−2).</summary>
    public int Level { get; init; } = 1;

    /// <summary>Latent channels k.</summary>
    public int Rank { get; init; } = 4;

    /// <summary>Cells along t (must divide level g's cumulative t); 1 = shared by all frames.</summary>
    public int TemporalCells { get; init; } = 1;

    public double ProjectionBound { get; init; } = 0.3;

    public double InitialScale { get; init; } = 1.0;
}
