using Asmr.Container.Model;

namespace Asmr.Codec.Training;

/// <summary>Knobs of <see cref="LevelPlanner"/>.</summary>
internal sealed record PlannerOptions
{
    /// <summary>Hidden width H.</summary>
    public int Width { get; init; } = 64;

    /// <summary>Number of levels; 0 chooses from the frame size (level-0 grid about ≤ 16 cells per spatial axis).</summary>
    public int Levels { get; init; }

    /// <summary>Preferred base of the last level on y and x. 4×4 blocks fit akiyo CIF 0.6 dB better than 8×8 in the
    /// same training time (experiments/NOTES.md); β_{L−1} stays large for decode speed through the time base.</summary>
    public int LastSpatialBase { get; init; } = 4;

    /// <summary>Preferred base of the last level on t.</summary>
    public int LastTemporalBase { get; init; } = 16;

    /// <summary>
    /// When true, time above the last level is split only at the finest shared level (L−2): the coarser levels keep
    /// one time cell, so time cells of the fine latent grid multiply the work of one level instead of all of them.
    /// </summary>
    public bool TimeAtFinestSharedLevel { get; init; }

    /// <summary>Largest time base of level 0: time is split mostly at the finer levels, so the level-0 table (a
    /// per-cell embedding, the largest tensor) stays small and is shared by all frames of a segment.</summary>
    public int MaxLevelZeroTemporalBase { get; init; } = 2;

    /// <summary>Largest base level 0 may take before the planner pads instead.</summary>
    public int MaxLevelZeroBase { get; init; } = 24;

    /// <summary>Frames per segment (segments are independent models).</summary>
    public int SegmentLength { get; init; } = 32;

    /// <summary>Modulation kind of every level but the last.</summary>
    public ModulationKind CoarseModulation { get; init; } = ModulationKind.Table;

    /// <summary>Modulation kind of the last level.</summary>
    public ModulationKind LastModulation { get; init; } = ModulationKind.Linear;

    /// <summary>
    /// Latent grids (format 2) on this many shared levels (the finest with cells of at least <see cref="MinGridCell"/>
    /// samples, and those above it); 0 = none (a format 1 model).
    /// Grids on the two finest shared levels fit akiyo CIF 1.6 dB better at equal bytes (experiments/NOTES.md).
    /// </summary>
    public int GridLevels { get; init; } = 2;

    /// <summary>
    /// Samples a grid cell spans at least, on y and x: grids go on the finest shared levels with cells that large, so
    /// 2×2 last-level blocks keep their grids on 4×4 and 8×8 cells (finer latents cost more than they fit at 0.05 bpp).
    /// </summary>
    public int MinGridCell { get; init; } = 4;

    /// <summary>Latent channels per grid cell.</summary>
    public int GridRank { get; init; } = 4;

    /// <summary>
    /// Time cells per grid, at most: each grid takes the largest divisor of its level's time cells C_t[g] that is no
    /// larger (1 = one latent picture per segment).
    /// </summary>
    public int GridTemporalCells { get; init; } = 1;
}
