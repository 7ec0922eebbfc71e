namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// A latent grid descriptor of spec §10.1: level g, rank k and temporal_cells τ (model_version 2 and 3), and
/// context_hidden J (model_version 3; 0 in model_version 2).
/// </summary>
internal sealed record SpecGrid(int Level, int Rank, int Tau, int ContextHidden = 0);
