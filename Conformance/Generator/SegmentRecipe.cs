using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>How to synthesise the model of one segment.</summary>
/// <param name="FrameCount">Frames in the segment.</param>
/// <param name="BasesT">B[t][l] for l = 0..L−1.</param>
/// <param name="BasesY">B[y][l].</param>
/// <param name="BasesX">B[x][l].</param>
/// <param name="HiddenWidth">H.</param>
/// <param name="Modulation">The modulation kind of each level.</param>
/// <param name="Multipliers">How μ is chosen.</param>
/// <param name="Coding">How each tensor is entropy coded.</param>
/// <param name="Seed">The seed of the segment's random integers.</param>
/// <param name="Grids">Latent grids (model_version 2, spec §10.1); none for a model_version 1 segment.</param>
/// <param name="Motion">A motion field (model_version 4, spec §10.8; the grids need context models); none before version 4.</param>
/// <param name="OutputGain">
/// Scales the output weights' range: above 1 the picture has more contrast, with samples at 0 and 2^D − 1 next to
/// others (what a motion vector needs whose cubic read must overshoot and be clamped).
/// </param>
/// <param name="Filter">An output filter (model_version 6, spec §10.9; the grids need context models); none before version 6.</param>
/// <param name="CompactRecords">Compact record headers (model_version 7, spec §10.2; the grids need context models), the filter optional.</param>
internal sealed record SegmentRecipe(
    int FrameCount,
    int[] BasesT,
    int[] BasesY,
    int[] BasesX,
    int HiddenWidth,
    ModulationKind[] Modulation,
    MultiplierStyle Multipliers,
    CodingStyle Coding,
    ulong Seed,
    IReadOnlyList<LatentGrid>? Grids = null,
    MotionRecipe? Motion = null,
    int OutputGain = 1,
    FilterRecipe? Filter = null,
    bool CompactRecords = false);
