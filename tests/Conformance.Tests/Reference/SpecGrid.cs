namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// A latent grid descriptor of spec §10.1: level g, rank k and temporal_cells τ (model_version 2 to 6),
/// context_hidden J (model_version 3 to 6; 0 in model_version 2) and placement (model_version 5 and 6; 1 = the grid
/// enters level g + 1 interpolated, §11.4).
/// </summary>
internal sealed record SpecGrid(int Level, int Rank, int Tau, int ContextHidden = 0, int Placement = 0);
