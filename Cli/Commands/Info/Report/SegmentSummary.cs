namespace Asmr.Cli.Commands.Info.Report;

/// <summary>One segment: its frames, the size of its model and what is in it.</summary>
/// <param name="Index">Position in the file, from 0.</param>
/// <param name="FirstFrame">The first frame it covers.</param>
/// <param name="Frames">How many frames it covers.</param>
/// <param name="ModelBytes">Bytes of the model payload.</param>
/// <param name="Architecture">The network's shape, or null if the payload could not be read.</param>
/// <param name="Tensors">Per-tensor coding statistics (empty if the payload could not be read).</param>
internal sealed record SegmentSummary(
    int Index,
    int FirstFrame,
    int Frames,
    long ModelBytes,
    ArchitectureSummary? Architecture,
    IReadOnlyList<TensorSummary> Tensors)
{
    /// <summary>The last frame it covers (inclusive).</summary>
    public int LastFrame => FirstFrame + Frames - 1;

    /// <summary>Σ coded bytes over the tensors.</summary>
    public long CodedBytes => Tensors.Sum(t => t.CodedBytes);

    /// <summary>Σ order-0 entropy over the tensors, in bytes.</summary>
    public double EntropyBytes => Tensors.Sum(t => t.EntropyBytes);

    /// <summary>Whether the model codes its latents with context models (model_version 3 to 7).</summary>
    public bool HasContextModels => Tensors.Any(t => t.Role.StartsWith("context_", StringComparison.Ordinal));

    /// <summary>
    /// Coded bytes by component: the network (every tensor but latents, context models, motion vectors and the output
    /// filter), each level's latents, the context models and, in a model with them, the motion vectors and the output
    /// filter, in that order.
    /// </summary>
    public IReadOnlyList<ComponentBytes> Components =>
    [
        new("network", Tensors.Where(t => t.Role != InfoNames.Role(Container.Model.TensorRole.GridLatents) && t.Role != MotionRole && t.Role != FilterRole && !t.Role.StartsWith("context_", StringComparison.Ordinal)).Sum(t => t.CodedBytes)),
        .. Tensors.Where(t => t.Role == InfoNames.Role(Container.Model.TensorRole.GridLatents))
            .GroupBy(t => t.Level)
            .Select(g => new ComponentBytes($"latents level {g.Key}", g.Sum(t => t.CodedBytes))),
        new("context models", Tensors.Where(t => t.Role.StartsWith("context_", StringComparison.Ordinal)).Sum(t => t.CodedBytes)),
        .. Tensors.Where(t => t.Role == MotionRole).Select(t => new ComponentBytes("motion vectors", t.CodedBytes)),
        .. Tensors.Where(t => t.Role == FilterRole).Select(t => new ComponentBytes("output filter", t.CodedBytes)),
    ];

    private static string MotionRole => InfoNames.Role(Container.Model.TensorRole.MotionVectors);

    private static string FilterRole => InfoNames.Role(Container.Model.TensorRole.OutputFilter);

    /// <summary>Model header and tensor record headers: <see cref="ModelBytes"/> − <see cref="CodedBytes"/>.</summary>
    public long OverheadBytes => Tensors.Count == 0 ? 0 : ModelBytes - CodedBytes;
}
