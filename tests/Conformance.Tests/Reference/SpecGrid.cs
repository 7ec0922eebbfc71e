namespace Asmr.Conformance.Tests.Reference;

/// <summary>A latent grid descriptor of spec §10.1 (model_version 2): level g, rank k and temporal_cells τ.</summary>
internal sealed record SpecGrid(int Level, int Rank, int Tau);
