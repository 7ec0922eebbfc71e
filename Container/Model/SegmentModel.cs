using Asmr.Container.Entropy;

namespace Asmr.Container.Model;

/// <summary>
/// The decodable model of one temporal segment: the architecture, the frames it covers and its quantized tensors
/// in the order <see cref="ModelArchitecture.TensorLayout"/> gives. The network's grid may be larger than the video
/// (padding); the decoder crops it to the sequence size and to <see cref="FrameCount"/> frames.
/// </summary>
public sealed class SegmentModel
{
    public SegmentModel(int firstFrame, int frameCount, ModelArchitecture architecture, IReadOnlyList<QuantizedTensor> tensors)
        : this(firstFrame, frameCount, architecture, tensors, null)
    {
    }

    /// <param name="motion">
    /// The segment's motion field: required when <paramref name="architecture"/> has motion blocks (model_version 4),
    /// with their size and one frame of vectors per frame of the segment; else null.
    /// </param>
    /// <param name="motionCoding">How the motion vectors record is coded: raw or adaptive.</param>
    /// <param name="filter">
    /// The segment's output filter: required when <paramref name="architecture"/> has a filter radius (model_version 6),
    /// of that radius and one plane per output channel; else null.
    /// </param>
    /// <param name="filterCoding">How the output filter record is coded: raw or adaptive.</param>
    internal SegmentModel(
        int firstFrame,
        int frameCount,
        ModelArchitecture architecture,
        IReadOnlyList<QuantizedTensor> tensors,
        MotionField? motion,
        EntropyCoding motionCoding = EntropyCoding.Adaptive,
        OutputFilter? filter = null,
        EntropyCoding filterCoding = EntropyCoding.Adaptive)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentOutOfRangeException.ThrowIfNegative(firstFrame);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameCount);
        if (frameCount > architecture.GridSize(Axis.T))
        {
            throw new ArgumentException($"Segment has {frameCount} frames but the grid has only {architecture.GridSize(Axis.T)} on the time axis.", nameof(frameCount));
        }

        var layout = architecture.TensorLayout();
        if (tensors.Count != layout.Count)
        {
            throw new ArgumentException($"Architecture needs {layout.Count} tensors, got {tensors.Count}.", nameof(tensors));
        }

        for (int i = 0; i < layout.Count; i++)
        {
            var (role, level, rows, columns) = layout[i];
            var t = tensors[i];
            if (t.Role != role || t.Level != level || t.Rows != rows || t.Columns != columns)
            {
                throw new ArgumentException($"Tensor {i} is {t} but the architecture needs {role}[{level}] {rows}×{columns}.", nameof(tensors));
            }
        }

        if ((motion is null) != (architecture.MotionBlockLog2 == 0))
        {
            throw new ArgumentException(motion is null
                ? $"The architecture has motion blocks of 2^{architecture.MotionBlockLog2} samples but the model has no motion field."
                : "The model has a motion field but its architecture has no motion blocks.", nameof(motion));
        }

        if (motion is not null && (motion.BlockLog2 != architecture.MotionBlockLog2 || motion.FrameCount != frameCount))
        {
            throw new ArgumentException(
                $"The motion field has {motion.FrameCount} frames of blocks of 2^{motion.BlockLog2}; the model needs {frameCount} of 2^{architecture.MotionBlockLog2}.", nameof(motion));
        }

        if (motionCoding is not (EntropyCoding.Raw or EntropyCoding.Adaptive))
        {
            throw new ArgumentException($"The motion vectors record is raw or adaptive, not {motionCoding}.", nameof(motionCoding));
        }

        if ((filter is null) != (architecture.FilterRadius == 0))
        {
            throw new ArgumentException(filter is null
                ? $"The architecture has an output filter of radius {architecture.FilterRadius} but the model has none."
                : "The model has an output filter but its architecture has none.", nameof(filter));
        }

        if (filter is not null && (filter.Radius != architecture.FilterRadius || filter.Planes != architecture.OutputChannels))
        {
            throw new ArgumentException(
                $"The output filter has radius {filter.Radius} and {filter.Planes} planes; the model needs radius {architecture.FilterRadius} and {architecture.OutputChannels}.", nameof(filter));
        }

        if (filterCoding is not (EntropyCoding.Raw or EntropyCoding.Adaptive))
        {
            throw new ArgumentException($"The output filter record is raw or adaptive, not {filterCoding}.", nameof(filterCoding));
        }

        FirstFrame = firstFrame;
        FrameCount = frameCount;
        Architecture = architecture;
        Tensors = tensors;
        Motion = motion;
        MotionCoding = motionCoding;
        Filter = filter;
        FilterCoding = filterCoding;
    }

    public int FirstFrame { get; }

    public int FrameCount { get; }

    public ModelArchitecture Architecture { get; }

    public IReadOnlyList<QuantizedTensor> Tensors { get; }

    /// <summary>The motion field that moves each decoded frame before it is shown (model_version 4), else null.</summary>
    internal MotionField? Motion { get; }

    /// <summary>How the motion vectors record is coded (model_version 4).</summary>
    internal EntropyCoding MotionCoding { get; }

    /// <summary>
    /// Every record of the payload in stored order (§10.3): the tensors, then the motion vectors record with a motion
    /// field, then the output filter record with a filter.
    /// </summary>
    internal IReadOnlyList<QuantizedTensor> Records()
    {
        var records = new List<QuantizedTensor>(Tensors);
        if (MotionRecord() is { } motion)
        {
            records.Add(motion);
        }

        if (FilterRecord() is { } filter)
        {
            records.Add(filter);
        }

        return records;
    }

    /// <summary>The output filter applied to every frame as shown (model_version 6), else null.</summary>
    internal OutputFilter? Filter { get; }

    /// <summary>How the output filter record is coded (model_version 6).</summary>
    internal EntropyCoding FilterCoding { get; }

    /// <summary>The output filter record as stored (§10.9): one row per plane, its taps then its offset. Null without a filter.</summary>
    internal QuantizedTensor? FilterRecord() => Filter is null
        ? null
        : new QuantizedTensor(TensorRole.OutputFilter, 0, Filter.Planes, OutputFilter.TapCount(Filter.Radius) + 1, 1, Filter.Values(), FilterCoding);

    /// <summary>
    /// The motion vectors record as stored (§10.8): row (frame·BY + by)·BX + bx, columns y and x, each value the
    /// vector's difference to the same block's in the frame before (frame 0: to zero). Null without motion.
    /// </summary>
    internal QuantizedTensor? MotionRecord() => Motion is null
        ? null
        : new QuantizedTensor(TensorRole.MotionVectors, 0, FrameCount * Motion.BlocksY * Motion.BlocksX, 2, 1, Motion.Differences(), MotionCoding);

    /// <summary>This model with grid i interpolated onto the next level where <paramref name="interpolated"/>[i] says so (model_version 5, spec §11.4); the tensors are unchanged.</summary>
    internal SegmentModel WithInterpolatedGrids(IReadOnlyList<bool> interpolated) =>
        new(FirstFrame, FrameCount, Architecture.WithInterpolatedGrids(interpolated), Tensors, Motion, MotionCoding, Filter, FilterCoding);

    /// <summary>This model with a motion field (model_version 4), or without one for null.</summary>
    internal SegmentModel WithMotion(MotionField? motion, EntropyCoding coding = EntropyCoding.Adaptive) =>
        new(FirstFrame, FrameCount, Architecture.WithMotion(motion?.BlockLog2 ?? 0), Tensors, motion, coding, Filter, FilterCoding);

    /// <summary>This model with compact record headers (model_version 7: μ, coding and byte_length only), or the full ones.</summary>
    internal SegmentModel WithCompactRecords(bool compact = true) =>
        new(FirstFrame, FrameCount, Architecture.WithCompactRecords(compact), Tensors, Motion, MotionCoding, Filter, FilterCoding);

    /// <summary>This model with an output filter (model_version 6), or without one for null.</summary>
    internal SegmentModel WithFilter(OutputFilter? filter, EntropyCoding coding = EntropyCoding.Adaptive) =>
        new(FirstFrame, FrameCount, Architecture.WithFilter(filter?.Radius ?? 0), Tensors, Motion, MotionCoding, filter, coding);

    public QuantizedTensor ModulationOf(int level) => Find(TensorRole.Modulation, level);

    /// <summary>The phase bias of level 0 or of a level ≥ 2.</summary>
    public QuantizedTensor BiasOf(int level) => Find(TensorRole.Bias, level);

    /// <summary>The hidden weight matrix of a level ≥ 2.</summary>
    public QuantizedTensor WeightOf(int level) => Find(TensorRole.Weight, level);

    public QuantizedTensor OutputWeight => Find(TensorRole.OutputWeight, 0);

    public QuantizedTensor OutputBias => Find(TensorRole.OutputBias, 0);

    /// <summary>The projection U (k × H) of the latent grid on a level (model_version 2 and 3).</summary>
    public QuantizedTensor GridProjectionOf(int level) => Find(TensorRole.GridProjection, level);

    /// <summary>
    /// The latent records of the grid on a level: k tensors of 1 × cells in channel order (model_version 2), or one of
    /// cells × k (model_version 3).
    /// </summary>
    public IReadOnlyList<QuantizedTensor> GridLatentsOf(int level) =>
        [.. Tensors.Where(t => t.Role == TensorRole.GridLatents && t.Level == level)];

    /// <summary>
    /// The latents of the grid on a level as cells × k, row-major (row = grid cell n, column = channel), whichever
    /// model_version stored them.
    /// </summary>
    internal int[] GridLatentMatrixOf(int level)
    {
        var records = GridLatentsOf(level);
        if (Architecture.ModelVersion >= ModelPayloadFormat.ContextModelVersion)
        {
            return records[0].Values;
        }

        // model_version 2: one record per channel.
        int k = records.Count;
        int cells = records[0].Values.Length;
        var matrix = new int[cells * k];
        for (int i = 0; i < k; i++)
        {
            int[] channel = records[i].Values;
            for (int n = 0; n < cells; n++)
            {
                matrix[(n * k) + i] = channel[n];
            }
        }

        return matrix;
    }

    /// <summary>
    /// The context model of the grid on a level (model_version 3, spec §10.7) from its four records; the stored
    /// per-channel biases stand for the output biases too, so those are 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter lies outside ±2^15.</exception>
    internal LatentContextModel ContextModelOf(int level)
    {
        int hidden = Architecture.Grids[Architecture.GridIndex(level)].ContextHidden;
        if (hidden == 0)
        {
            throw new InvalidOperationException($"The grid on level {level} has no context model (model_version 2).");
        }

        return new LatentContextModel(
            hidden,
            Find(TensorRole.ContextWeight, level).Values,
            Find(TensorRole.ContextBias, level).Values,
            Find(TensorRole.ContextOutputWeight, level).Values,
            [0, 0],
            Find(TensorRole.ContextChannelBias, level).Values);
    }

    private QuantizedTensor Find(TensorRole role, int level) =>
        Tensors.FirstOrDefault(t => t.Role == role && t.Level == level)
        ?? throw new InvalidOperationException($"This model has no {role} tensor for level {level}.");

    /// <summary>
    /// This model_version 2 model as model_version 3 (spec §10.3, §10.7): the same network and latents (one cells × k
    /// record per grid, context-coded) with <paramref name="contextModels"/>[i] coding grid i. A model's output biases
    /// B2 are folded into its per-channel biases, which is what the format stores.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The model has no grids or has context models already, a context model does not fit its grid's rank, or a folded
    /// bias leaves ±2^15.
    /// </exception>
    internal SegmentModel WithContextModels(IReadOnlyList<LatentContextModel> contextModels)
    {
        ArgumentNullException.ThrowIfNull(contextModels);
        if (Architecture.ModelVersion != ModelPayloadFormat.GridModelVersion)
        {
            throw new ArgumentException($"Only a model_version 2 model gains context models; this one is model_version {Architecture.ModelVersion}.", nameof(contextModels));
        }

        var architecture = Architecture.WithContextModels([.. contextModels.Select(m => m.Hidden)]);
        var tensors = new List<QuantizedTensor>();
        foreach (var (role, level, rows, columns) in architecture.TensorLayout())
        {
            int grid = architecture.GridIndex(level);
            tensors.Add(role switch
            {
                TensorRole.GridLatents => new QuantizedTensor(role, level, rows, columns, 1, GridLatentMatrixOf(level), EntropyCoding.Context),
                TensorRole.ContextWeight or TensorRole.ContextBias or TensorRole.ContextOutputWeight or TensorRole.ContextChannelBias =>
                    new QuantizedTensor(role, level, rows, columns, 1, ContextParameters(contextModels[grid], role, architecture.Grids[grid].Rank)),
                _ => Find(role, level),
            });
        }

        return new SegmentModel(FirstFrame, FrameCount, architecture, tensors, Motion, MotionCoding);
    }

    /// <summary>
    /// This model_version 3 or 7 model as model_version 2: its context models dropped, its latents one adaptive-coded
    /// record per channel. A model without context models comes back as it is.
    /// </summary>
    internal SegmentModel WithoutContextModels()
    {
        if (!Architecture.HasContextModels)
        {
            return this;
        }

        var architecture = Architecture.WithCompactRecords(false).WithContextModels([.. Architecture.Grids.Select(_ => 0)]);
        var tensors = new List<QuantizedTensor>();
        var channel = new Dictionary<int, int>();
        foreach (var (role, level, rows, columns) in architecture.TensorLayout())
        {
            if (role != TensorRole.GridLatents)
            {
                tensors.Add(Find(role, level));
                continue;
            }

            int c = channel[level] = channel.GetValueOrDefault(level, -1) + 1;
            int k = Architecture.Grids[Architecture.GridIndex(level)].Rank;
            int[] matrix = GridLatentMatrixOf(level);
            tensors.Add(new QuantizedTensor(role, level, rows, columns, 1, [.. Enumerable.Range(0, columns).Select(n => matrix[(n * k) + c])]));
        }

        return new SegmentModel(FirstFrame, FrameCount, architecture, tensors);
    }

    /// <summary>A context model's parameters of one stored role (§10.3), its output biases folded into the channel biases.</summary>
    internal static int[] ContextParameters(LatentContextModel model, TensorRole role, int rank)
    {
        if (model.Channels != rank)
        {
            throw new ArgumentException($"A context model has biases for {model.Channels} channels; its grid has rank {rank}.", nameof(model));
        }

        int[] all = model.Parameters();
        int j = model.Hidden;
        int inputs = LatentContextModel.Inputs;
        int b2 = (j * inputs) + j + (2 * j);
        return role switch
        {
            TensorRole.ContextWeight => all[..(j * inputs)],
            TensorRole.ContextBias => all[(j * inputs)..((j * inputs) + j)],
            TensorRole.ContextOutputWeight => all[((j * inputs) + j)..b2],
            _ => [.. Enumerable.Range(0, 2 * rank).Select(i => FoldedBias(all[b2 + 2 + i] + all[b2 + (i % 2)]))],
        };
    }

    private static int FoldedBias(int value) =>
        value is >= -ModelPayloadFormat.ContextParameterLimit and <= ModelPayloadFormat.ContextParameterLimit
            ? value
            : throw new ArgumentException($"A channel bias plus the output bias is {value}; context model parameters lie in ±2^15.");
}
