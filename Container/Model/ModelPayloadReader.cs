using Asmr.Container.Entropy;

namespace Asmr.Container.Model;

/// <summary>
/// Parses and validates a model payload (spec §10) into a <see cref="SegmentModel"/>. Every field is checked
/// against §10 and against what the rest of the file says (<see cref="ModelPayloadExpectations"/>) before anything
/// that depends on it is allocated; any violation is an <see cref="InvalidDataException"/> naming the field and its
/// absolute offset.
/// </summary>
internal static class ModelPayloadReader
{
    private static readonly string[] AxisNames = ["t", "y", "x"];

    /// <param name="payload">The model payload (after the MODL section's segment_index).</param>
    /// <param name="expected">The segment index entry's frames and the sequence header's facts.</param>
    /// <param name="baseOffset">Absolute file offset of <paramref name="payload"/>[0]; error messages show absolute offsets.</param>
    public static SegmentModel Read(ReadOnlySpan<byte> payload, ModelPayloadExpectations expected, long baseOffset = 0) =>
        Read(payload, expected, baseOffset, out _);

    /// <summary>As <see cref="Read(ReadOnlySpan{byte}, ModelPayloadExpectations, long)"/>, also returning each tensor's byte_length.</summary>
    public static SegmentModel Read(ReadOnlySpan<byte> payload, ModelPayloadExpectations expected, long baseOffset, out int[] codedByteLengths)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentOutOfRangeException.ThrowIfNegative(baseOffset);
        var cursor = new ModelPayloadCursor(payload, baseOffset);
        var architecture = ReadHeader(ref cursor, expected);
        var layout = architecture.TensorLayout();
        var tensors = new QuantizedTensor?[layout.Count];
        var contextCoded = new List<ContextCodedRecord>();

        // The records after the network's tensors (§10.3 groups (m) and (n)): the motion vectors, then the output filter.
        var motionShape = architecture.MotionBlockLog2 == 0 ? null : new MotionField(architecture.MotionBlockLog2, expected.SequenceWidth, expected.SequenceHeight, []);
        var trailing = new List<(TensorRole Role, int Level, int Rows, int Columns)>();
        if (motionShape is not null)
        {
            trailing.Add((TensorRole.MotionVectors, 0, expected.FrameCount * motionShape.BlocksY * motionShape.BlocksX, 2));
        }

        if (architecture.FilterRadius != 0)
        {
            trailing.Add((TensorRole.OutputFilter, 0, architecture.OutputChannels, OutputFilter.TapCount(architecture.FilterRadius) + 1));
        }

        IReadOnlyList<(TensorRole Role, int Level, int Rows, int Columns)> stored = [.. layout, .. trailing];

        codedByteLengths = new int[stored.Count];
        for (int i = 0; i < layout.Count; i++)
        {
            tensors[i] = ReadTensor(ref cursor, architecture, stored, i, out codedByteLengths[i], out var deferred);
            if (deferred is not null)
            {
                contextCoded.Add(deferred with { Model = ContextModel(architecture, layout, tensors, i) });
            }
        }

        MotionField? motion = null;
        var motionCoding = EntropyCoding.Adaptive;
        if (motionShape is not null)
        {
            int index = layout.Count;
            var record = ReadTensor(ref cursor, architecture, stored, index, out codedByteLengths[index], out _)!;
            int dataPosition = cursor.Position - codedByteLengths[index];
            motion = MotionVectors(ref cursor, record, motionShape, dataPosition, $"tensor #{index + 1} {TensorRole.MotionVectors}[0] data");
            motionCoding = record.Coding;
        }

        OutputFilter? filter = null;
        var filterCoding = EntropyCoding.Adaptive;
        if (architecture.FilterRadius != 0)
        {
            int index = stored.Count - 1;
            var record = ReadTensor(ref cursor, architecture, stored, index, out codedByteLengths[index], out _)!;
            filter = new OutputFilter(architecture.FilterRadius, architecture.OutputChannels, record.Values);
            filterCoding = record.Coding;
        }

        if (cursor.Remaining != 0)
        {
            cursor.Fail("end of payload", cursor.Position, $"{cursor.Remaining} byte(s) follow the last tensor record; the payload must end exactly after it");
        }

        DecodeContextCoded(architecture, layout, contextCoded, tensors);
        return new SegmentModel(expected.FirstFrame, expected.FrameCount, architecture, [.. tensors.Select(t => t!)], motion, motionCoding, filter, filterCoding);
    }

    /// <summary>
    /// The motion field from its record (§10.8): each stored value is added to the same block's component in the frame
    /// before; every sum must lie within ±1024 quarter samples.
    /// </summary>
    private static MotionField MotionVectors(ref ModelPayloadCursor cursor, QuantizedTensor record, MotionField shape, int dataPosition, string field)
    {
        int frameCount = record.Rows / (shape.BlocksY * shape.BlocksX);
        int perFrame = 2 * shape.BlocksY * shape.BlocksX;
        int[][] frames = new int[frameCount][];
        for (int f = 0; f < frameCount; f++)
        {
            frames[f] = new int[perFrame];
            for (int i = 0; i < perFrame; i++)
            {
                long vector = (long)record.Values[(f * perFrame) + i] + (f == 0 ? 0 : frames[f - 1][i]);
                if (vector is < -MotionField.MaxVector or > MotionField.MaxVector)
                {
                    int block = i / 2;
                    cursor.Fail(
                        field,
                        dataPosition,
                        $"frame {f}, block row {block / shape.BlocksX}, column {block % shape.BlocksX}: the {(i % 2 == 0 ? "y" : "x")} component is {vector} quarter samples; vectors lie within ±{MotionField.MaxVector} (§10.8)");
                }

                frames[f][i] = (int)vector;
            }
        }

        return shape.WithVectors(frames);
    }

    /// <summary>
    /// Decodes the context-coded latents of every grid (§10.7). Each grid is one stream with its own context model, so
    /// the grids decode in parallel; when several are invalid, the first in payload order is reported.
    /// </summary>
    private static void DecodeContextCoded(
        ModelArchitecture architecture, IReadOnlyList<(TensorRole Role, int Level, int Rows, int Columns)> layout, List<ContextCodedRecord> records, QuantizedTensor?[] tensors)
    {
        var errors = new InvalidDataException?[records.Count];
        void Decode(int r)
        {
            var record = records[r];
            var (role, level, rows, columns) = layout[record.Index];
            var grid = architecture.Grids[architecture.GridIndex(level)];
            try
            {
                int[] values = LatentPlaneCoding.Decode(
                    record.Model!, record.Data, grid.TemporalCells, architecture.CumulativeSize(Axis.Y, level), architecture.CumulativeSize(Axis.X, level), grid.Rank, record.Name, record.Offset);
                tensors[record.Index] = new QuantizedTensor(role, level, rows, columns, 1, values, EntropyCoding.Context);
            }
            catch (InvalidDataException e)
            {
                errors[r] = e;
            }
        }

        if (records.Count == 1)
        {
            Decode(0);
        }
        else
        {
            Parallel.For(0, records.Count, Decode);
        }

        if (errors.FirstOrDefault(e => e is not null) is { } first)
        {
            throw first;
        }
    }

    /// <summary>The context model of the grid whose latents record is at <paramref name="index"/>: its four records just before it (§10.3).</summary>
    private static LatentContextModel ContextModel(
        ModelArchitecture architecture, IReadOnlyList<(TensorRole Role, int Level, int Rows, int Columns)> layout, QuantizedTensor?[] tensors, int index)
    {
        int level = layout[index].Level;
        int hidden = architecture.Grids[architecture.GridIndex(level)].ContextHidden;
        return new LatentContextModel(hidden, tensors[index - 4]!.Values, tensors[index - 3]!.Values, tensors[index - 2]!.Values, [0, 0], tensors[index - 1]!.Values);
    }

    private static ModelArchitecture ReadHeader(ref ModelPayloadCursor cursor, ModelPayloadExpectations expected)
    {
        int pos = cursor.Position;
        ushort version = cursor.ReadU16("model_version");
        if (version is < ModelPayloadFormat.ModelVersion or > ModelPayloadFormat.LatestModelVersion)
        {
            cursor.Fail("model_version", pos, $"unsupported model version {version} (this reader supports {ModelPayloadFormat.ModelVersion} to {ModelPayloadFormat.LatestModelVersion})");
        }

        if (version > expected.FileMinReaderVersion)
        {
            // "unsupported model version" too: to a reader of the file's version, this model_version does not exist.
            cursor.Fail("model_version", pos, $"unsupported model version {version} in a file whose min_reader_version is {expected.FileMinReaderVersion}: a model_version {version} payload needs a version {version} file (§9)");
        }

        pos = cursor.Position;
        uint firstFrame = cursor.ReadU32("first_frame");
        if (firstFrame != (uint)expected.FirstFrame)
        {
            cursor.Fail("first_frame", pos, $"is {firstFrame} but the segment index entry says {expected.FirstFrame}");
        }

        pos = cursor.Position;
        uint frameCount = cursor.ReadU32("frame_count");
        if (frameCount != (uint)expected.FrameCount)
        {
            cursor.Fail("frame_count", pos, $"is {frameCount} but the segment index entry says {expected.FrameCount}");
        }

        pos = cursor.Position;
        int levels = cursor.ReadU8("level_count");
        if (levels is < ModelArchitecture.MinLevels or > ModelArchitecture.MaxLevels)
        {
            cursor.Fail("level_count", pos, $"is {levels}; L must be within {ModelArchitecture.MinLevels}..{ModelArchitecture.MaxLevels}");
        }

        pos = cursor.Position;
        int outputChannels = cursor.ReadU8("output_channels");
        if (outputChannels != expected.OutputChannels)
        {
            cursor.Fail("output_channels", pos, $"is {outputChannels} but a {expected.Chroma} sequence needs O = {expected.OutputChannels}");
        }

        pos = cursor.Position;
        int width = cursor.ReadU16("width");
        if (width is < 1 or > ModelArchitecture.MaxWidth)
        {
            cursor.Fail("width", pos, $"is {width}; H must be within 1..{ModelArchitecture.MaxWidth}");
        }

        pos = cursor.Position;
        ushort reserved = cursor.ReadU16("reserved");
        if (reserved != 0)
        {
            cursor.Fail("reserved", pos, $"is {reserved}; it must be 0");
        }

        int basesPosition = cursor.Position;
        int[][] bases = new int[ModelArchitecture.AxisCount][];
        for (int a = 0; a < ModelArchitecture.AxisCount; a++)
        {
            bases[a] = new int[levels];
            for (int l = 0; l < levels; l++)
            {
                string field = $"bases[{AxisNames[a]}][{l}]";
                pos = cursor.Position;
                int b = cursor.ReadU16(field);
                if (b == 0)
                {
                    cursor.Fail(field, pos, "is 0; every base must be within 1..65535");
                }

                bases[a][l] = b;
            }
        }

        var modulation = new ModulationKind[levels];
        for (int l = 0; l < levels; l++)
        {
            string field = $"modulation_kind[{l}]";
            pos = cursor.Position;
            byte kind = cursor.ReadU8(field);
            if (kind > (byte)ModulationKind.Table)
            {
                cursor.Fail(field, pos, $"is {kind}; it must be 0 (linear) or 1 (table)");
            }

            modulation[l] = (ModulationKind)kind;
        }

        var grids = new List<LatentGrid>();
        int gridsPosition = cursor.Position;
        if (version != ModelPayloadFormat.ModelVersion)
        {
            pos = cursor.Position;
            int gridCount = cursor.ReadU8("grid_count");
            if (gridCount < 1 || gridCount > levels - 1)
            {
                cursor.Fail("grid_count", pos, $"is {gridCount}; a model_version {version} payload has 1..L − 1 = {levels - 1} latent grids");
            }

            gridsPosition = cursor.Position;
            for (int i = 0; i < gridCount; i++)
            {
                pos = cursor.Position;
                int level = cursor.ReadU8($"grid[{i}].level");
                if (level > levels - 2 || (i > 0 && level <= grids[i - 1].Level))
                {
                    cursor.Fail($"grid[{i}].level", pos, $"is {level}; grids lie on levels 0..L − 2 = {levels - 2}, in strictly increasing order");
                }

                pos = cursor.Position;
                int rank = cursor.ReadU8($"grid[{i}].rank");
                if (rank is < 1 or > ModelArchitecture.MaxGridRank)
                {
                    cursor.Fail($"grid[{i}].rank", pos, $"is {rank}; it must be within 1..{ModelArchitecture.MaxGridRank}");
                }

                pos = cursor.Position;
                int temporalCells = cursor.ReadU16($"grid[{i}].temporal_cells");
                if (temporalCells == 0)
                {
                    cursor.Fail($"grid[{i}].temporal_cells", pos, "is 0; it must divide the level's cells along t");
                }

                int contextHidden = 0;
                if (version >= ModelPayloadFormat.ContextModelVersion)
                {
                    pos = cursor.Position;
                    contextHidden = cursor.ReadU8($"grid[{i}].context_hidden");
                    if (contextHidden is < 1 or > ModelArchitecture.MaxContextHidden)
                    {
                        cursor.Fail($"grid[{i}].context_hidden", pos, $"is {contextHidden}; a grid's context model has 1..{ModelArchitecture.MaxContextHidden} hidden units");
                    }
                }

                bool interpolated = false;
                if (version >= ModelPayloadFormat.PlacementModelVersion)
                {
                    pos = cursor.Position;
                    int placement = cursor.ReadU8($"grid[{i}].placement");
                    if (placement > 1 || (placement == 1 && level + 1 > levels - 2))
                    {
                        cursor.Fail($"grid[{i}].placement", pos, $"is {placement}; it must be 0 (the grid's level) or 1 (the next level, interpolated), and 1 only for a grid below level L − 2 = {levels - 2}");
                    }

                    interpolated = placement == 1;
                }

                grids.Add(new LatentGrid(level, rank, temporalCells, contextHidden, interpolated));
            }
        }

        if (version == ModelPayloadFormat.PlacementModelVersion && !grids.Any(g => g.Interpolated))
        {
            cursor.Fail("grid[0].placement", gridsPosition, "is 0 for every grid; a model_version 5 payload interpolates at least one grid (otherwise it is model_version 3 or 4)");
        }

        int motionBlockLog2 = 0;
        int motionPosition = cursor.Position;
        if (ModelPayloadFormat.HasMotionByte(version))
        {
            pos = cursor.Position;
            motionBlockLog2 = cursor.ReadU8("motion_block_log2");
            if ((motionBlockLog2 != 0 || version == ModelPayloadFormat.MotionModelVersion)
                && motionBlockLog2 is < MotionField.MinBlockLog2 or > MotionField.MaxBlockLog2)
            {
                cursor.Fail("motion_block_log2", pos, $"is {motionBlockLog2}; motion blocks are 2^{MotionField.MinBlockLog2}..2^{MotionField.MaxBlockLog2} luma samples square ({MotionField.MinBlockLog2}..{MotionField.MaxBlockLog2}{(version == ModelPayloadFormat.MotionModelVersion ? "" : ", or 0 for none")})");
            }
        }

        int filterRadius = 0;
        if (ModelPayloadFormat.HasFilterByte(version))
        {
            pos = cursor.Position;
            filterRadius = cursor.ReadU8("filter_radius");
            bool optional = ModelPayloadFormat.HasCompactRecords(version);
            if ((filterRadius != 0 || !optional) && filterRadius is < OutputFilter.MinRadius or > OutputFilter.MaxRadius)
            {
                cursor.Fail("filter_radius", pos, $"is {filterRadius}; the output filter's diamond has a radius of {OutputFilter.MinRadius}..{OutputFilter.MaxRadius}{(optional ? ", or 0 for none" : "")} (§10.1)");
            }
        }

        int tensorCountPosition = cursor.Position;
        int tensorCount = cursor.ReadU16("tensor_count");

        // Grid checks (§10.1). Every base is < 2^16 and partial products are capped at 2^40, so nothing overflows.
        for (int l = 0; l < levels; l++)
        {
            long beta = (long)bases[0][l] * bases[1][l] * bases[2][l];
            if (beta > ModelPayloadFormat.MaxLocalCount)
            {
                cursor.Fail("bases", basesPosition, $"level {l} has β = {bases[0][l]}·{bases[1][l]}·{bases[2][l]} = {beta} local points, above 2^24");
            }
        }

        long[] gridSize = new long[ModelArchitecture.AxisCount];
        for (int a = 0; a < ModelArchitecture.AxisCount; a++)
        {
            long n = 1;
            foreach (int b in bases[a])
            {
                n *= b;
                if (n > ModelPayloadFormat.MaxGridCells)
                {
                    cursor.Fail("bases", basesPosition, $"the grid size on axis {AxisNames[a]} exceeds 2^40");
                }
            }

            gridSize[a] = n;
        }

        // Each N_a ≥ 1 and ≤ 2^40: test the product by division so that it cannot overflow.
        if (gridSize[0] > ModelPayloadFormat.MaxGridCells / gridSize[1]
            || gridSize[0] * gridSize[1] > ModelPayloadFormat.MaxGridCells / gridSize[2])
        {
            cursor.Fail("bases", basesPosition, $"the grid has N_t·N_y·N_x = {gridSize[0]}·{gridSize[1]}·{gridSize[2]} cells, above 2^40");
        }

        for (int a = 0; a < ModelArchitecture.AxisCount; a++)
        {
            if (gridSize[a] > ModelPayloadFormat.MaxAxisGridSize)
            {
                cursor.Fail("bases", basesPosition, $"the grid size on axis {AxisNames[a]} is {gridSize[a]}, above this decoder's limit of 2^31 − 1");
            }
        }

        if (gridSize[0] < frameCount)
        {
            cursor.Fail("bases", basesPosition, $"the grid has N_t = {gridSize[0]} frames, fewer than frame_count = {frameCount}");
        }

        if (gridSize[1] < expected.CodedHeight)
        {
            cursor.Fail("bases", basesPosition, $"the grid has N_y = {gridSize[1]} rows, fewer than the {expected.CodedHeight} the sequence needs");
        }

        if (gridSize[2] < expected.CodedWidth)
        {
            cursor.Fail("bases", basesPosition, $"the grid has N_x = {gridSize[2]} columns, fewer than the {expected.CodedWidth} the sequence needs");
        }

        // Latent grids (§10.1): temporal_cells divides C_t[g]; at most 2^26 cells (the tensor value limit).
        for (int i = 0; i < grids.Count; i++)
        {
            var g = grids[i];
            long ct = 1, cy = 1, cx = 1;
            for (int l = 0; l <= g.Level; l++)
            {
                ct *= bases[0][l];
                cy *= bases[1][l];
                cx *= bases[2][l];
            }

            int at = gridsPosition + (ModelPayloadFormat.DescriptorLength(version) * i) + 2;
            if (g.TemporalCells > ct || ct % g.TemporalCells != 0)
            {
                cursor.Fail($"grid[{i}].temporal_cells", at, $"is {g.TemporalCells}, which does not divide C_t = {ct} of level {g.Level}");
            }

            long cells = g.TemporalCells * cy * cx; // each factor ≤ 2^40 in total product, checked above
            if (cells > ModelPayloadFormat.MaxTensorValues)
            {
                cursor.Fail($"grid[{i}]", at - 2, $"has {g.TemporalCells}·{cy}·{cx} = {cells} cells, above the limit of 2^26");
            }
        }

        var architecture = new ModelArchitecture(bases, width, outputChannels, modulation, grids, motionBlockLog2, filterRadius, ModelPayloadFormat.HasCompactRecords(version));
        var layout = architecture.TensorLayout();
        int records = layout.Count + (motionBlockLog2 != 0 ? 1 : 0) + (filterRadius != 0 ? 1 : 0);
        if (tensorCount != records)
        {
            cursor.Fail("tensor_count", tensorCountPosition, $"is {tensorCount} but this architecture has {records} tensors");
        }

        if (motionBlockLog2 != 0)
        {
            // The motion record's rows·columns must obey the tensor limit too (§10.2).
            long blocks = (long)MotionField.Blocks(expected.SequenceWidth, motionBlockLog2) * MotionField.Blocks(expected.SequenceHeight, motionBlockLog2);
            long values = 2L * frameCount * blocks;
            if (values > ModelPayloadFormat.MaxTensorValues)
            {
                cursor.Fail("motion_block_log2", motionPosition, $"the motion vectors record would have {frameCount}·{blocks}×2 = {values} values, above the limit of 2^26");
            }
        }

        foreach (var (role, level, rows, columns) in layout)
        {
            long values = (long)rows * columns;
            if (values > ModelPayloadFormat.MaxTensorValues)
            {
                cursor.Fail("model header", 0, $"the {role}[{level}] tensor would have {rows}×{columns} = {values} values, above the limit of 2^26");
            }
        }

        return architecture;
    }

    /// <returns>The tensor, or null for a context-coded record, which comes back in <paramref name="deferred"/> (§10.7).</returns>
    private static QuantizedTensor? ReadTensor(
        ref ModelPayloadCursor cursor,
        ModelArchitecture architecture,
        IReadOnlyList<(TensorRole Role, int Level, int Rows, int Columns)> layout,
        int index,
        out int codedByteLength,
        out ContextCodedRecord? deferred)
    {
        if (ModelPayloadFormat.HasCompactRecords(architecture.ModelVersion))
        {
            // model_version 7 stores no role, level or shape: the position decides them (§10.2, §10.3).
            return ReadTensorData(ref cursor, architecture, layout[index], index, compact: true, out codedByteLength, out deferred);
        }

        var (role, level, rows, columns) = layout[index];
        string prefix = $"tensor #{index + 1} {role}[{level}] ";
        int pos = cursor.Position;
        byte storedRole = cursor.ReadU8(prefix + "role");
        if (storedRole != (byte)role)
        {
            string found = Enum.IsDefined((TensorRole)storedRole) ? $"{storedRole} ({(TensorRole)storedRole})" : storedRole.ToString();
            cursor.Fail(prefix + "role", pos, $"is {found} but tensor {index + 1} must be {(byte)role} ({role}), §10.3");
        }

        pos = cursor.Position;
        byte storedLevel = cursor.ReadU8(prefix + "level");
        if (storedLevel != level)
        {
            cursor.Fail(prefix + "level", pos, $"is {storedLevel} but tensor {index + 1} must be level {level}, §10.3");
        }

        pos = cursor.Position;
        uint storedRows = cursor.ReadU32(prefix + "rows");
        if (storedRows != rows)
        {
            cursor.Fail(prefix + "rows", pos, $"is {storedRows} but the architecture needs {rows}");
        }

        pos = cursor.Position;
        uint storedColumns = cursor.ReadU32(prefix + "columns");
        if (storedColumns != columns)
        {
            cursor.Fail(prefix + "columns", pos, $"is {storedColumns} but the architecture needs {columns}");
        }

        return ReadTensorData(ref cursor, architecture, layout[index], index, compact: false, out codedByteLength, out deferred);
    }

    /// <summary>A record from its multiplier on: μ, coding, byte_length (u32, or varints when <paramref name="compact"/>) and the data.</summary>
    private static QuantizedTensor? ReadTensorData(
        ref ModelPayloadCursor cursor,
        ModelArchitecture architecture,
        (TensorRole Role, int Level, int Rows, int Columns) shape,
        int index,
        bool compact,
        out int codedByteLength,
        out ContextCodedRecord? deferred)
    {
        deferred = null;
        bool contextModels = architecture.ModelVersion >= ModelPayloadFormat.ContextModelVersion;
        var (role, level, rows, columns) = shape;
        string name = $"#{index + 1} {role}[{level}]";
        string prefix = $"tensor {name} ";

        int pos = cursor.Position;
        uint multiplier = compact ? cursor.ReadVarint(prefix + "multiplier") : cursor.ReadU32(prefix + "multiplier");
        if (multiplier == 0)
        {
            cursor.Fail(prefix + "multiplier", pos, "is 0; μ must be at least 1");
        }

        if (role == TensorRole.GridLatents && multiplier != 1)
        {
            cursor.Fail(prefix + "multiplier", pos, $"is {multiplier}; latent tensors have multiplier 1 (§10.3)");
        }

        if (role == TensorRole.MotionVectors && multiplier != 1)
        {
            cursor.Fail(prefix + "multiplier", pos, $"is {multiplier}; the motion vectors record has multiplier 1 (§10.8)");
        }

        if (role == TensorRole.OutputFilter && multiplier != 1)
        {
            cursor.Fail(prefix + "multiplier", pos, $"is {multiplier}; the output filter record has multiplier 1 (§10.9)");
        }

        if (IsContextParameter(role) && multiplier != 1)
        {
            cursor.Fail(prefix + "multiplier", pos, $"is {multiplier}; context model parameters have multiplier 1 (§10.3)");
        }

        pos = cursor.Position;
        byte coding = cursor.ReadU8(prefix + "coding");
        bool contextCoded = contextModels && role == TensorRole.GridLatents;
        if (contextCoded && coding != (byte)EntropyCoding.Context)
        {
            cursor.Fail(prefix + "coding", pos, $"is {coding}; a model_version {architecture.ModelVersion} grid latents record is context-coded (coding 2, §10.3)");
        }

        if (!contextCoded && coding > (byte)EntropyCoding.Adaptive)
        {
            cursor.Fail(prefix + "coding", pos, contextModels
                ? $"is {coding}; only grid latents records are context-coded (2), every other record is 0 (raw) or 1 (adaptive)"
                : $"is {coding}; it must be 0 (raw) or 1 (adaptive)");
        }

        pos = cursor.Position;
        uint byteLength = compact ? cursor.ReadVarint(prefix + "byte_length") : cursor.ReadU32(prefix + "byte_length");
        if (byteLength > (uint)cursor.Remaining)
        {
            cursor.Fail(prefix + "byte_length", pos, $"is {byteLength} but only {cursor.Remaining} byte(s) remain in the payload");
        }

        int count = rows * columns; // ≤ 2^26, checked with the header
        int dataPosition = cursor.Position;
        long dataOffset = cursor.AbsoluteOffset;
        if (contextCoded && count > (long)ModelPayloadFormat.MaxContextValuesPerByte * byteLength)
        {
            cursor.Fail(prefix + "byte_length", pos, $"is {byteLength}, too few for {count} context-coded values (at most 2^13 per byte, §10.7)");
        }

        var data = cursor.Take((int)byteLength, prefix + "data");
        if (contextCoded)
        {
            codedByteLength = (int)byteLength;
            deferred = new ContextCodedRecord(index, data.ToArray(), name, dataOffset);
            return null;
        }

        int[] values = (EntropyCoding)coding == EntropyCoding.Raw
            ? RawIntegerCoder.Decode(data, count, name, dataOffset)
            : AdaptiveIntegerCoder.Decode(data, count, name, dataOffset);

        if (IsContextParameter(role))
        {
            for (int k = 0; k < values.Length; k++)
            {
                if (values[k] < -ModelPayloadFormat.ContextParameterLimit || values[k] > ModelPayloadFormat.ContextParameterLimit)
                {
                    cursor.Fail(prefix + "data", dataPosition, $"value {k} (row {k / columns}, column {k % columns}) is {values[k]}; context model parameters lie in ±2^15 (§10.7)");
                }
            }
        }

        if (role == TensorRole.OutputFilter)
        {
            for (int k = 0; k < values.Length; k++)
            {
                int limit = OutputFilter.Limit(architecture.FilterRadius, k);
                if (values[k] <= -limit || values[k] >= limit)
                {
                    cursor.Fail(prefix + "data", dataPosition, limit == OutputFilter.OffsetLimit
                        ? $"value {k} (plane {k / columns}, the offset) is {values[k]}; an offset lies strictly inside ±2^24 (§10.9)"
                        : $"value {k} (plane {k / columns}, tap {k % columns}) is {values[k]}; a tap coefficient lies strictly inside ±2^15 (§10.9)");
                }
            }
        }

        if (role is TensorRole.OutputWeight or TensorRole.OutputBias)
        {
            for (int k = 0; k < values.Length; k++)
            {
                long product = (long)values[k] * multiplier; // |q| ≤ 2^31, μ < 2^32: |q·μ| < 2^63
                if (product >= ModelPayloadFormat.OutputMagnitudeLimit || product <= -ModelPayloadFormat.OutputMagnitudeLimit)
                {
                    cursor.Fail(prefix + "data", dataPosition, $"value {k} (row {k / columns}, column {k % columns}) is {values[k]} × μ {multiplier} = {product}; |q·μ| must be below 2^31");
                }
            }
        }

        codedByteLength = (int)byteLength;
        return new QuantizedTensor(role, level, rows, columns, multiplier, values, (EntropyCoding)coding);
    }

    private static bool IsContextParameter(TensorRole role) =>
        role is TensorRole.ContextWeight or TensorRole.ContextBias or TensorRole.ContextOutputWeight or TensorRole.ContextChannelBias;
}
