using System.Buffers.Binary;
using Asmr.Conformance.Manifest;
using Asmr.Container;
using Asmr.Container.Entropy;
using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>
/// The invalid conformance vectors: each is a small valid file damaged in exactly one way, with the error a reader
/// must raise. The generator checks that asmrc raises exactly that error before it writes the vector.
/// </summary>
internal static class InvalidVectorCatalog
{
    private const string Corrupt = "corrupt";
    private const string Unsupported = "unsupported";
    private const string InvalidData = "System.IO.InvalidDataException";
    private const string NotSupported = "System.NotSupportedException";

    // Offsets inside a model payload (spec §10.1, §10.2).
    private const int RecordRows = 2;
    private const int RecordMultiplier = 10;
    private const int RecordCoding = 14;
    private const int RecordByteLength = 15;
    private const int RecordData = 19;

    private static readonly SequenceHeader BaseSequence = new()
    {
        Width = 8,
        Height = 8,
        FrameCount = 1,
        FrameRate = new Rational(25, 1),
        ChromaFormat = ChromaFormat.Yuv420,
        BitDepth = 8,
        Color = ColorDescription.Bt709,
    };

    /// <summary>Tensor #1 (linear modulation of level 0) is raw, tensor #2 (table modulation of level 1) adaptive.</summary>
    private static readonly SegmentRecipe BaseSegment =
        new(1, [1, 1], [2, 4], [4, 2], 4, [ModulationKind.Linear, ModulationKind.Table], MultiplierStyle.Typical, CodingStyle.Alternate, 1001);

    /// <summary>The base of the latent grid vectors: 8×8 4:2:0 8-bit, 4 frames.</summary>
    private static readonly SequenceHeader GridSequence = BaseSequence with { FrameCount = 4 };

    /// <summary>L = 3, H = 4, C_t = (2, 4, 4); grids (level 0, rank 2, τ = 1) and (level 1, rank 1, τ = 2).</summary>
    private static readonly SegmentRecipe GridSegment =
        new(4, [2, 2, 1], [2, 2, 2], [2, 2, 2], 4, [ModulationKind.Linear, ModulationKind.Table, ModulationKind.Linear], MultiplierStyle.Typical, CodingStyle.Alternate, 1002,
            [new LatentGrid(0, 2, 1), new LatentGrid(1, 1, 2)]);

    public static IReadOnlyList<InvalidVector> Build() =>
    [
        new(
            "e01-bad-section-crc",
            "One byte inside the MODL payload is changed; the section CRC no longer matches (FORMAT.md §6.4).",
            "error-section-crc",
            Damage(BaseFile(), file =>
            {
                var model = ByteSurgery.Section(file, "MODL");
                file[model.Offset + 16 + 20] ^= 0x01;
            }),
            new(Corrupt, InvalidData, "CRC mismatch")),
        new(
            "e02-bad-header-crc",
            "The reserved file-header flags are changed without updating the header CRC (FORMAT.md §5).",
            "error-header-crc",
            Damage(BaseFile(), file => file[16] = 0x01),
            new(Corrupt, InvalidData, "file header CRC mismatch")),
        new(
            "e03-truncated",
            "The file is cut 7 bytes before its end, inside the last MODL section (FORMAT.md §3.5).",
            "error-truncated",
            BaseFile()[..^7],
            new(Corrupt, InvalidData, "model_section_length")),
        new(
            "e04-unknown-critical-section",
            "An unknown section 'Zext' (uppercase first letter: critical) with a correct CRC sits before MODL (FORMAT.md §3.4).",
            "error-unknown-critical-section",
            Damage(BaseFile(withAncillary: true), file =>
            {
                var section = ByteSurgery.Section(file, "zext");
                file[section.Offset] = (byte)'Z';
                ByteSurgery.FixSectionCrc(file, section);
            }),
            new(Corrupt, InvalidData, "unknown critical section 'Zext'")),
        new(
            "e05-future-min-reader-version",
            "format_version = min_reader_version = 8 with a correct header CRC: a file for a newer reader (FORMAT.md §3.1). (It claimed 7 until format version 7, 6 until format version 6, 5 until format version 5, 4 until format version 4, 3 until format version 3, and 2 before format version 2.)",
            "error-future-reader-version",
            ClaimingVersion(BaseFile(), 8),
            new(Unsupported, NotSupported, "this file needs reader version 8")),
        new(
            "e06-tensor-shape-mismatch",
            "Tensor #1 (linear modulation, H × 3) declares H + 1 rows (spec §10.2).",
            "error-tensor-shape",
            ModelFile(p => BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(Record(p, 0) + RecordRows), 5)),
            new(Corrupt, InvalidData, "rows at")),
        new(
            "e07-range-coder-trailing-bytes",
            "Tensor #2 (adaptive) has one extra byte after its range-coded data, counted in byte_length (spec §10.5 End).",
            "error-range-coder-trailing-bytes",
            ModelFile(p => InsertIntoTensor(p, 1, atEnd: true, [0x00])),
            new(Corrupt, InvalidData, "adaptive data has 1 unused byte(s)")),
        new(
            "e08-raw-overlong-value",
            "Tensor #1 (raw) codes its first value 1 as the overlong LEB128 82 00 instead of 02 (spec §10.4).",
            "error-raw-overlong",
            ModelFile(p =>
            {
                int data = Record(p, 0) + RecordData;
                p[data] |= 0x80;
                return InsertAt(p, data + 1, [0x00], Record(p, 0));
            }),
            new(Corrupt, InvalidData, "is overlong")),
        new(
            "e09-unknown-modulation-kind",
            "modulation_kind[0] = 2, which version 1 does not define (spec §10.1).",
            "error-modulation-kind",
            ModelFile(p => p[16 + (6 * 2)] = 2),
            new(Corrupt, InvalidData, "modulation_kind[0]")),
        new(
            "e10-grid-too-small",
            "B[x][1] is 1 instead of 2, so N_x = 4 does not cover the 8 columns of the picture (spec §10.1).",
            "error-grid-too-small",
            ModelFile(p => BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(16 + (2 * 2 * 2) + 2), 1)),
            new(Corrupt, InvalidData, "fewer than the 8 the sequence needs")),
        new(
            "e11-model-trailing-bytes",
            "One byte follows the last tensor record of the model payload (spec §10.2).",
            "error-model-trailing-bytes",
            ModelFile(p => [.. p, 0x00]),
            new(Corrupt, InvalidData, "follow the last tensor record")),
        new(
            "e12-reserved-flag-in-critical-section",
            "The MODL section has reserved flag bit 1 set, with a correct CRC (FORMAT.md §6.3).",
            "error-reserved-flag",
            Damage(BaseFile(), file =>
            {
                var model = ByteSurgery.Section(file, "MODL");
                file[model.Offset + 4] |= 0x02;
                ByteSurgery.FixSectionCrc(file, model);
            }),
            new(Corrupt, InvalidData, "reserved flag bits")),
        new(
            "e13-output-weight-too-large",
            "The output weight's multiplier is 2^31 − 1, so |q·μ| ≥ 2^31 for a non-zero q (spec §10.3).",
            "error-output-range",
            ModelFile(p =>
            {
                int outputWeight = Record(p, OutputWeightIndex());
                BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(outputWeight + RecordMultiplier), int.MaxValue);
            }),
            new(Corrupt, InvalidData, "must be below 2^31")),
        new(
            "e14-range-coder-first-byte",
            "Tensor #2 (adaptive) starts with 0x01; the first byte of range-coded data must be 0 (spec §10.5).",
            "error-range-coder-first-byte",
            ModelFile(p => p[Record(p, 1) + RecordData] = 0x01),
            new(Corrupt, InvalidData, "the first byte of a range-coded tensor must be 0")),
        new(
            "e15-model-version",
            "model_version = 3, which no version of the format defines, in a version 1 file (spec §10.1).",
            "error-model-version",
            Damage(BaseFile(), file =>
            {
                // Changed in the written file, so that the header keeps saying version 1 (a writer of format 3 would
                // make a file holding a model_version 3 payload version 3).
                var model = ByteSurgery.Section(file, "MODL");
                file[model.Offset + 16] = 3;
                ByteSurgery.FixSectionCrc(file, model);
            }),
            new(Corrupt, InvalidData, "unsupported model version 3")),
        new(
            "e16-model-first-frame",
            "The model header's first_frame is 1 but the segment index says 0 (spec §10.1).",
            "error-model-first-frame",
            ModelFile(p => p[2] = 1),
            new(Corrupt, InvalidData, "first_frame at")),

        // Latent grids (model_version 2). The base model has L = 3 and grids (level 0, rank 2, τ = 1) and
        // (level 1, rank 1, τ = 2 of C_t = 4).
        new(
            "e17-grid-level-too-high",
            "A model_version 2 payload whose second latent grid is on level 2 = L − 1; grids lie on levels 0..L − 2 (spec §10.1).",
            "error-grid-level",
            GridModelFile(p => p[GridDescriptor(p, 1)] = 2),
            new(Corrupt, InvalidData, "grids lie on levels 0..L − 2")),
        new(
            "e18-grid-levels-not-increasing",
            "Both latent grids of a model_version 2 payload are on level 0; their levels must strictly increase (spec §10.1).",
            "error-grid-level-order",
            GridModelFile(p => p[GridDescriptor(p, 1)] = 0),
            new(Corrupt, InvalidData, "in strictly increasing order")),
        new(
            "e19-grid-count-zero",
            "A model_version 2 payload with grid_count = 0; model_version 2 has 1..L − 1 latent grids (spec §10.1).",
            "error-grid-count",
            GridModelFile(p => p[GridDescriptor(p, 0) - 1] = 0),
            new(Corrupt, InvalidData, "a model_version 2 payload has 1..L − 1")),
        new(
            "e20-grid-temporal-cells",
            "The second latent grid has temporal_cells τ = 3, which does not divide C[t][1] = 4 (spec §10.1).",
            "error-grid-temporal-cells",
            GridModelFile(p => BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(GridDescriptor(p, 1) + 2), 3)),
            new(Corrupt, InvalidData, "which does not divide C_t = 4")),
        new(
            "e21-grid-latents-multiplier",
            "The first grid latents record has multiplier 2; latents are stored with μ = 1 (spec §10.3).",
            "error-grid-latents-multiplier",
            GridModelFile(p => BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(Record(p, FirstLatentsIndex()) + RecordMultiplier), 2)),
            new(Corrupt, InvalidData, "latent tensors have multiplier 1")),
        new(
            "e22-grid-model-in-version-1-file",
            "A valid model_version 2 payload in a file whose header says format_version = min_reader_version = 1, header CRC correct (FORMAT.md §9).",
            "error-model-version-needs-file-version-2",
            ClaimingVersion(GridFile(), 1),
            new(Corrupt, InvalidData, "a model_version 2 payload needs a version 2 file")),
        new(
            "e23-grid-rank-zero",
            "The first latent grid has rank 0; k must be within 1..64 (spec §10.1).",
            "error-grid-rank-zero",
            GridModelFile(p => p[GridDescriptor(p, 0) + 1] = 0),
            new(Corrupt, InvalidData, "is 0; it must be within 1..64")),
        new(
            "e24-grid-rank-65",
            "The first latent grid has rank 65; k must be within 1..64 (spec §10.1).",
            "error-grid-rank-too-large",
            GridModelFile(p => p[GridDescriptor(p, 0) + 1] = 65),
            new(Corrupt, InvalidData, "is 65; it must be within 1..64")),
        new(
            "e25-grid-too-many-cells",
            "Bases t = (1, 8, 1), y = x = (4096, 1, 1) and a level-1 grid with τ = 8: 8·4096·4096 = 2^27 grid cells, above 2^26 (spec §10.1); every other limit holds.",
            "error-grid-cells",
            GridModelFile(p =>
            {
                ushort[] bases = [1, 8, 1, 4096, 1, 1, 4096, 1, 1];
                for (int i = 0; i < bases.Length; i++)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(16 + (2 * i)), bases[i]);
                }

                BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(GridDescriptor(p, 1) + 2), 8);
            }),
            new(Corrupt, InvalidData, "cells, above the limit of 2^26")),

        // Context-coded latents (model_version 3). The base model has L = 3 and grids (level 0, rank 2, τ = 1, J = 2)
        // and (level 1, rank 1, τ = 2 of C_t = 4, J = 3).
        new(
            "e26-context-latents-not-context-coded",
            "The first grid latents record of a model_version 3 payload says coding 1 (adaptive); its latents are context-coded, coding 2 (spec §10.2, §10.3).",
            "error-context-latents-coding",
            ContextModelFile(p => p[Record(p, ContextLatentsIndex(0)) + RecordCoding] = 1),
            new(Corrupt, InvalidData, "is 1; a model_version 3 grid latents record is context-coded")),
        new(
            "e27-context-coding-on-another-record",
            "Tensor #1 (a modulation) of a model_version 3 payload says coding 2, which only grid latents records use (spec §10.2).",
            "error-context-coding-elsewhere",
            ContextModelFile(p => p[Record(p, 0) + RecordCoding] = 2),
            new(Corrupt, InvalidData, "is 2; only grid latents records are context-coded")),
        new(
            "e28-context-parameter-too-large",
            "The second grid's first context bias is 2^15 + 1 (raw-coded); context model parameters lie in −2^15..2^15 (spec §10.7).",
            "error-context-parameter-range",
            ContextModelFile(ContextModelWithBiasAtLimit(), p =>
            {
                // 2^15 is stored as zig-zag 2^16 = 80 80 04; 2^15 + 1 as 82 80 04.
                p[Record(p, ContextRecordIndex(TensorRole.ContextBias, 1)) + RecordData] = 0x82;
            }),
            new(Corrupt, InvalidData, "is 32769; context model parameters lie in ±2^15")),
        new(
            "e29-context-stream-truncated",
            "The second grid's context-coded latents lose their last byte (byte_length one less): the decoder needs a byte beyond byte_length (spec §10.5, §10.7).",
            "error-context-stream-truncated",
            ContextModelFile(p =>
            {
                int record = Record(p, ContextLatentsIndex(1));
                int end = record + RecordData + (int)BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(record + RecordByteLength));
                byte[] cut = [.. p.AsSpan(0, end - 1), .. p.AsSpan(end)];
                BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(record + RecordByteLength), (uint)(end - 1 - record - RecordData));
                return cut;
            }),
            new(Corrupt, InvalidData, "the decoder needs more bytes")),
        new(
            "e30-context-stream-trailing-byte",
            "The first grid's context-coded latents have one byte more than the decoder reads, counted in byte_length (spec §10.5 End, §10.7).",
            "error-context-stream-trailing-bytes",
            ContextModelFile(p => InsertIntoTensor(p, ContextLatentsIndex(0), atEnd: true, [0x00])),
            new(Corrupt, InvalidData, "has 1 unused byte(s)")),
        new(
            "e31-context-hidden-zero",
            "The first grid descriptor of a model_version 3 payload has context_hidden = 0; it must be 1..32 (spec §10.1).",
            "error-context-hidden-zero",
            ContextModelFile(p => p[ContextDescriptor(p, 0) + 4] = 0),
            new(Corrupt, InvalidData, "is 0; a grid's context model has 1..32 hidden units")),
        new(
            "e32-context-hidden-33",
            "The second grid descriptor of a model_version 3 payload has context_hidden = 33; it must be 1..32 (spec §10.1).",
            "error-context-hidden-too-large",
            ContextModelFile(p => p[ContextDescriptor(p, 1) + 4] = 33),
            new(Corrupt, InvalidData, "is 33; a grid's context model has 1..32 hidden units")),
        new(
            "e33-context-escape-31-ones",
            "The first grid's first latent is an escape whose Exp-Golomb prefix has 31 ones; a reader rejects the 31st (spec §10.6).",
            "error-context-escape-prefix",
            ContextModelFile(p => ReplaceTensorData(p, ContextLatentsIndex(0), EscapeWith31Ones())),
            new(Corrupt, InvalidData, "an escape code has more than 30 prefix ones")),
        new(
            "e34-context-model-in-version-2-file",
            "A valid model_version 3 payload in a file whose header says format_version = min_reader_version = 2, header CRC correct (FORMAT.md §9).",
            "error-model-version-needs-file-version-3",
            ClaimingVersion(ContextFile(), 2),
            new(Corrupt, InvalidData, "a model_version 3 payload needs a version 3 file")),
        new(
            "e35-context-symbol-past-table",
            "The first grid's context-coded data is 00 FF FF FF FE: code div (range >> 15) = 2^15, past every table's end (spec §10.6).",
            "error-context-symbol-value",
            ContextModelFile(p => ReplaceTensorData(p, ContextLatentsIndex(0), [0x00, 0xFF, 0xFF, 0xFF, 0xFE])),
            new(Corrupt, InvalidData, "a symbol lies past the end of its frequency table")),
        new(
            "e36-context-parameter-multiplier",
            "The first grid's context weights record has multiplier 2; context model parameters are stored with μ = 1 (spec §10.3).",
            "error-context-parameter-multiplier",
            ContextModelFile(p => BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(Record(p, ContextRecordIndex(TensorRole.ContextWeight, 0)) + RecordMultiplier), 2)),
            new(Corrupt, InvalidData, "context model parameters have multiplier 1")),

        // A motion field (model_version 4). The base model is the context model's shape with a raw-coded motion record
        // of one 8×8 block (the whole picture) per frame, 4 frames.
        new(
            "e37-motion-block-log2-2",
            "A model_version 4 payload with motion_block_log2 = 2 (blocks of 4 × 4); it must be 3..6 (spec §10.1).",
            "error-motion-block-log2-too-small",
            MotionModelFile(p => p[MotionBlockLog2(p)] = 2),
            new(Corrupt, InvalidData, "is 2; motion blocks are 2^3..2^6 luma samples square")),
        new(
            "e38-motion-block-log2-7",
            "A model_version 4 payload with motion_block_log2 = 7 (blocks of 128 × 128); it must be 3..6 (spec §10.1).",
            "error-motion-block-log2-too-large",
            MotionModelFile(p => p[MotionBlockLog2(p)] = 7),
            new(Corrupt, InvalidData, "is 7; motion blocks are 2^3..2^6 luma samples square")),
        new(
            "e39-motion-vector-1025",
            "The motion record (raw) stores the y differences 1000, 20, 4, 1 for the one block: V_y reaches 1024 in frame 2, which is allowed, and 1025 in frame 3, outside ±1024 (spec §10.8); every stored difference is small.",
            "error-motion-vector-range",
            MotionModelFile(p => ReplaceTensorData(p, MotionRecordIndex(), RawIntegerCoder.Encode([1000, 0, 20, 0, 4, 0, 1, 0]))),
            new(Corrupt, InvalidData, "the y component is 1025 quarter samples; vectors lie within ±1024")),
        new(
            "e40-motion-model-in-version-3-file",
            "A valid model_version 4 payload in a file whose header says format_version = min_reader_version = 3, header CRC correct (FORMAT.md §9).",
            "error-model-version-needs-file-version-4",
            ClaimingVersion(MotionFile(), 3),
            new(Corrupt, InvalidData, "a model_version 4 payload needs a version 4 file")),
        new(
            "e41-motion-vectors-multiplier",
            "The motion vectors record has multiplier 2; it is stored with μ = 1 (spec §10.3, §10.8).",
            "error-motion-vectors-multiplier",
            MotionModelFile(p => BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(Record(p, MotionRecordIndex()) + RecordMultiplier), 2)),
            new(Corrupt, InvalidData, "the motion vectors record has multiplier 1")),
        new(
            "e42-motion-vectors-coding-2",
            "The motion vectors record says coding 2, which only grid latents records use (spec §10.2).",
            "error-motion-vectors-coding",
            MotionModelFile(p => p[Record(p, MotionRecordIndex()) + RecordCoding] = 2),
            new(Corrupt, InvalidData, "is 2; only grid latents records are context-coded")),
        new(
            "e43-motion-vectors-rows",
            "The motion vectors record declares 5 rows; 4 frames of one block need frame_count·BY·BX = 4 (spec §10.3).",
            "error-motion-vectors-shape",
            MotionModelFile(p => BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(Record(p, MotionRecordIndex()) + RecordRows), 5)),
            new(Corrupt, InvalidData, "MotionVectors[0] rows at")),
        new(
            "e44-motion-record-missing",
            "A model_version 4 payload without its motion vectors record, tensor_count lowered to match: the count a model_version 3 payload of the same grids has, one short (spec §10.1, §10.3).",
            "error-motion-record-missing",
            MotionModelFile(p =>
            {
                int record = Record(p, MotionRecordIndex());
                byte[] cut = p[..record];
                BinaryPrimitives.WriteUInt16LittleEndian(cut.AsSpan(MotionBlockLog2(cut) + 1), (ushort)MotionRecordIndex());
                return cut;
            }),
            new(Corrupt, InvalidData, $"is {MotionRecordIndex()} but this architecture has {MotionRecordIndex() + 1} tensors")),

        // Interpolated grids (model_version 5). The base model is the context model's shape with its level-0 grid
        // interpolated onto level 1 (= L − 2) and no motion field (motion_block_log2 = 0).
        new(
            "e45-grid-placement-2",
            "The first grid descriptor of a model_version 5 payload has placement 2; it must be 0 or 1 (spec §10.1).",
            "error-grid-placement",
            InterpolatedModelFile(p => p[PlacementDescriptor(p, 0) + 5] = 2),
            new(Corrupt, InvalidData, "is 2; it must be 0 (the grid's level) or 1")),
        new(
            "e46-grid-interpolated-from-last-parent-level",
            "The second grid (level 1 = L − 2) has placement 1: it would enter the last level, which is not a shared level (spec §10.1).",
            "error-grid-placement-level",
            InterpolatedModelFile(p => p[PlacementDescriptor(p, 1) + 5] = 1),
            new(Corrupt, InvalidData, "1 only for a grid below level L − 2 = 1")),
        new(
            "e47-version-5-without-interpolated-grid",
            "A model_version 5 payload whose grids all have placement 0; model_version 5 interpolates at least one grid (spec §10.1).",
            "error-version-5-without-interpolation",
            InterpolatedModelFile(p => p[PlacementDescriptor(p, 0) + 5] = 0),
            new(Corrupt, InvalidData, "a model_version 5 payload interpolates at least one grid")),
        new(
            "e48-interpolated-model-in-version-4-file",
            "A valid model_version 5 payload in a file whose header says format_version = min_reader_version = 4, header CRC correct (FORMAT.md §9).",
            "error-model-version-needs-file-version-5",
            ClaimingVersion(InterpolatedModelFile(_ => { }), 4),
            new(Corrupt, InvalidData, "a model_version 5 payload needs a version 5 file")),
        new(
            "e49-version-5-motion-block-log2-2",
            "A model_version 5 payload with motion_block_log2 = 2; it must be 0 (no motion field) or 3..6 (spec §10.1).",
            "error-version-5-motion-block-log2",
            InterpolatedModelFile(p => p[PlacementDescriptor(p, p[16 + (7 * p[10])])] = 2),
            new(Corrupt, InvalidData, "is 2; motion blocks are 2^3..2^6 luma samples square (3..6, or 0 for none)")),

        // Output filters (model_version 6). The base model is the context model's shape (both grids of placement 0, no
        // motion field) with a raw-coded output filter of radius 1: 3 planes of 5 taps and an offset, record #21.
        new(
            "e50-filter-radius-0",
            "A model_version 6 payload with filter_radius = 0; the output filter's radius is 1..3 (spec §10.1).",
            "error-filter-radius-zero",
            FilterModelFile(p => p[FilterRadius(p)] = 0),
            new(Corrupt, InvalidData, "is 0; the output filter's diamond has a radius of 1..3")),
        new(
            "e51-filter-radius-4",
            "A model_version 6 payload with filter_radius = 4; the output filter's radius is 1..3 (spec §10.1).",
            "error-filter-radius-too-large",
            FilterModelFile(p => p[FilterRadius(p)] = 4),
            new(Corrupt, InvalidData, "is 4; the output filter's diamond has a radius of 1..3")),
        new(
            "e52-filter-coefficient-32768",
            "The output filter's coefficient of plane 0 on the tap (0, 0) is 2^15 (raw-coded); coefficients lie within −(2^15 − 1)..2^15 − 1 (spec §10.9).",
            "error-filter-coefficient-range",
            FilterModelFile(p => ReplaceFilterValue(p, FilterValueIndex(plane: 0, column: 2), 1 << 15)),
            new(Corrupt, InvalidData, "is 32768; a tap coefficient lies strictly inside ±2^15")),
        new(
            "e53-filter-offset-minus-16777216",
            "The output filter's offset of plane 1 is −2^24 (raw-coded); offsets lie within −(2^24 − 1)..2^24 − 1 (spec §10.9).",
            "error-filter-offset-range",
            FilterModelFile(p => ReplaceFilterValue(p, FilterValueIndex(plane: 1, column: 5), -(1 << 24))),
            new(Corrupt, InvalidData, "16777216; an offset lies strictly inside ±2^24")),
        new(
            "e54-filter-multiplier",
            "The output filter record has μ = 2 (spec §10.3, §10.9).",
            "error-filter-multiplier",
            FilterModelFile(p => BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(Record(p, FilterRecordIndex()) + RecordMultiplier), 2)),
            new(Corrupt, InvalidData, "is 2; the output filter record has multiplier 1")),
        new(
            "e55-filter-coding-2",
            "The output filter record says coding 2, which only grid latents records use (spec §10.2).",
            "error-filter-coding",
            FilterModelFile(p => p[Record(p, FilterRecordIndex()) + RecordCoding] = 2),
            new(Corrupt, InvalidData, "is 2; only grid latents records are context-coded")),
        new(
            "e56-filter-record-missing",
            "A model_version 6 payload without its output filter record, tensor_count lowered to match: the count of the same payload without a filter, one short (spec §10.1, §10.3).",
            "error-filter-record-missing",
            FilterModelFile(p =>
            {
                byte[] cut = p[..Record(p, FilterRecordIndex())];
                BinaryPrimitives.WriteUInt16LittleEndian(cut.AsSpan(FilterRadius(cut) + 1), (ushort)FilterRecordIndex());
                return cut;
            }),
            new(Corrupt, InvalidData, $"is {FilterRecordIndex()} but this architecture has {FilterRecordIndex() + 1} tensors")),
        new(
            "e57-filter-model-in-version-5-file",
            "A valid model_version 6 payload in a file whose header says format_version = min_reader_version = 5, header CRC correct (FORMAT.md §9).",
            "error-model-version-needs-file-version-6",
            ClaimingVersion(FilterModelFile(_ => { }), 5),
            new(Corrupt, InvalidData, "unsupported model version 6 in a file whose min_reader_version is 5")),
        new(
            "e58-filter-record-columns",
            "The output filter record declares 14 columns, the shape of a radius-2 filter, while filter_radius is 1: n_Δ + 1 = 6 (spec §10.3, §10.9).",
            "error-filter-record-shape",
            FilterModelFile(p => BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(Record(p, FilterRecordIndex()) + RecordRows + 4), 14)),
            new(Corrupt, InvalidData, "OutputFilter[0] columns at")),
        new(
            "e59-filter-record-before-motion",
            "A model_version 6 payload with a motion field whose output filter record comes before the motion vectors record instead of last (spec §10.3).",
            "error-filter-record-order",
            FilterMotionModelFile(p =>
            {
                int motion = Record(p, MotionRecordIndex()), filter = Record(p, MotionRecordIndex() + 1);
                return [.. p.AsSpan(0, motion), .. p.AsSpan(filter), .. p.AsSpan(motion, filter - motion)];
            }),
            new(Corrupt, InvalidData, $"is 13 (OutputFilter) but tensor {MotionRecordIndex() + 1} must be 12 (MotionVectors)")),
        new(
            "e60-compact-multiplier-not-shortest",
            "Record #1's μ (4096, the varint 80 20) is stored one byte longer, as 80 A0 00; a varint has its shortest form (spec §10.2).",
            "error-compact-varint-not-shortest",
            CompactModelFile(p => ReplaceCompactField(p, 0, multiplier: true, [0x80, 0xA0, 0x00])),
            new(Corrupt, InvalidData, "is a varint of 3 bytes whose last byte is 0")),
        new(
            "e61-compact-byte-length-6-bytes",
            "Record #1's byte_length is a varint of 6 bytes (five bytes with the top bit set, then 00); a varint has at most 5 bytes (spec §10.2).",
            "error-compact-varint-too-long",
            CompactModelFile(p => ReplaceCompactField(p, 0, multiplier: false, [0x80, 0x80, 0x80, 0x80, 0x80, 0x00])),
            new(Corrupt, InvalidData, "is a varint longer than 5 bytes")),
        new(
            "e62-compact-multiplier-2-pow-32",
            "Record #1's μ is the 5-byte varint 80 80 80 80 10, 2^32; a varint holds at most 2^32 − 1 (spec §10.2).",
            "error-compact-varint-above-u32",
            CompactModelFile(p => ReplaceCompactField(p, 0, multiplier: true, [0x80, 0x80, 0x80, 0x80, 0x10])),
            new(Corrupt, InvalidData, "is 4294967296; a varint holds at most 2^32 − 1")),
        new(
            "e63-compact-multiplier-0",
            "Record #2's μ is the varint 00: μ = 0 (spec §10.2).",
            "error-compact-multiplier-zero",
            CompactModelFile(p => ReplaceCompactField(p, 1, multiplier: true, [0x00])),
            new(Corrupt, InvalidData, "is 0; μ must be at least 1")),
        new(
            "e64-compact-byte-length-beyond-payload",
            "The last record's byte_length is one more than the bytes that follow it (spec §10.2).",
            "error-compact-byte-length",
            CompactModelFile(p =>
            {
                int last = CompactRecordCount(p) - 1;
                return ReplaceCompactField(p, last, multiplier: false, Varint((uint)CompactRecord(p, last).Length + 1));
            }),
            new(Corrupt, InvalidData, "byte(s) remain in the payload")),
        new(
            "e65-compact-model-in-version-6-file",
            "A valid model_version 7 payload in a file whose header says format_version = min_reader_version = 6, header CRC correct (FORMAT.md §9).",
            "error-model-version-needs-file-version-7",
            ClaimingVersion(CompactModelFile(_ => { }), 6),
            new(Corrupt, InvalidData, "unsupported model version 7 in a file whose min_reader_version is 6")),
        new(
            "e66-compact-filter-radius-4",
            "A model_version 7 payload with filter_radius = 4; its output filter's radius is 1..3, or 0 for none (spec §10.1).",
            "error-compact-filter-radius",
            CompactModelFile(p => p[FilterRadius(p)] = 4),
            new(Corrupt, InvalidData, "is 4; the output filter's diamond has a radius of 1..3, or 0 for none")),
        new(
            "e67-compact-latents-coding-1",
            "The first grid latents record of a model_version 7 payload says coding 1; grid latents records are context-coded (coding 2, spec §10.2).",
            "error-compact-latents-coding",
            CompactModelFile(p => p[CompactRecord(p, ContextLatentsIndex(0)).Coding] = 1),
            new(Corrupt, InvalidData, "is 1; a model_version 7 grid latents record is context-coded")),
    ];

    /// <summary>The base of the context model vectors: <see cref="GridSegment"/>'s shape with context models (model_version 3).</summary>
    private static readonly SegmentRecipe ContextSegment = GridSegment with
    {
        Seed = 1003,
        Grids = [new LatentGrid(0, 2, 1, 2), new LatentGrid(1, 1, 2, 3)],
    };

    private static SegmentModel ContextModel() => ModelSynthesizer.Synthesize(ContextSegment, 0, 3);

    /// <summary>
    /// The base of the motion vectors: <see cref="ContextSegment"/>'s shape with a motion field (model_version 4) of 8×8
    /// blocks, so one block covers the 8×8 picture; vectors that differ per frame, raw-coded.
    /// </summary>
    private static readonly SegmentRecipe MotionSegment = ContextSegment with
    {
        Seed = 1004,
        Motion = new MotionRecipe(3, EntropyCoding.Raw, [[3, -2], [5, -1], [6, 1], [6, 2]]),
    };

    private static SegmentModel MotionModel() => ModelSynthesizer.Synthesize(MotionSegment, 0, GridSequence);

    private static byte[] MotionFile() => Write(ModelPayloadWriter.Write(MotionModel()), sequence: GridSequence);

    /// <summary>A version 4 file around a damaged model_version 4 payload.</summary>
    private static byte[] MotionModelFile(Action<byte[]> damage) => MotionModelFile(p =>
    {
        damage(p);
        return p;
    });

    private static byte[] MotionModelFile(Func<byte[], byte[]> damage) => Write(damage(ModelPayloadWriter.Write(MotionModel())), sequence: GridSequence);

    /// <summary>The motion vectors record's index: after every record of the model_version 3 layout (spec §10.3).</summary>
    private static int MotionRecordIndex() => MotionModel().Architecture.TensorLayout().Count;

    /// <summary>Payload offset of motion_block_log2: right after the G grid descriptors of 5 bytes (spec §10.1).</summary>
    private static int MotionBlockLog2(byte[] payload) => ContextDescriptor(payload, payload[16 + (7 * payload[10])]);

    private static byte[] ContextFile() => Write(ModelPayloadWriter.Write(ContextModel()), sequence: GridSequence);

    /// <summary>A version 3 file around a damaged model_version 3 payload.</summary>
    private static byte[] ContextModelFile(Action<byte[]> damage) => ContextModelFile(ContextModel(), p =>
    {
        damage(p);
        return p;
    });

    private static byte[] ContextModelFile(Func<byte[], byte[]> damage) => ContextModelFile(ContextModel(), damage);

    private static byte[] ContextModelFile(SegmentModel model, Action<byte[]> damage) => ContextModelFile(model, p =>
    {
        damage(p);
        return p;
    });

    private static byte[] ContextModelFile(SegmentModel model, Func<byte[], byte[]> damage) =>
        Write(damage(ModelPayloadWriter.Write(model)), sequence: GridSequence);

    /// <summary>The context model base with the second grid's context biases raw-coded and the first of them 2^15.</summary>
    private static SegmentModel ContextModelWithBiasAtLimit()
    {
        var model = ContextModel();
        var tensors = model.Tensors.ToArray();
        int index = ContextRecordIndex(TensorRole.ContextBias, 1);
        var bias = tensors[index];
        int[] values = (int[])bias.Values.Clone();
        values[0] = 1 << 15;
        tensors[index] = new QuantizedTensor(bias.Role, bias.Level, bias.Rows, bias.Columns, 1, values, EntropyCoding.Raw);
        return new SegmentModel(model.FirstFrame, model.FrameCount, model.Architecture, tensors);
    }

    /// <summary>
    /// A context-coded stream whose first latent is the escape symbol of its predicted table, a sign bit and 31 prefix
    /// ones (then a zero and padding, which a reader never reaches).
    /// </summary>
    private static byte[] EscapeWith31Ones()
    {
        Span<int> nothing = stackalloc int[LatentContext.Count];
        var (_, fraction, scale) = ContextModel().ContextModelOf(0).Predict(nothing, 0);
        var encoder = new RangeEncoder(64);
        encoder.EncodeSymbol(LaplaceTables.Table(scale, fraction), LaplaceTables.Escape);
        encoder.EncodeBypassBit(0);
        for (int i = 0; i < 31; i++)
        {
            encoder.EncodeBypassBit(1);
        }

        encoder.EncodeBypassBits(0, 32);
        return encoder.Finish();
    }

    private static int ContextRecordIndex(TensorRole role, int grid)
    {
        var architecture = ContextModel().Architecture;
        int level = architecture.Grids[grid].Level;
        return architecture.TensorLayout().ToList().FindIndex(t => t.Role == role && t.Level == level);
    }

    private static int ContextLatentsIndex(int grid) => ContextRecordIndex(TensorRole.GridLatents, grid);

    /// <summary>Payload offset of grid descriptor <paramref name="index"/> of a model_version 3 payload (5 bytes each, spec §10.1).</summary>
    private static int ContextDescriptor(byte[] payload, int index) => 16 + (7 * payload[10]) + 1 + (5 * index);

    /// <summary>Replaces a tensor record's data and its byte_length.</summary>
    private static byte[] ReplaceTensorData(byte[] payload, int index, byte[] data)
    {
        int record = Record(payload, index);
        int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(record + RecordByteLength));
        byte[] result = [.. payload.AsSpan(0, record + RecordData), .. data, .. payload.AsSpan(record + RecordData + length)];
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(record + RecordByteLength), (uint)data.Length);
        return result;
    }

    private static SegmentModel BaseModel()
    {
        var model = ModelSynthesizer.Synthesize(BaseSegment, 0, 3);

        // A one-byte first value for e08; non-zero output weights for e13.
        model.Tensors[0].Values[0] = 1;
        return model;
    }

    private static SegmentModel GridModel() => ModelSynthesizer.Synthesize(GridSegment, 0, 3);

    private static int FirstLatentsIndex() =>
        GridModel().Architecture.TensorLayout().ToList().FindIndex(t => t.Role == TensorRole.GridLatents);

    private static byte[] GridFile() => Write(ModelPayloadWriter.Write(GridModel()), sequence: GridSequence);

    /// <summary>A version 2 file around a damaged model_version 2 payload.</summary>
    private static byte[] GridModelFile(Action<byte[]> damage)
    {
        byte[] payload = ModelPayloadWriter.Write(GridModel());
        damage(payload);
        return Write(payload, sequence: GridSequence);
    }

    /// <summary>Payload offset of latent grid descriptor <paramref name="index"/> of a model_version 2 payload (spec §10.1).</summary>
    private static int GridDescriptor(byte[] payload, int index) => 16 + (7 * payload[10]) + 1 + (4 * index);

    private static int OutputWeightIndex() =>
        BaseModel().Architecture.TensorLayout().ToList().FindIndex(t => t.Role == TensorRole.OutputWeight);

    private static byte[] BaseFile(bool withAncillary = false) =>
        Write(ModelPayloadWriter.Write(BaseModel()), withAncillary);

    private static byte[] Write(byte[] modelPayload, bool withAncillary = false, SequenceHeader? sequence = null)
    {
        sequence ??= BaseSequence;
        var file = new AsmrFile
        {
            SequenceHeader = sequence,
            Segments = [new AsmrSegment(0, sequence.FrameCount, modelPayload)],
            UnknownSections = withAncillary ? [new UnknownSection("zext", new byte[] { 1, 2, 3, 4 })] : [],
        };
        using var stream = new MemoryStream();
        AsmrWriter.Write(stream, file, new AsmrWriterOptions { CompressMetadata = false, CompressModels = false });
        return stream.ToArray();
    }

    /// <summary>The file with format_version = min_reader_version = <paramref name="version"/> and its header CRC mended.</summary>
    private static byte[] ClaimingVersion(byte[] file, int version) => Damage(file, f =>
    {
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(8), (ushort)version);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(10), (ushort)version);
        ByteSurgery.FixHeaderCrc(f);
    });

    private static byte[] Damage(byte[] file, Action<byte[]> damage)
    {
        damage(file);
        return file;
    }

    /// <summary>A file around a damaged model payload (the container framing stays valid).</summary>
    private static byte[] ModelFile(Action<byte[]> damage) => ModelFile(p =>
    {
        damage(p);
        return p;
    });

    private static byte[] ModelFile(Func<byte[], byte[]> damage) => Write(damage(ModelPayloadWriter.Write(BaseModel())));

    /// <summary>Payload offset of tensor record <paramref name="index"/> (0-based).</summary>
    private static int Record(byte[] payload, int index)
    {
        int levels = payload[10];
        int version = payload[0];
        int grids = version >= 2 ? payload[16 + (7 * levels)] : 0;
        int at = ModelPayloadFormat.HeaderLength(levels, grids, version);
        for (int i = 0; i < index; i++)
        {
            at += RecordData + (int)BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(at + RecordByteLength));
        }

        return at;
    }

    private static byte[] InsertIntoTensor(byte[] payload, int index, bool atEnd, byte[] bytes)
    {
        int record = Record(payload, index);
        int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(record + RecordByteLength));
        return InsertAt(payload, record + RecordData + (atEnd ? length : 0), bytes, record);
    }

    /// <summary>Inserts bytes into a tensor's data and grows that record's byte_length to match.</summary>
    private static byte[] InsertAt(byte[] payload, int at, byte[] bytes, int record)
    {
        byte[] result = [.. payload.AsSpan(0, at), .. bytes, .. payload.AsSpan(at)];
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(result.AsSpan(record + RecordByteLength));
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(record + RecordByteLength), length + (uint)bytes.Length);
        return result;
    }

    /// <summary>The base of the interpolated-grid vectors: <see cref="ContextSegment"/> with its level-0 grid interpolated onto level 1.</summary>
    private static readonly SegmentRecipe InterpolatedSegment = ContextSegment with
    {
        Seed = 1005,
        Grids = [new LatentGrid(0, 2, 1, 2, true), new LatentGrid(1, 1, 2, 3)],
    };

    /// <summary>A version 5 file around a (damaged) model_version 5 payload.</summary>
    private static byte[] InterpolatedModelFile(Action<byte[]> damage)
    {
        byte[] payload = ModelPayloadWriter.Write(ModelSynthesizer.Synthesize(InterpolatedSegment, 0, GridSequence));
        damage(payload);
        return Write(payload, sequence: GridSequence);
    }

    /// <summary>Payload offset of grid descriptor <paramref name="index"/> of a model_version 5 payload (6 bytes each, spec §10.1); index G is motion_block_log2.</summary>
    private static int PlacementDescriptor(byte[] payload, int index) => 16 + (7 * payload[10]) + 1 + (6 * index);

    /// <summary>
    /// The base of the output filter vectors: <see cref="ContextSegment"/> (grids of placement 0, no motion field) with a
    /// raw-coded output filter of radius 1 (model_version 6).
    /// </summary>
    private static readonly SegmentRecipe FilterSegment = ContextSegment with
    {
        Seed = 1006,
        Filter = new FilterRecipe(1, EntropyCoding.Raw, 1007, [6144, 4096, 4096], 1024),
    };

    /// <summary>A version 6 file around a (damaged) model_version 6 payload.</summary>
    private static byte[] FilterModelFile(Action<byte[]> damage) => FilterModelFile(p =>
    {
        damage(p);
        return p;
    });

    private static byte[] FilterModelFile(Func<byte[], byte[]> damage) =>
        Write(damage(ModelPayloadWriter.Write(ModelSynthesizer.Synthesize(FilterSegment, 0, GridSequence))), sequence: GridSequence);

    /// <summary>A version 6 file around a damaged model_version 6 payload with <see cref="MotionSegment"/>'s motion field and <see cref="FilterSegment"/>'s filter.</summary>
    private static byte[] FilterMotionModelFile(Func<byte[], byte[]> damage) =>
        Write(damage(ModelPayloadWriter.Write(ModelSynthesizer.Synthesize(MotionSegment with { Seed = 1008, Filter = FilterSegment.Filter }, 0, GridSequence))), sequence: GridSequence);

    /// <summary>The base of the compact record vectors: <see cref="ContextSegment"/>'s shape as model_version 7, without a filter.</summary>
    private static readonly SegmentRecipe CompactSegment = ContextSegment with { Seed = 1009, CompactRecords = true };

    /// <summary>A version 7 file around a (damaged) model_version 7 payload.</summary>
    private static byte[] CompactModelFile(Action<byte[]> damage) => CompactModelFile(p =>
    {
        damage(p);
        return p;
    });

    private static byte[] CompactModelFile(Func<byte[], byte[]> damage) =>
        Write(damage(ModelPayloadWriter.Write(ModelSynthesizer.Synthesize(CompactSegment, 0, GridSequence))), sequence: GridSequence);

    /// <summary>Where a compact record's fields sit (spec §10.2): μ's varint, the coding byte, byte_length's varint; and its data's length.</summary>
    private readonly record struct CompactFields(int Multiplier, int Coding, int ByteLength, int Length);

    /// <summary>The fields of compact record <paramref name="index"/> (0-based) of a model_version 7 payload.</summary>
    private static CompactFields CompactRecord(byte[] payload, int index)
    {
        int at = CompactHeaderLength(payload);
        for (int i = 0; ; i++)
        {
            int multiplier = at;
            int coding = ReadVarint(payload, multiplier).End;
            int byteLength = coding + 1;
            var (length, data) = ReadVarint(payload, byteLength);
            if (i == index)
            {
                return new CompactFields(multiplier, coding, byteLength, (int)length);
            }

            at = data + (int)length;
        }
    }

    private static int CompactRecordCount(byte[] payload) =>
        BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(CompactHeaderLength(payload) - 2));

    /// <summary>Bytes of a model_version 7 payload's header, from its level_count and grid_count (spec §10.1).</summary>
    private static int CompactHeaderLength(byte[] payload) =>
        ModelPayloadFormat.HeaderLength(payload[10], payload[16 + (7 * payload[10])], ModelPayloadFormat.CompactRecordModelVersion);

    /// <summary>The payload with record <paramref name="index"/>'s μ (or byte_length) varint replaced by <paramref name="bytes"/>.</summary>
    private static byte[] ReplaceCompactField(byte[] payload, int index, bool multiplier, byte[] bytes)
    {
        var record = CompactRecord(payload, index);
        int start = multiplier ? record.Multiplier : record.ByteLength;
        return [.. payload.AsSpan(0, start), .. bytes, .. payload.AsSpan(ReadVarint(payload, start).End)];
    }

    /// <summary>The varint at <paramref name="at"/> of a valid payload, and the position after it.</summary>
    private static (uint Value, int End) ReadVarint(byte[] payload, int at)
    {
        uint value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = payload[at++];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (value, at);
            }
        }
    }

    private static byte[] Varint(uint value)
    {
        byte[] bytes = new byte[ModelPayloadFormat.MaxVarintLength];
        return bytes[..ModelPayloadFormat.WriteVarint(bytes, value)];
    }

    /// <summary>The output filter record's index: after every record of the model_version 3 layout, without a motion field (spec §10.3).</summary>
    private static int FilterRecordIndex() => ContextModel().Architecture.TensorLayout().Count;

    /// <summary>Payload offset of filter_radius: right after motion_block_log2, which follows the G grid descriptors of 6 bytes (spec §10.1).</summary>
    private static int FilterRadius(byte[] payload) => PlacementDescriptor(payload, payload[16 + (7 * payload[10])]) + 1;

    /// <summary>The position of plane <paramref name="plane"/>'s column <paramref name="column"/> in the radius-1 filter record (6 columns).</summary>
    private static int FilterValueIndex(int plane, int column) => (plane * (OutputFilter.TapCount(1) + 1)) + column;

    /// <summary>The base filter record with value <paramref name="index"/> replaced, raw-coded again (byte_length adjusted).</summary>
    private static byte[] ReplaceFilterValue(byte[] payload, int index, int value)
    {
        int[] values = ModelSynthesizer.FilterValues(FilterSegment.Filter!, 3, GridSequence.BitDepth);
        values[index] = value;
        return ReplaceTensorData(payload, FilterRecordIndex(), RawIntegerCoder.Encode(values));
    }
}
