using System.Buffers.Binary;

namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// Parses a model payload following spec §10.1–§10.4 literally (little-endian fields, tensor records in the order
/// of §10.3, raw zig-zag LEB128 or §10.5 adaptive data). Of the version 1 fields only the checks a straightforward
/// reader needs to stay correct on valid input are made (the product reader's validation is tested elsewhere); the
/// model_version 2 additions (§9, §10.1 latent grids, §10.2 and §10.3 records and the latents' multiplier) are checked
/// completely, and so are the model_version 3 additions (§10.1 context_hidden, §10.2 coding 2, §10.3 context model
/// records, §10.6–§10.7 the context-coded latents), the model_version 4 additions (§10.1 motion_block_log2, §10.2
/// and §10.3 the motion vectors record, §10.8 its values), the model_version 5 additions (§10.1 placement) and the
/// model_version 6 additions (§10.1 filter_radius, §10.2 and §10.3 the output filter record, §10.9 its values) and the
/// model_version 7 ones (§10.1 filter_radius 0, §10.2 the compact record header and its varints), so that the spec text
/// alone decides every grid, motion vector and filter coefficient.
/// </summary>
internal static class SpecModelParser
{
    /// <summary>Parses a payload without a motion field of a file whose header has min_reader_version 3 (model_version 1, 2 or 3 allowed).</summary>
    public static SpecModel Parse(byte[] p) => Parse(p, fileMinReaderVersion: 3);

    /// <summary>Parses a payload without a motion field (model_version 1 to 3): its records do not depend on the picture size.</summary>
    public static SpecModel Parse(byte[] p, int fileMinReaderVersion) => Parse(p, fileMinReaderVersion, pictureWidth: 0, pictureHeight: 0);

    /// <param name="p">The model payload (after the MODL section's segment_index).</param>
    /// <param name="fileMinReaderVersion">The file header's min_reader_version (§9: model_version v needs ≥ v).</param>
    /// <param name="pictureWidth">SEQH width: a motion field's blocks cover the picture (§10.8).</param>
    /// <param name="pictureHeight">SEQH height.</param>
    public static SpecModel Parse(byte[] p, int fileMinReaderVersion, int pictureWidth, int pictureHeight)
    {
        int at = 0;
        int U16() { int v = BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(at)); at += 2; return v; }
        uint U32() { uint v = BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(at)); at += 4; return v; }
        int U8() => p[at++];

        // §10.2 varint (model_version 7): 7-bit groups, least significant first, bit 7 set on every byte but the last; at
        // most 5 bytes, at most 2^32 − 1, the shortest form (no last byte of 0 after others).
        uint Varint()
        {
            ulong value = 0;
            for (int i = 0; ; i++)
            {
                if (i == 5)
                {
                    throw new InvalidDataException("a varint longer than 5 bytes");
                }

                int b = U8();
                value |= (ulong)(b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0)
                {
                    if (b == 0 && i > 0)
                    {
                        throw new InvalidDataException("a varint not in its shortest form");
                    }

                    break;
                }
            }

            return value <= uint.MaxValue ? (uint)value : throw new InvalidDataException($"a varint of {value}, above 2^32 − 1");
        }

        // §10.1 model_version: 1; 2 with latent grids; 3 with context-coded grids; 4 as 3 with a motion field; 5 as 3 or 4
        // with a placement byte per grid; 6 laid out as 5, with an output filter; 7 laid out as 6, the filter optional, with
        // compact record headers. §9: v only in a file whose min_reader_version is ≥ v.
        int version = U16();
        if (version is not (1 or 2 or 3 or 4 or 5 or 6 or 7))
        {
            throw new InvalidDataException($"model_version {version}");
        }

        if (version > fileMinReaderVersion)
        {
            throw new InvalidDataException($"model_version {version} in a file whose min_reader_version is {fileMinReaderVersion}");
        }

        int firstFrame = (int)U32();
        int frameCount = (int)U32();
        int levels = U8();
        int outputs = U8();
        int width = U16();
        _ = U16();
        int[][] bases = new int[3][];
        for (int a = 0; a < 3; a++)
        {
            bases[a] = new int[levels];
            for (int l = 0; l < levels; l++)
            {
                bases[a][l] = U16();
            }
        }

        int[] kinds = new int[levels];
        for (int l = 0; l < levels; l++)
        {
            kinds[l] = U8();
        }

        // §10.1 grid_count and descriptors (model_version 2 to 6; G = 0 in version 1).
        var grids = new List<SpecGrid>();
        if (version >= 2)
        {
            int g = U8();
            if (g < 1 || g > levels - 1)
            {
                throw new InvalidDataException($"grid_count {g} outside 1..L−1");
            }

            for (int i = 0; i < g; i++)
            {
                int level = U8();
                int rank = U8();
                int tau = U16();
                int hidden = version >= 3 ? U8() : 0;
                if (version >= 3 && hidden is < 1 or > 32)
                {
                    throw new InvalidDataException($"grid {i} context_hidden {hidden} outside 1..32");
                }

                if (level > levels - 2)
                {
                    throw new InvalidDataException($"grid {i} level {level} above L−2");
                }

                if (i > 0 && level <= grids[i - 1].Level)
                {
                    throw new InvalidDataException($"grid {i} level {level} does not increase");
                }

                if (rank is < 1 or > 64)
                {
                    throw new InvalidDataException($"grid {i} rank {rank} outside 1..64");
                }

                // §10.1 placement (model_version 5 and 6): 0 or 1, 1 only below level L − 2; in model_version 5 at least one
                // grid has 1 (a model_version 6 payload need not).
                int placement = version >= 5 ? U8() : 0;
                if (placement > 1 || (placement == 1 && level + 1 > levels - 2))
                {
                    throw new InvalidDataException($"grid {i} placement {placement}");
                }

                grids.Add(new SpecGrid(level, rank, tau, hidden, placement));
            }

            if (version == 5 && grids.All(d => d.Placement == 0))
            {
                throw new InvalidDataException("model_version 5 without an interpolated grid");
            }
        }

        // §10.1 motion_block_log2 (model_version 4 to 6): E, blocks of 2^E × 2^E luma samples, 3..6.
        int e = 0;
        if (version >= 4)
        {
            // model_version 5 and 6: also 0 = no motion field.
            e = U8();
            if ((version == 4 || e != 0) && e is < 3 or > 6)
            {
                throw new InvalidDataException($"motion_block_log2 {e} outside 3..6");
            }
        }

        // §10.1 filter_radius (model_version 6 and 7): Δ, 1..3; in model_version 7 also 0, no filter.
        int radius = 0;
        if (version >= 6)
        {
            radius = U8();
            if ((version == 6 || radius != 0) && radius is < 1 or > 3)
            {
                throw new InvalidDataException($"filter_radius {radius} outside 1..3");
            }
        }

        var partial = new SpecModel(firstFrame, frameCount, levels, outputs, width, bases, kinds, [], grids);
        for (int i = 0; i < grids.Count; i++)
        {
            var grid = grids[i];
            long ct = partial.C(0, grid.Level);
            if (grid.Tau < 1 || ct % grid.Tau != 0)
            {
                throw new InvalidDataException($"grid {i} temporal_cells {grid.Tau} does not divide C[t][{grid.Level}] = {ct}");
            }

            if ((long)grid.Tau * partial.C(1, grid.Level) * partial.C(2, grid.Level) > 1L << 26)
            {
                throw new InvalidDataException($"grid {i} has more than 2^26 cells");
            }
        }

        // §10.3: the records' roles, levels and shapes follow from the header; with a motion field the motion vectors
        // record (m) comes after every grid's records, frame_count·BY·BX rows of (y, x), BY and BX from the picture's
        // size (§10.8); in model_version 6 the output filter record (n), O rows of n_Δ + 1, comes last (§10.9).
        var expected = ExpectedRecords(partial);
        long by = 0, bx = 0;
        if (e != 0)
        {
            if (pictureWidth < 1 || pictureHeight < 1)
            {
                throw new ArgumentException("A model_version 4 payload's motion record depends on the picture size: pass SEQH's width and height.");
            }

            by = (pictureHeight + (1L << e) - 1) >> e;
            bx = (pictureWidth + (1L << e) - 1) >> e;
            if ((long)frameCount * by * bx * 2 > 1L << 26)
            {
                throw new InvalidDataException($"the motion vectors record would hold {frameCount}·{by}·{bx}·2 values, above 2^26");
            }

            expected.Add((SpecRole.MotionVectors, 0, (int)(frameCount * by * bx), 2));
        }

        if (radius != 0)
        {
            expected.Add((SpecRole.OutputFilter, 0, outputs, SpecOutputFilter.TapCount(radius) + 1));
        }

        int count = U16();
        if (count != expected.Count)
        {
            throw new InvalidDataException($"tensor_count {count}, expected {expected.Count}");
        }

        var tensors = new List<SpecTensor>();
        for (int i = 0; i < count; i++)
        {
            // §10.2: model_version 7 stores only μ, coding and byte_length (varints); §10.3 gives the rest.
            int role, level, rows, columns;
            uint mu;
            int coding;
            long length;
            if (version == 7)
            {
                (role, level, rows, columns) = expected[i];
                mu = Varint();
                coding = U8();
                length = Varint();
            }
            else
            {
                role = U8();
                level = U8();
                rows = (int)U32();
                columns = (int)U32();
                mu = U32();
                coding = U8();
                length = U32();
                if ((role, level, rows, columns) != expected[i])
                {
                    throw new InvalidDataException($"tensor {i + 1} is ({role}, {level}, {rows}×{columns}), expected {expected[i]}");
                }
            }

            if (length > p.Length - at)
            {
                throw new InvalidDataException($"tensor {i + 1} byte_length {length} beyond the payload");
            }

            // §10.2, §10.3: μ ≥ 1 everywhere; exactly 1 on grid latents, context model, motion vectors and output filter
            // records.
            if (mu == 0 || ((role is SpecRole.GridLatents or SpecRole.MotionVectors or SpecRole.OutputFilter || IsContextParameter(role)) && mu != 1))
            {
                throw new InvalidDataException($"tensor {i + 1} multiplier {mu}");
            }

            // §10.2: coding 2 exactly on model_version 3 to 7 grid latents records, 0 or 1 everywhere else.
            bool contextCoded = version >= 3 && role == SpecRole.GridLatents;
            if (contextCoded ? coding != 2 : coding > 1)
            {
                throw new InvalidDataException($"tensor {i + 1} coding {coding}");
            }

            byte[] data = p.AsSpan(at, (int)length).ToArray();
            at += (int)length;
            int[] q = coding switch
            {
                0 => DecodeRaw(data, rows * columns),
                1 => SpecRangeDecoder.DecodeAll(data, rows * columns),
                _ => ContextModelBefore(tensors, partial.GridList.Single(g => g.Level == level))
                    .DecodeLatents(data, partial.GridList.Single(g => g.Level == level).Tau, (int)partial.C(1, level), (int)partial.C(2, level), columns),
            };

            // §10.7: context model parameters lie in −2^15..2^15.
            if (IsContextParameter(role) && q.Any(v => v is < -(1 << 15) or > 1 << 15))
            {
                throw new InvalidDataException($"tensor {i + 1}: a context model parameter outside ±2^15");
            }

            // §10.9: coefficients within −(2^15 − 1)..2^15 − 1 (columns 0..n_Δ − 1), offsets within −(2^24 − 1)..2^24 − 1
            // (column n_Δ).
            if (role == SpecRole.OutputFilter)
            {
                for (int k = 0; k < q.Length; k++)
                {
                    bool offset = k % columns == columns - 1;
                    long limit = offset ? (1L << 24) - 1 : (1L << 15) - 1;
                    if (q[k] < -limit || q[k] > limit)
                    {
                        throw new InvalidDataException($"tensor {i + 1}: output filter {(offset ? "offset" : "coefficient")} {q[k]} (plane {k / columns}) outside ±{limit}");
                    }
                }
            }

            tensors.Add(new SpecTensor(role, level, rows, columns, mu, coding, q));
        }

        if (at != p.Length)
        {
            throw new InvalidDataException("bytes after the last tensor record");
        }

        var motion = e != 0 ? Motion(e, (int)by, (int)bx, frameCount, tensors.Single(t => t.Role == SpecRole.MotionVectors)) : null;
        var filter = radius != 0 ? SpecOutputFilter.FromRecord(radius, tensors[^1]) : null;
        return partial with { Tensors = tensors, Motion = motion, Filter = filter };
    }

    /// <summary>
    /// §10.8: row (f·BY + by)·BX + bx of the record holds V[f][by][bx] − V[f − 1][by][bx] (V[−1] = 0), column 0 for y and
    /// 1 for x; every sum V must lie within −1024..1024.
    /// </summary>
    private static SpecMotion Motion(int e, int by, int bx, int frames, SpecTensor record)
    {
        var v = new int[frames][][][];
        for (int f = 0; f < frames; f++)
        {
            v[f] = new int[by][][];
            for (int y = 0; y < by; y++)
            {
                v[f][y] = new int[bx][];
                for (int x = 0; x < bx; x++)
                {
                    v[f][y][x] = new int[2];
                    for (int c = 0; c < 2; c++)
                    {
                        long sum = (f == 0 ? 0L : v[f - 1][y][x][c]) + record[(((f * by) + y) * bx) + x, c];
                        if (sum is < -1024 or > 1024)
                        {
                            throw new InvalidDataException($"motion vector component {sum} outside ±1024 (frame {f}, block ({y}, {x}), {(c == 0 ? "y" : "x")})");
                        }

                        v[f][y][x][c] = (int)sum;
                    }
                }
            }
        }

        return new SpecMotion(e, by, bx, v);
    }

    private static bool IsContextParameter(int role) => role is >= SpecRole.ContextWeight and <= SpecRole.ContextChannelBias;

    /// <summary>§10.3: (role, level, rows, columns) of every record, in stored order.</summary>
    private static List<(int Role, int Level, int Rows, int Columns)> ExpectedRecords(SpecModel m)
    {
        var records = new List<(int, int, int, int)>();
        for (int l = 0; l < m.L; l++)
        {
            records.Add(m.ModulationKind[l] == 0 ? (SpecRole.Modulation, l, m.H, 3) : (SpecRole.Modulation, l, m.Beta(l), m.H));
        }

        records.Add((SpecRole.Bias, 0, 1, m.H));
        for (int l = 2; l < m.L; l++)
        {
            records.Add((SpecRole.Weight, l, m.H, m.H));
            records.Add((SpecRole.Bias, l, 1, m.H));
        }

        records.Add((SpecRole.OutputWeight, 0, m.O, m.H));
        records.Add((SpecRole.OutputBias, 0, 1, m.O));
        foreach (var g in m.GridList)
        {
            records.Add((SpecRole.GridProjection, g.Level, g.Rank, m.H));
            int cells = (int)(g.Tau * m.C(1, g.Level) * m.C(2, g.Level));
            if (g.ContextHidden > 0)
            {
                // model_version 3: the context model (J × 6, 1 × J, 2 × J, k × 2), then one cells × k latents record.
                records.Add((SpecRole.ContextWeight, g.Level, g.ContextHidden, 6));
                records.Add((SpecRole.ContextBias, g.Level, 1, g.ContextHidden));
                records.Add((SpecRole.ContextOutputWeight, g.Level, 2, g.ContextHidden));
                records.Add((SpecRole.ContextChannelBias, g.Level, g.Rank, 2));
                records.Add((SpecRole.GridLatents, g.Level, cells, g.Rank));
                continue;
            }

            for (int i = 0; i < g.Rank; i++)
            {
                records.Add((SpecRole.GridLatents, g.Level, 1, cells));
            }
        }

        return records;
    }

    /// <summary>§10.7: the grid's context model, from its four records just before its latents record.</summary>
    private static SpecContextModel ContextModelBefore(List<SpecTensor> tensors, SpecGrid grid) =>
        new(grid.ContextHidden, tensors[^4].Q, tensors[^3].Q, tensors[^2].Q, tensors[^1].Q);

    /// <summary>§10.4: unsigned LEB128 z, then q = z/2 for even z and −(z+1)/2 for odd z.</summary>
    private static int[] DecodeRaw(byte[] data, int count)
    {
        int[] q = new int[count];
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            ulong z = 0;
            int shift = 0;
            while (true)
            {
                byte b = data[at++];
                z |= (ulong)(b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            q[i] = (z & 1) == 0 ? (int)(uint)(z >> 1) : (int)~(uint)(z >> 1);
        }

        if (at != data.Length)
        {
            throw new InvalidDataException("raw data has unused bytes");
        }

        return q;
    }
}
