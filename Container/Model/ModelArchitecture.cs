using Asmr.Container.Entropy;

namespace Asmr.Container.Model;

/// <summary>
/// The shape of an ASMR network over (t, y, x): L levels, a base per axis per level, width H, O output channels
/// and a modulation kind per level. Spec §10.2 and §11.
/// </summary>
public sealed class ModelArchitecture
{
    public const int AxisCount = 3;
    public const int MinLevels = 2;
    public const int MaxLevels = 16;
    public const int MaxWidth = 1024;
    public const int MaxBase = 65535;
    public const int MaxGridRank = 64;

    /// <summary>Multiply-accumulates of the motion warp per plane sample (§11.8).</summary>
    public const int MotionMacsPerPlaneSample = 24;

    /// <summary>Most hidden units of a grid's context model (model_version 3).</summary>
    public const int MaxContextHidden = 32;

    private readonly int[][] _bases;
    private readonly ModulationKind[] _modulation;
    private readonly LatentGrid[] _grids;

    /// <param name="bases">bases[axis][level], axis order t, y, x; every axis has the same number of levels.</param>
    /// <param name="grids">
    /// Latent grids, at most one per level 0..L−2, in increasing level order: all with a context model (model_version 3)
    /// or none (model_version 2).
    /// </param>
    /// <param name="motionBlockLog2">
    /// 0 for no motion field, else the motion blocks' size exponent (<see cref="MotionField.MinBlockLog2"/>..
    /// <see cref="MotionField.MaxBlockLog2"/>; model_version 4, which needs grids with context models).
    /// </param>
    /// <param name="filterRadius">
    /// 0 for no output filter, else the radius of its diamond (<see cref="OutputFilter.MinRadius"/>..
    /// <see cref="OutputFilter.MaxRadius"/>; model_version 6, which needs grids with context models).
    /// </param>
    /// <param name="compactRecords">
    /// Whether the payload's record headers keep only μ, coding and byte_length (model_version 7, which needs grids with
    /// context models and allows every feature of model_version 6, the output filter optional).
    /// </param>
    public ModelArchitecture(int[][] bases, int width, int outputChannels, ModulationKind[] modulation, IReadOnlyList<LatentGrid>? grids = null, int motionBlockLog2 = 0, int filterRadius = 0, bool compactRecords = false)
    {
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(modulation);
        if (bases.Length != AxisCount)
        {
            throw new ArgumentException($"Expected bases for {AxisCount} axes, got {bases.Length}.", nameof(bases));
        }

        int levels = bases[0].Length;
        if (levels is < MinLevels or > MaxLevels)
        {
            throw new ArgumentException($"Level count {levels} is outside {MinLevels}..{MaxLevels}.", nameof(bases));
        }

        foreach (int[] axisBases in bases)
        {
            if (axisBases.Length != levels)
            {
                throw new ArgumentException("Every axis must have the same number of levels.", nameof(bases));
            }

            foreach (int b in axisBases)
            {
                if (b is < 1 or > MaxBase)
                {
                    throw new ArgumentException($"Base {b} is outside 1..{MaxBase}.", nameof(bases));
                }
            }
        }

        if (modulation.Length != levels)
        {
            throw new ArgumentException($"Expected {levels} modulation kinds, got {modulation.Length}.", nameof(modulation));
        }

        if (width is < 1 or > MaxWidth)
        {
            throw new ArgumentException($"Width {width} is outside 1..{MaxWidth}.", nameof(width));
        }

        if (outputChannels is not (1 or 3))
        {
            throw new ArgumentException($"Output channel count must be 1 or 3, got {outputChannels}.", nameof(outputChannels));
        }

        _bases = [.. bases.Select(a => (int[])a.Clone())];
        _modulation = (ModulationKind[])modulation.Clone();
        Width = width;
        OutputChannels = outputChannels;
        Levels = levels;
        for (int a = 0; a < AxisCount; a++)
        {
            long size = 1;
            foreach (int b in _bases[a])
            {
                size *= b;
                if (size > int.MaxValue)
                {
                    throw new ArgumentException($"Grid size on axis {(Axis)a} exceeds {int.MaxValue}.", nameof(bases));
                }
            }
        }

        // β_l is held as int (LocalCount, tensor shapes): reject levels whose local grid would overflow it.
        for (int l = 0; l < levels; l++)
        {
            long localCount = (long)_bases[0][l] * _bases[1][l] * _bases[2][l];
            if (localCount > int.MaxValue)
            {
                throw new ArgumentException($"Level {l} has {localCount} local grid points, more than {int.MaxValue}.", nameof(bases));
            }
        }

        _grids = [.. grids ?? []];
        for (int i = 0; i < _grids.Length; i++)
        {
            var g = _grids[i];
            if (g.Level < 0 || g.Level > levels - 2 || (i > 0 && g.Level <= _grids[i - 1].Level))
            {
                throw new ArgumentException($"Latent grid {i} is at level {g.Level}; grids must lie on levels 0..{levels - 2}, one per level, in increasing order.", nameof(grids));
            }

            if (g.Rank is < 1 or > MaxGridRank)
            {
                throw new ArgumentException($"Latent grid {i} has rank {g.Rank}, outside 1..{MaxGridRank}.", nameof(grids));
            }

            int ct = CumulativeSize(Axis.T, g.Level);
            if (g.TemporalCells < 1 || g.TemporalCells > ct || g.TemporalCells > MaxBase || ct % g.TemporalCells != 0)
            {
                throw new ArgumentException($"Latent grid {i} has {g.TemporalCells} temporal cells, which does not divide the {ct} cells of level {g.Level} along t.", nameof(grids));
            }

            if (GridCellCount(i) > 1L << 26)
            {
                throw new ArgumentException($"Latent grid {i} has {GridCellCount(i)} cells, more than 2^26.", nameof(grids));
            }

            if (g.ContextHidden is < 0 or > MaxContextHidden || (g.ContextHidden == 0) != (_grids[0].ContextHidden == 0))
            {
                throw new ArgumentException($"Latent grid {i} has a context model of {g.ContextHidden} hidden units; every grid has one of 1..{MaxContextHidden} (model_version 3) or none has (model_version 2).", nameof(grids));
            }

            if (g.Interpolated && (g.Level + 1 > levels - 2 || g.ContextHidden == 0))
            {
                throw new ArgumentException($"Latent grid {i} on level {g.Level} is interpolated onto level {g.Level + 1}: that must be a shared level (at most {levels - 2}), and the grids must have context models (model_version 5).", nameof(grids));
            }
        }

        if (motionBlockLog2 != 0)
        {
            if (motionBlockLog2 is < MotionField.MinBlockLog2 or > MotionField.MaxBlockLog2)
            {
                throw new ArgumentException($"Motion blocks of 2^{motionBlockLog2} samples: the exponent must be {MotionField.MinBlockLog2}..{MotionField.MaxBlockLog2}.", nameof(motionBlockLog2));
            }

            if (!HasContextModels)
            {
                throw new ArgumentException("A motion field (model_version 4) needs latent grids with context models.", nameof(motionBlockLog2));
            }
        }

        if (filterRadius != 0)
        {
            if (filterRadius is < OutputFilter.MinRadius or > OutputFilter.MaxRadius)
            {
                throw new ArgumentException($"An output filter of radius {filterRadius}: the radius must be {OutputFilter.MinRadius}..{OutputFilter.MaxRadius}.", nameof(filterRadius));
            }

            if (!HasContextModels)
            {
                throw new ArgumentException("An output filter (model_version 6) needs latent grids with context models.", nameof(filterRadius));
            }
        }

        if (compactRecords && !HasContextModels)
        {
            throw new ArgumentException("Compact record headers (model_version 7) need latent grids with context models.", nameof(compactRecords));
        }

        MotionBlockLog2 = motionBlockLog2;
        FilterRadius = filterRadius;
        CompactRecords = compactRecords;
    }

    /// <summary>L, the number of levels (and of linear layers).</summary>
    public int Levels { get; }

    /// <summary>H, the hidden width.</summary>
    public int Width { get; }

    /// <summary>O, the number of output channels (1 for 4:0:0, else 3).</summary>
    public int OutputChannels { get; }

    /// <summary>The latent grids (empty for a model_version 1 network).</summary>
    public IReadOnlyList<LatentGrid> Grids => _grids;

    /// <summary>0 without a motion field; else the motion blocks are 2^MotionBlockLog2 luma samples square (model_version 4).</summary>
    public int MotionBlockLog2 { get; }

    /// <summary>0 without an output filter; else the radius R of its diamond of taps (model_version 6).</summary>
    public int FilterRadius { get; }

    /// <summary>Whether the payload's record headers are compact (model_version 7): μ, coding and byte_length only.</summary>
    public bool CompactRecords { get; }

    /// <summary>Whether the latent grids have context models (every grid has one, or none has).</summary>
    internal bool HasContextModels => _grids.Length > 0 && _grids[0].ContextHidden > 0;

    /// <summary>
    /// The model_version a payload of this architecture has: 7 with compact record headers, 6 with an output filter, 5
    /// with an interpolated grid, 4 with a motion field, 3 with context-modelled grids, 2 with other grids, else 1.
    /// </summary>
    public int ModelVersion =>
        CompactRecords ? 7 : FilterRadius != 0 ? 6 : _grids.Any(g => g.Interpolated) ? 5 : MotionBlockLog2 != 0 ? 4 : _grids.Length == 0 ? 1 : HasContextModels ? 3 : 2;

    /// <summary>This architecture with a motion field of blocks of 2^<paramref name="blockLog2"/> samples, or none for 0.</summary>
    internal ModelArchitecture WithMotion(int blockLog2) => new(_bases, Width, OutputChannels, _modulation, _grids, blockLog2, FilterRadius, CompactRecords);

    /// <summary>This architecture with an output filter of radius <paramref name="radius"/>, or none for 0.</summary>
    internal ModelArchitecture WithFilter(int radius) => new(_bases, Width, OutputChannels, _modulation, _grids, MotionBlockLog2, radius, CompactRecords);

    /// <summary>This architecture with compact record headers (model_version 7), or the full ones of its features.</summary>
    internal ModelArchitecture WithCompactRecords(bool compact) => new(_bases, Width, OutputChannels, _modulation, _grids, MotionBlockLog2, FilterRadius, compact);

    /// <summary>This architecture with grid i interpolated onto the next level where <paramref name="interpolated"/>[i] says so (model_version 5 if any is).</summary>
    internal ModelArchitecture WithInterpolatedGrids(IReadOnlyList<bool> interpolated)
    {
        ArgumentNullException.ThrowIfNull(interpolated);
        if (interpolated.Count != _grids.Length)
        {
            throw new ArgumentException($"The architecture has {_grids.Length} grids, not {interpolated.Count}.", nameof(interpolated));
        }

        return new ModelArchitecture(_bases, Width, OutputChannels, _modulation, [.. _grids.Select((g, i) => g with { Interpolated = interpolated[i] })], MotionBlockLog2, FilterRadius, CompactRecords);
    }

    /// <summary>This architecture with a context model of <paramref name="contextHidden"/>[i] hidden units for grid i (model_version 3).</summary>
    internal ModelArchitecture WithContextModels(IReadOnlyList<int> contextHidden)
    {
        ArgumentNullException.ThrowIfNull(contextHidden);
        if (contextHidden.Count != _grids.Length)
        {
            throw new ArgumentException($"The architecture has {_grids.Length} grids, not {contextHidden.Count}.", nameof(contextHidden));
        }

        return new ModelArchitecture(_bases, Width, OutputChannels, _modulation, [.. _grids.Select((g, i) => g with { ContextHidden = contextHidden[i] })], MotionBlockLog2, FilterRadius, CompactRecords);
    }

    /// <summary>The position in <see cref="Grids"/> of the latent grid on a level, or −1 when the level has none.</summary>
    public int GridIndex(int level) => Array.FindIndex(_grids, g => g.Level == level);

    /// <summary>Cells of latent grid i: TemporalCells × C[y][g] × C[x][g].</summary>
    public long GridCellCount(int index)
    {
        var g = _grids[index];
        return (long)g.TemporalCells * CumulativeSize(Axis.Y, g.Level) * CumulativeSize(Axis.X, g.Level);
    }

    /// <summary>B[axis][level].</summary>
    public int Base(Axis axis, int level) => _bases[(int)axis][level];

    public ModulationKind Modulation(int level) => _modulation[level];

    /// <summary>β_l: points in level l's local grid (product of its bases).</summary>
    public int LocalCount(int level) => Base(Axis.T, level) * Base(Axis.Y, level) * Base(Axis.X, level);

    /// <summary>C[axis][level]: cells of the level-l grid along an axis (product of bases 0..l).</summary>
    public int CumulativeSize(Axis axis, int level)
    {
        int size = 1;
        for (int l = 0; l <= level; l++)
        {
            size *= Base(axis, l);
        }

        return size;
    }

    /// <summary>N_axis: the padded grid size along an axis (product of all its bases).</summary>
    public int GridSize(Axis axis) => CumulativeSize(axis, Levels - 1);

    /// <summary>Total cells of the level-l grid.</summary>
    public long CellCount(int level) =>
        (long)CumulativeSize(Axis.T, level) * CumulativeSize(Axis.Y, level) * CumulativeSize(Axis.X, level);

    /// <summary>
    /// The tensors a model of this architecture carries, in the order they are stored (spec §10.3); a payload with a
    /// motion field stores its motion vectors record after them (§10.8), and one with an output filter the filter's
    /// record last (§10.9).
    /// </summary>
    public IReadOnlyList<(TensorRole Role, int Level, int Rows, int Columns)> TensorLayout()
    {
        var layout = new List<(TensorRole, int, int, int)>();
        for (int l = 0; l < Levels; l++)
        {
            layout.Add(Modulation(l) == ModulationKind.Linear
                ? (TensorRole.Modulation, l, Width, AxisCount)
                : (TensorRole.Modulation, l, LocalCount(l), Width));
        }

        layout.Add((TensorRole.Bias, 0, 1, Width));
        for (int l = 2; l < Levels; l++)
        {
            layout.Add((TensorRole.Weight, l, Width, Width));
            layout.Add((TensorRole.Bias, l, 1, Width));
        }

        layout.Add((TensorRole.OutputWeight, 0, OutputChannels, Width));
        layout.Add((TensorRole.OutputBias, 0, 1, OutputChannels));
        for (int i = 0; i < _grids.Length; i++)
        {
            var g = _grids[i];
            layout.Add((TensorRole.GridProjection, g.Level, g.Rank, Width));
            if (g.ContextHidden > 0)
            {
                // model_version 3: the context model, then every latent of the grid in one record (§10.3).
                layout.Add((TensorRole.ContextWeight, g.Level, g.ContextHidden, LatentContext.Count));
                layout.Add((TensorRole.ContextBias, g.Level, 1, g.ContextHidden));
                layout.Add((TensorRole.ContextOutputWeight, g.Level, 2, g.ContextHidden));
                layout.Add((TensorRole.ContextChannelBias, g.Level, g.Rank, 2));
                layout.Add((TensorRole.GridLatents, g.Level, (int)GridCellCount(i), g.Rank));
                continue;
            }

            for (int k = 0; k < g.Rank; k++)
            {
                layout.Add((TensorRole.GridLatents, g.Level, 1, (int)GridCellCount(i)));
            }
        }

        return layout;
    }

    /// <summary>Network parameters (every tensor but the grids' latents), for reporting.</summary>
    public long ParameterCount() => TensorLayout().Where(t => t.Role != TensorRole.GridLatents).Sum(t => (long)t.Rows * t.Columns);

    /// <summary>Latent integers of all grids, for reporting.</summary>
    public long LatentCount() => Enumerable.Range(0, _grids.Length).Sum(i => GridCellCount(i) * _grids[i].Rank);

    /// <summary>
    /// Analytic multiply-accumulates per output sample of shared-activation inference, counting as the ASMR paper's
    /// profiler does (a bias counts as one MAC), with the last level through the sin(a+b) factorisation.
    /// </summary>
    public double MacsPerSample()
    {
        double samples = CellCount(Levels - 1);
        double macs = 0;
        for (int l = 0; l < Levels; l++)
        {
            // Modulation patterns are computed once per local grid point; linear ones cost 3·H each.
            if (Modulation(l) == ModulationKind.Linear)
            {
                macs += (double)LocalCount(l) * AxisCount * Width;
            }

            // The modulation addition happens once per cell of the level's grid.
            macs += (double)CellCount(l) * Width;
        }

        for (int l = 2; l < Levels; l++)
        {
            macs += (double)CellCount(l - 1) * ((double)Width * Width + Width);
        }

        // A latent grid adds k·H per cell of its level; its context model (decoded once per segment) costs, per latent,
        // hidden·6 and hidden biases for the first layer and 2·hidden + 2 for the second.
        for (int i = 0; i < _grids.Length; i++)
        {
            var g = _grids[i];
            macs += (double)CellCount(g.Level) * g.Rank * Width;
            macs += (double)GridCellCount(i) * g.Rank * ((g.ContextHidden * (LatentContext.Count + 3)) + (g.ContextHidden > 0 ? 2 : 0));
        }

        // Output: per parent cell, A and B (2·O·H); per sample, 2·O·H plus O biases.
        macs += (double)CellCount(Levels - 2) * 2 * OutputChannels * Width;
        macs += samples * ((2.0 * OutputChannels * Width) + OutputChannels);

        // The warp of a motion field (§11.8): per plane sample 4 × 4 taps and 4 more for the columns, and 4 for the
        // field between block centres; counted as if every plane had full resolution.
        if (MotionBlockLog2 != 0)
        {
            macs += samples * OutputChannels * MotionMacsPerPlaneSample;
        }

        // The output filter (§11.9): its taps and the offset per plane sample, counted as if every plane had full resolution.
        if (FilterRadius != 0)
        {
            macs += samples * OutputChannels * (OutputFilter.TapCount(FilterRadius) + 1);
        }

        return macs / samples;
    }

    /// <summary>MAC per sample of a plain SIREN with the same depth and width (the paper's mlp_profiler).</summary>
    public double SirenMacsPerSample() =>
        (AxisCount * Width) + Width + ((Levels - 2) * (((double)Width * Width) + Width)) + (Width * OutputChannels) + OutputChannels;
}
