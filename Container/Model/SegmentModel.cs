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

        FirstFrame = firstFrame;
        FrameCount = frameCount;
        Architecture = architecture;
        Tensors = tensors;
    }

    public int FirstFrame { get; }

    public int FrameCount { get; }

    public ModelArchitecture Architecture { get; }

    public IReadOnlyList<QuantizedTensor> Tensors { get; }

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
        if (Architecture.ModelVersion == ModelPayloadFormat.ContextModelVersion)
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
}
