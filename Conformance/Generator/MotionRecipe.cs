using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>
/// The motion field of a model_version 4 segment (spec §10.8), written out in the catalog rather than drawn, so that
/// a vector shows at a glance which vectors reach the picture's edges or the ±1024 limit.
/// </summary>
/// <param name="BlockLog2">E: blocks of 2^E × 2^E luma samples.</param>
/// <param name="Coding">How the motion vectors record is coded: raw or adaptive.</param>
/// <param name="Vectors">
/// Per frame of the segment, the vectors V (not their differences) in quarter luma samples: (y, x) of each block in
/// raster order, so 2·BY·BX values per frame.
/// </param>
internal sealed record MotionRecipe(int BlockLog2, EntropyCoding Coding, int[][] Vectors);
