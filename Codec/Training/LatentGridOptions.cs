namespace Asmr.Codec.Training;

/// <summary>
/// EXPERIMENTAL (not in the format): a low-rank per-cell latent grid added to the phases of one level,
/// P_g(c) += G[c]·U with G a (C_g or spatial-only) × k latent grid and U a k × H projection. See experiments/NOTES.md.
/// </summary>
internal sealed record LatentGridOptions
{
    /// <summary>The level g whose phases receive the grid term (1 ≤ g ≤ L−2).</summary>
    public int Level { get; init; } = 1;

    /// <summary>Latent channels k.</summary>
    public int Rank { get; init; } = 4;

    /// <summary>When true the grid has one latent per (y, x) cell of level g, shared by all t.</summary>
    public bool SpatialOnly { get; init; } = true;
}
