using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>
/// The valid conformance vectors. Changing anything here changes the committed vectors and their expected hashes:
/// add new vectors at the end with new seeds rather than editing existing ones.
/// </summary>
internal static class ValidVectorCatalog
{
    private const ModulationKind Lin = ModulationKind.Linear;
    private const ModulationKind Tab = ModulationKind.Table;

    private static readonly ColorDescription Bt709Limited = ColorDescription.Bt709;
    private static readonly ColorDescription Bt709Full = ColorDescription.Bt709 with { FullRange = true };
    private static readonly ColorDescription Bt601Full = new() { Primaries = 6, Transfer = 6, Matrix = 6, FullRange = true, ChromaSamplePosition = 1 };
    private static readonly ColorDescription Bt601Limited = new() { Primaries = 5, Transfer = 6, Matrix = 5, FullRange = false, ChromaSamplePosition = 1 };
    private static readonly ColorDescription Bt2020Limited = new() { Primaries = 9, Transfer = 14, Matrix = 9, FullRange = false };
    private static readonly ColorDescription GbrFull = new() { Primaries = 1, Transfer = 13, Matrix = 0, FullRange = true };
    private static readonly ColorDescription GrayFull = new() { FullRange = true };
    private static readonly ColorDescription GrayLimited = new() { FullRange = false };

    public static IReadOnlyList<ValidVectorRecipe> All { get; } =
    [
        Vector(
            "v01-gray-1x1",
            "The smallest picture: 1×1 4:0:0 8-bit, one frame, L = 2, H = 3, grid padded in x, raw coding.",
            Sequence(1, 1, 1, ChromaFormat.Mono400, 8, GrayFull),
            Segment(1, [1, 1], [1, 1], [1, 2], 3, [Lin, Tab], MultiplierStyle.Typical, CodingStyle.Raw, 1)),
        Vector(
            "v02-yuv420-17x9-7frames",
            "Odd 17×9 4:2:0 8-bit BT.709 limited, 7 frames, L = 3, H = 12, linear/table/linear, adaptive coding.",
            Sequence(17, 9, 7, ChromaFormat.Yuv420, 8, Bt709Limited),
            Segment(7, [7, 1, 1], [2, 5, 1], [3, 3, 2], 12, [Lin, Tab, Lin], MultiplierStyle.Typical, CodingStyle.Adaptive, 2)),
        Vector(
            "v03-yuv444-23x13-10bit-deep",
            "23×13 (a padded 24×16 grid) 4:4:4 10-bit BT.2020 limited, 2 frames, L = 5, H = 6, table first and last, raw and adaptive in turn.",
            Sequence(23, 13, 2, ChromaFormat.Yuv444, 10, Bt2020Limited),
            Segment(2, [1, 2, 1, 1, 1], [2, 2, 2, 1, 2], [2, 3, 2, 2, 1], 6, [Tab, Lin, Tab, Lin, Tab], MultiplierStyle.Typical, CodingStyle.Alternate, 3)),
        Vector(
            "v04-gbr444-16x16-identity",
            "16×16 4:4:4 8-bit GBR (matrix_coefficients 0) full range, 3 frames, L = 3, H = 8, all linear, μ = 1 everywhere.",
            Sequence(16, 16, 3, ChromaFormat.Yuv444, 8, GbrFull),
            Segment(3, [3, 1, 1], [4, 2, 2], [2, 4, 2], 8, [Lin, Lin, Lin], MultiplierStyle.One, CodingStyle.Adaptive, 4)),
        Vector(
            "v05-yuv422-19x8-10bit-bt601",
            "19×8 4:2:2 10-bit BT.601 full range, 3 frames on a 4-frame grid, L = 4, H = 5, large odd multipliers (phases wrap), raw coding.",
            Sequence(19, 8, 3, ChromaFormat.Yuv422, 10, Bt601Full),
            Segment(3, [2, 2, 1, 1], [2, 2, 2, 1], [5, 2, 1, 2], 5, [Lin, Tab, Lin, Tab], MultiplierStyle.Large, CodingStyle.Raw, 5)),
        new ValidVectorRecipe
        {
            Name = "v06-yuv420-32x18-3segments-lz4",
            Description = "32×18 4:2:0 8-bit BT.601 limited, 7 frames in 3 segments of different architectures, LZ4-compressed MODL sections, a meta section and an unknown ancillary section 'zext' that must be skipped.",
            Sequence = Sequence(32, 18, 7, ChromaFormat.Yuv420, 8, Bt601Limited),
            Segments =
            [
                Segment(3, [3, 1], [3, 6], [4, 8], 16, [Tab, Tab], MultiplierStyle.Large, CodingStyle.Raw, 61),
                Segment(2, [1, 2, 1], [2, 3, 3], [2, 4, 4], 7, [Lin, Tab, Lin], MultiplierStyle.Mixed, CodingStyle.Raw, 62),
                Segment(2, [2, 1, 1, 1], [1, 3, 2, 3], [2, 2, 2, 4], 9, [Tab, Lin, Lin, Tab], MultiplierStyle.Typical, CodingStyle.Alternate, 63),
            ],
            CompressModels = true,
            Metadata = ConformanceMetadata(),
            UnknownSections = [new UnknownSection("zext", UnknownPayload())],
        },
        Vector(
            "v07-gray-24x20-10bit-multipliers",
            "24×20 4:0:0 10-bit limited, 5 frames, L = 3, H = 10, table/linear/table, a seeded mix of multipliers from 1 to 0x9E3779B9, adaptive coding with escape codes.",
            Sequence(24, 20, 5, ChromaFormat.Mono400, 10, GrayLimited),
            Segment(5, [5, 1, 1], [2, 5, 2], [3, 4, 2], 10, [Tab, Lin, Tab], MultiplierStyle.Mixed, CodingStyle.Adaptive, 7)),
        Vector(
            "v08-yuv420-1x1",
            "A 1×1 4:2:0 picture (1×1 chroma averaged from a 2×2 grid), 8-bit BT.709 limited, one frame, L = 2, H = 4, μ = 1, adaptive coding.",
            Sequence(1, 1, 1, ChromaFormat.Yuv420, 8, Bt709Limited),
            Segment(1, [1, 1], [2, 1], [1, 2], 4, [Lin, Lin], MultiplierStyle.One, CodingStyle.Adaptive, 8)),
        Vector(
            "v09-yuv422-7x5-6levels",
            "7×5 4:2:2 8-bit BT.709 limited, one frame, L = 6 with many bases of 1, H = 3, raw and adaptive in turn.",
            Sequence(7, 5, 1, ChromaFormat.Yuv422, 8, Bt709Limited),
            Segment(1, [1, 1, 1, 1, 1, 1], [1, 5, 1, 1, 1, 1], [2, 1, 2, 1, 2, 1], 3, [Tab, Lin, Lin, Tab, Tab, Lin], MultiplierStyle.Typical, CodingStyle.Alternate, 9)),
        new ValidVectorRecipe
        {
            Name = "v10-yuv420-13x11-10bit-2segments",
            Description = "13×11 4:2:0 10-bit BT.709 full range, 7 frames in segments of 4 and 3, L = 3 (H = 20) then L = 2 (H = 11, μ = 1, raw).",
            Sequence = Sequence(13, 11, 7, ChromaFormat.Yuv420, 10, Bt709Full),
            Segments =
            [
                Segment(4, [2, 2, 1], [2, 3, 2], [7, 2, 1], 20, [Lin, Lin, Tab], MultiplierStyle.Typical, CodingStyle.Adaptive, 101),
                Segment(3, [3, 1], [4, 3], [2, 7], 11, [Tab, Lin], MultiplierStyle.One, CodingStyle.Raw, 102),
            ],
        },
        Vector(
            "v11-gray-64x48-h32",
            "A larger 64×48 4:0:0 8-bit full-range picture, 2 frames, L = 3, H = 32 (whole SIMD vectors), all linear.",
            Sequence(64, 48, 2, ChromaFormat.Mono400, 8, GrayFull),
            Segment(2, [1, 2, 1], [4, 4, 3], [4, 4, 4], 32, [Lin, Lin, Lin], MultiplierStyle.Typical, CodingStyle.Adaptive, 11)),
        new ValidVectorRecipe
        {
            Name = "v12-worked-example",
            Description = "The worked example of the spec appendix: 2×2 4:4:4 8-bit, L = 2, H = 2, table then linear modulation, hand-picked integers.",
            Sequence = WorkedExample.Sequence,
            ExplicitModels = () => [WorkedExample.Model()],
        },
        new ValidVectorRecipe
        {
            Name = "v13-yuv444-12x10-12bit-sat16",
            Description = "12×10 4:4:4 12-bit BT.709 full range, 2 frames, L = 3, H = 4; hidden units 0 and 1 are twins with output weights +3 and −2.9 times full scale, so A and B saturate (sat16) while the picture stays mostly unclipped.",
            Sequence = Sequence(12, 10, 2, ChromaFormat.Yuv444, 12, Bt709Full),
            ExplicitModels = () => [SaturatingModel.Build(Segment(2, [2, 1, 1], [2, 5, 1], [3, 2, 2], 4, [Lin, Tab, Lin], MultiplierStyle.Typical, CodingStyle.Adaptive, 13), outputChannels: 3)],
        },
        Vector(
            "v14-gray-9x7-16bit",
            "9×7 4:0:0 16-bit (two bytes per sample in the hash), full range, 1 frame, L = 2, H = 9, all table, adaptive coding.",
            Sequence(9, 7, 1, ChromaFormat.Mono400, 16, GrayFull),
            Segment(1, [1, 1], [7, 1], [3, 3], 9, [Tab, Tab], MultiplierStyle.Typical, CodingStyle.Adaptive, 14)),

        // Format version 2: latent grids (model_version 2, spec §10.1, §11.4). These files have min_reader_version 2.
        Vector(
            "v15-yuv420-16x12-6frames-2grids",
            "16×12 4:2:0 8-bit BT.709 limited, 6 frames, L = 4, H = 10, latent grids on level 0 (rank 2, τ = 1: one latent vector for all frames) and on level L − 2 = 2 (rank 3, τ = 3 of C_t = 6: each grid cell shared by two frames), adaptive coding.",
            Sequence(16, 12, 6, ChromaFormat.Yuv420, 8, Bt709Limited),
            Segment(6, [2, 3, 1, 1], [2, 3, 2, 1], [2, 2, 2, 2], 10, [Lin, Tab, Lin, Tab], MultiplierStyle.Typical, CodingStyle.Adaptive, 15, [new(0, 2, 1), new(2, 3, 3)])),
        Vector(
            "v16-yuv444-12x10-10bit-grid-rank4",
            "12×10 4:4:4 10-bit BT.2020 limited, 4 frames, L = 5, H = 6, a latent grid on the middle level 2 with rank 4 and τ = C_t = 4 (every level-2 cell its own latents), raw and adaptive tensors in turn.",
            Sequence(12, 10, 4, ChromaFormat.Yuv444, 10, Bt2020Limited),
            Segment(4, [1, 2, 2, 1, 1], [1, 2, 1, 5, 1], [2, 1, 3, 1, 2], 6, [Lin, Tab, Lin, Lin, Tab], MultiplierStyle.Typical, CodingStyle.Alternate, 16, [new(2, 4, 4)])),
        Vector(
            "v17-gray-11x7-grid-level0",
            "11×7 4:0:0 8-bit full range on a padded 12×8 grid, 3 frames, L = 2, H = 5, a latent grid on level 0 (rank 2, τ = C_t = 3), so pre = θ_0 carries the grid term; raw coding.",
            Sequence(11, 7, 3, ChromaFormat.Mono400, 8, GrayFull),
            Segment(3, [3, 1], [2, 4], [3, 4], 5, [Tab, Lin], MultiplierStyle.Typical, CodingStyle.Raw, 17, [new(0, 2, 3)])),
        new ValidVectorRecipe
        {
            Name = "v18-yuv422-20x8-2segments-one-grid",
            Description = "20×8 4:2:2 8-bit BT.601 full range, 5 frames in segments of 3 (model_version 1, L = 3, H = 7) and 2 (model_version 2: L = 3, H = 8, a latent grid on level 1 with rank 1 and τ = 2), LZ4-compressed MODL sections; the file is version 2.",
            Sequence = Sequence(20, 8, 5, ChromaFormat.Yuv422, 8, Bt601Full),
            Segments =
            [
                Segment(3, [3, 1, 1], [2, 2, 2], [5, 2, 2], 7, [Lin, Lin, Tab], MultiplierStyle.Typical, CodingStyle.Adaptive, 181),
                Segment(2, [1, 2, 1], [2, 1, 4], [2, 5, 2], 8, [Tab, Lin, Lin], MultiplierStyle.Mixed, CodingStyle.Adaptive, 182, [new(1, 1, 2)]),
            ],
            CompressModels = true,
        },

        // Format version 3: context-coded latents (spec §10.6, §10.7).
        Vector(
            "v19-yuv420-16x16-4frames-context-2grids",
            "16×16 4:2:0 8-bit BT.709 limited, 4 frames, L = 3, H = 8, model_version 3: a grid on level 0 (rank 2, τ = 1, a context model of 3 hidden units) and one on level 1 (rank 3, τ = 2 of C_t = 4, 5 hidden units), whose context-coded latents meet escape codes and the clamps of the inputs, of the hidden units (at 0 and 2^15) and of the scale bin (at 0 and 79); raw and adaptive tensors in turn.",
            Sequence(16, 16, 4, ChromaFormat.Yuv420, 8, Bt709Limited),
            Segment(4, [2, 2, 1], [2, 4, 2], [2, 4, 2], 8, [Lin, Tab, Lin], MultiplierStyle.Typical, CodingStyle.Alternate, 19, [new(0, 2, 1, 3), new(1, 3, 2, 5)])),
        new ValidVectorRecipe
        {
            Name = "v20-gray-12x8-10bit-2segments-context-32",
            Description = "12×8 4:0:0 10-bit limited, 5 frames in segments of 2 (model_version 1, L = 2, H = 6) and 3 (model_version 3: L = 3, H = 9, a grid on level 1 = L − 2 with rank 1, τ = C_t = 3 and a context model of 32 hidden units, raw-coded), LZ4-compressed MODL sections; the file is version 3.",
            Sequence = Sequence(12, 8, 5, ChromaFormat.Mono400, 10, GrayLimited),
            Segments =
            [
                Segment(2, [2, 1], [2, 4], [3, 4], 6, [Tab, Lin], MultiplierStyle.Typical, CodingStyle.Adaptive, 201),
                Segment(3, [3, 1, 1], [2, 2, 2], [2, 3, 2], 9, [Lin, Tab, Tab], MultiplierStyle.Typical, CodingStyle.Raw, 202, [new(1, 1, 3, 32)]),
            ],
            CompressModels = true,
        },

        // Format version 4: a motion field (model_version 4, spec §10.8, §11.8). Vectors in quarter luma samples, (y, x)
        // per block in raster order, one row of the literal per block row.
        new ValidVectorRecipe
        {
            Name = "v21-yuv420-40x24-2segments-motion16",
            Description = "40×24 4:2:0 8-bit BT.709 limited, 5 frames in segments of 2 (model_version 3: L = 3, H = 6, a grid on level 1 with rank 1, τ = 1 and 2 hidden units) and 3 (model_version 4: L = 3, H = 8, a grid on level 0 with rank 2, τ = 1 and 3 hidden units, and a motion field of 16×16 blocks, 3 × 2 of them, the last column and row sticking out of the picture, adaptive-coded); every frame has other vectors, most of them fractional (quarter samples), so the field, its rounding to 1/64 and the cubic read differ per frame and per plane, and the chroma planes halve the offsets; the file is version 4.",
            Sequence = Sequence(40, 24, 5, ChromaFormat.Yuv420, 8, Bt709Limited),
            Segments =
            [
                Segment(2, [2, 1, 1], [2, 3, 4], [2, 5, 4], 6, [Lin, Tab, Lin], MultiplierStyle.Typical, CodingStyle.Adaptive, 211, [new(1, 1, 1, 2)]),
                Segment(3, [3, 1, 1], [2, 3, 4], [5, 2, 4], 8, [Tab, Lin, Lin], MultiplierStyle.Typical, CodingStyle.Alternate, 212, [new(0, 2, 1, 3)],
                    new MotionRecipe(4, EntropyCoding.Adaptive,
                    [
                        [5, -3, 6, -2, 9, 1,
                         -7, 10, 2, 13, -1, 22],
                        [-10, 17, -6, 14, -3, 11,
                         -13, 6, -9, 3, 0, -2],
                        [-18, -18, -18, 1, -18, 19,
                         15, -18, 14, 2, 17, 18],
                    ])),
            ],
        },
        new ValidVectorRecipe
        {
            Name = "v22-yuv422-21x13-10bit-2segments-motion8-edges",
            Description = "21×13 4:2:2 10-bit BT.709 full range, 5 frames in two model_version 4 segments with motion fields of 8×8 blocks (3 × 2, the last column and row sticking out): segment 0 (2 frames, L = 3, H = 7, a grid on level 1 with τ = 2) has a raw-coded motion record whose vectors reach ±1024 quarter samples (256 luma samples, far beyond the picture) and differ by up to 2048 between frames, so reads repeat the edges, and output weights of twice the usual range, so that the picture has samples at 0 and 1023 and the cubic's sums are clamped at both ends; segment 1 (3 frames, L = 3, H = 9, a grid on level 0 with rank 2 and τ = 3) has an adaptive-coded record of vectors that change little per frame and restart from zero (V[−1] = 0) at the segment; chroma offsets are halved along x only; the file is version 4.",
            Sequence = Sequence(21, 13, 5, ChromaFormat.Yuv422, 10, Bt709Full),
            Segments =
            [
                Segment(2, [2, 1, 1], [2, 2, 4], [2, 3, 4], 7, [Tab, Lin, Tab], MultiplierStyle.Mixed, CodingStyle.Raw, 221, [new(1, 1, 2, 4)],
                    new MotionRecipe(3, EntropyCoding.Raw,
                    [
                        [-1024, 37, 3, -5, 11, 1024,
                         -45, -1024, 1024, 2, -6, -7],
                        [1024, -1024, -3, 998, -1024, 1,
                         50, 17, -1023, -1, 6, 700],
                    ]),
                    outputGain: 2),
                Segment(3, [3, 1, 1], [1, 4, 4], [2, 3, 4], 9, [Lin, Tab, Lin], MultiplierStyle.Large, CodingStyle.Adaptive, 223, [new(0, 2, 3, 6)],
                    new MotionRecipe(3, EntropyCoding.Adaptive,
                    [
                        [13, -22, -301, 5, 7, 9,
                         2, 2, -1, 401, 99, -1024],
                        [15, -20, -297, 9, 5, 9,
                         2, -30, 3, 405, 101, -1019],
                        [18, -18, -290, 14, 0, 6,
                         1, -61, 8, 407, 104, -1012],
                    ])),
            ],
        },

        // Format version 5: interpolated grids (model_version 5, spec §10.1 placement, §11.4), with and without a motion
        // field.
        new ValidVectorRecipe
        {
            Name = "v23-yuv420-24x20-2segments-interpolated",
            Description = "24×20 4:2:0 8-bit BT.709 limited, 7 frames in two model_version 5 segments. Segment 0 (4 frames, L = 4, H = 6, no motion field: motion_block_log2 = 0) has three grids: level 0 (rank 2, τ = 1, J = 3) interpolated onto level 1, whose bases are t 2, y 3, x 2 (weights in sixths along y, quarters along x; two level-1 time cells share the grid cell); level 1 (rank 2, τ = 2, J = 4) interpolated onto level 2 (bases y 2, x 2), where it adds beside level 2's own grid (rank 1, τ = 1, J = 5, placement 0); the picture's first and last rows and columns of cells repeat the grids' borders. Segment 1 (3 frames, L = 4, H = 6) has one grid on level 1 (rank 1, τ = 1, J = 2) interpolated onto level 2 (bases t 3, y 3, x 2) and a motion field of 8×8 blocks (3 × 3); the file is version 5.",
            Sequence = Sequence(24, 20, 7, ChromaFormat.Yuv420, 8, Bt709Limited),
            Segments =
            [
                Segment(4, [1, 2, 1, 2], [2, 3, 2, 2], [3, 2, 2, 2], 6, [Lin, Tab, Lin, Tab], MultiplierStyle.Typical, CodingStyle.Alternate, 231,
                    [new(0, 2, 1, 3, true), new(1, 2, 2, 4, true), new(2, 1, 1, 5)]),
                Segment(3, [1, 1, 3, 1], [2, 2, 3, 2], [2, 3, 2, 2], 6, [Tab, Lin, Tab, Lin], MultiplierStyle.Typical, CodingStyle.Adaptive, 232,
                    [new(1, 1, 1, 2, true)],
                    new MotionRecipe(3, EntropyCoding.Adaptive,
                    [
                        [3, -2, 5, 1, -4, 6, 0, 2, -7, 9, 1, -1, 4, 4, -3, 2, 8, -5],
                        [5, -1, 6, 2, -2, 7, 1, 3, -6, 10, 2, 0, 5, 5, -2, 3, 9, -4],
                        [-9, 12, 4, -13, 7, 2, -1, 15, 3, -8, 0, 6, 11, -2, 5, 1, -6, 14],
                    ])),
            ],
        },

        // Format version 6: output filters (model_version 6, spec §10.9, §11.9), after a motion field and without one, on
        // an interpolated grid's segment and on one whose grids all have placement 0.
        new ValidVectorRecipe
        {
            Name = "v24-yuv420-21x9-2segments-filter",
            Description = "21×9 4:2:0 8-bit BT.709 limited (chroma planes 11×5), 5 frames in two model_version 6 segments. Segment 0 (3 frames, L = 3, H = 6) has a grid on level 0 (rank 2, τ = 1, J = 3) interpolated onto level 1, a motion field of 8×8 blocks (3 × 2) and a raw-coded output filter of radius 1 whose luma coefficients sum to 4 (16384 in units of 2^−12), stretching the picture around the level 108, so that sums fall below 0 and rise above 255 and are clamped; the filter reads the frames as shown, after the motion compensation. Segment 1 (2 frames, L = 3, H = 5) has one grid on level 1 (rank 1, τ = 1, J = 2, placement 0: a model_version 6 payload need not interpolate), no motion field (motion_block_log2 = 0) and an adaptive-coded output filter of radius 3, whose 7-sample diamond is taller than the 5 chroma rows, so taps beyond both edges repeat them; the file is version 6.",
            Sequence = Sequence(21, 9, 5, ChromaFormat.Yuv420, 8, Bt709Limited),
            Segments =
            [
                Segment(3, [1, 3, 1], [2, 3, 2], [2, 3, 4], 6, [Lin, Tab, Lin], MultiplierStyle.Typical, CodingStyle.Alternate, 241,
                    [new(0, 2, 1, 3, true)],
                    new MotionRecipe(3, EntropyCoding.Adaptive,
                    [
                        [4, -3, 6, 1, -5, 2,
                         7, -1, -2, 9, 3, -6],
                        [5, -2, 9, 2, -3, 1,
                         6, 2, -4, 11, 1, -7],
                        [-6, 10, 3, -9, 5, 4,
                         -2, 13, 1, -5, 8, 2],
                    ]),
                    filter: new FilterRecipe(1, EntropyCoding.Raw, 2411, [16384, 4096, 6144], 1024, Pivots: [108, 128, 128])),
                Segment(2, [2, 1, 1], [5, 1, 2], [2, 11, 1], 5, [Tab, Lin, Tab], MultiplierStyle.Typical, CodingStyle.Adaptive, 242,
                    [new(1, 1, 1, 2)],
                    filter: new FilterRecipe(3, EntropyCoding.Adaptive, 2421, [4096, 8192, 3072], 400)),
            ],
        },
        new ValidVectorRecipe
        {
            Name = "v25-yuv422-13x10-12bit-2segments-filter2",
            Description = "13×10 4:2:2 12-bit BT.2020 limited (chroma planes 7×10), 5 frames in segments of 2 (model_version 3: L = 3, H = 6, a grid on level 1 with τ = 2, shown unfiltered) and 3 (model_version 6: L = 3, H = 7, grids on level 0 (rank 2, τ = 1, J = 3) and level 1 (rank 1, τ = 3, J = 4), both of placement 0, no motion field, an adaptive-coded output filter of radius 2); the luma coefficients sum to 3.125 (12800 in units of 2^−12), so the offset that would keep mid-grey is below the smallest allowed and the luma offset is −(2^24 − 1), and luma sums are clamped at 4095; the Cr plane's tap (0, 0) is 2^15 − 1, the largest coefficient allowed, and its sums are clamped at 0 and at 4095; the file is version 6.",
            Sequence = Sequence(13, 10, 5, ChromaFormat.Yuv422, 12, Bt2020Limited),
            Segments =
            [
                Segment(2, [2, 1, 1], [5, 2, 1], [7, 1, 2], 6, [Lin, Lin, Tab], MultiplierStyle.Typical, CodingStyle.Adaptive, 251, [new(1, 1, 2, 3)]),
                Segment(3, [3, 1, 1], [2, 3, 2], [2, 2, 4], 7, [Tab, Lin, Lin], MultiplierStyle.Typical, CodingStyle.Alternate, 252,
                    [new(0, 2, 1, 3), new(1, 1, 3, 4)],
                    filter: new FilterRecipe(2, EntropyCoding.Adaptive, 2521, [12800, 4096, 4096], 1500, LimitPlane: 2)),
            ],
        },
        new ValidVectorRecipe
        {
            Name = "v26-yuv420-23x13-2segments-compact",
            Description = "23×13 4:2:0 8-bit BT.709 limited (chroma planes 12×7), 5 frames in two model_version 7 segments, whose record headers are only μ, coding and byte_length, the numbers as varints. Segment 0 (3 frames, L = 3, H = 6) has mixed steps, so its μ varints take 1, 2, 3 and 5 bytes, and an adaptive-coded phase table on level 1 of 151 bytes, whose byte_length is a 2-byte varint; a grid on level 0 (rank 2, τ = 1, J = 3) interpolated onto level 1, a motion field of 8×8 blocks (3 × 2, adaptive-coded) and no output filter (filter_radius = 0, which model_version 7 allows). Segment 1 (2 frames, L = 3, H = 5) has large steps (μ varints of 3, 4 and 5 bytes), one grid on level 1 (rank 1, τ = 1, J = 2, placement 0), no motion field and an adaptive-coded output filter of radius 2; the file is version 7.",
            Sequence = Sequence(23, 13, 5, ChromaFormat.Yuv420, 8, Bt709Limited),
            Segments =
            [
                Segment(3, [1, 3, 1], [2, 2, 4], [2, 3, 4], 6, [Lin, Tab, Tab], MultiplierStyle.Mixed, CodingStyle.Alternate, 261,
                    [new(0, 2, 1, 3, true)],
                    new MotionRecipe(3, EntropyCoding.Adaptive,
                    [
                        [3, -2, 5, 1, -4, 2,
                         6, -1, -3, 8, 2, -5],
                        [4, -1, 7, 2, -2, 1,
                         5, 3, -4, 10, 1, -6],
                        [-5, 9, 2, -8, 4, 3,
                         -1, 12, 2, -4, 7, 1],
                    ]),
                    compact: true),
                Segment(2, [2, 1, 1], [4, 1, 4], [3, 2, 4], 5, [Tab, Lin, Tab], MultiplierStyle.Large, CodingStyle.Adaptive, 262,
                    [new(1, 1, 1, 2)],
                    filter: new FilterRecipe(2, EntropyCoding.Adaptive, 2621, [4096, 5120, 3072], 600),
                    compact: true),
            ],
        },
    ];

    private static ValidVectorRecipe Vector(string name, string description, SequenceHeader sequence, SegmentRecipe segment) =>
        new() { Name = name, Description = description, Sequence = sequence, Segments = [segment] };

    private static SequenceHeader Sequence(int width, int height, int frames, ChromaFormat chroma, int bitDepth, ColorDescription color) =>
        new()
        {
            Width = width,
            Height = height,
            FrameCount = frames,
            FrameRate = new Rational(25, 1),
            ChromaFormat = chroma,
            BitDepth = bitDepth,
            Color = chroma is ChromaFormat.Yuv420 or ChromaFormat.Yuv422 ? color : color with { ChromaSamplePosition = 0 },
        };

    private static SegmentRecipe Segment(
        int frames, int[] t, int[] y, int[] x, int width, ModulationKind[] modulation, MultiplierStyle multipliers, CodingStyle coding, ulong seed,
        LatentGrid[]? grids = null, MotionRecipe? motion = null, int outputGain = 1, FilterRecipe? filter = null, bool compact = false) =>
        new(frames, t, y, x, width, modulation, multipliers, coding, seed, grids, motion, outputGain, filter, compact);

    private static Metadata ConformanceMetadata()
    {
        var metadata = new Metadata { Encoder = "asmrc conformance generator", SourceName = "synthetic" };
        metadata.Extra["purpose"] = "conformance vector; metadata is informative and must not change decoding";
        return metadata;
    }

    private static byte[] UnknownPayload()
    {
        // Compressible text, so the section's payload is a realistic small blob; readers must skip it.
        const string Text = "an ancillary section this reader does not know: skip it, but its CRC must still be right. ";
        return System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(Text, 4)));
    }
}
