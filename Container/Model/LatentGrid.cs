namespace Asmr.Container.Model;

/// <summary>
/// A latent grid (spec §10.1, §11.4; model_version 2 to 5): integer latents z per cell of level <paramref name="Level"/>'s
/// grid, <paramref name="Rank"/> channels each, added to that level's phases through a Rank × H projection (or, when
/// <paramref name="Interpolated"/>, to the next level's, bilinearly interpolated). Along t the grid has
/// <paramref name="TemporalCells"/> cells, each shared by C_t[level] / TemporalCells cells of the level.
/// </summary>
/// <param name="Level">The level g whose phases θ_g receive the grid's term; 0 ≤ g ≤ L − 2.</param>
/// <param name="Rank">k, latent channels per cell; 1..<see cref="ModelArchitecture.MaxGridRank"/>.</param>
/// <param name="TemporalCells">Cells along t; 1..C_t[g] and a divisor of C_t[g].</param>
/// <param name="ContextHidden">
/// Hidden units of the grid's context model (model_version 3, spec §10.7), 1..<see cref="ModelArchitecture.MaxContextHidden"/>;
/// 0 for a model_version 2 grid, whose latents are coded on their own (order-0).
/// </param>
/// <param name="Interpolated">
/// model_version 5 (placement 1, spec §11.4): the grid's term enters level Level + 1 (at most L − 2), bilinearly
/// interpolated in y and x at that level's cell centres, instead of level Level.
/// </param>
public sealed record LatentGrid(int Level, int Rank, int TemporalCells, int ContextHidden = 0, bool Interpolated = false);
