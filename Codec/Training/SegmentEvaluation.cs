using static TorchSharp.torch;

namespace Asmr.Codec.Training;

/// <summary>
/// The network's loss and pooled output over a whole segment, without gradients. A large segment runs in blocks of
/// last-level parent cells, each block from its own rows of the finest shared level (<see cref="AsmrNetwork.SharedPre(Tensor?)"/>),
/// so that level's activations, the largest tensors of an evaluation, never exist whole: a 1080p segment of 32 frames
/// would otherwise hold several gigabytes of them at once. A segment that fits in one block (CIF) computes exactly as
/// a single pass, so its numbers, and the files chosen by them, do not depend on the blocking.
/// </summary>
internal static class SegmentEvaluation
{
    /// <summary>Elements of the finest shared level ([cells, H]) a block holds at most: the training steps' bound (<see cref="TrainerOptions.LastLevelChunkElements"/>).</summary>
    public static readonly long BlockElements = new TrainerOptions().LastLevelChunkElements;

    /// <summary>
    /// The training loss over the cells <paramref name="cells"/> lists (tree order, ascending; null = every cell),
    /// scaled as if all cells were present; <paramref name="blockElements"/> overrides <see cref="BlockElements"/>.
    /// </summary>
    public static double Loss(AsmrNetwork network, TrainingTarget target, IReadOnlyList<double> weights, Tensor? cells = null, long? blockElements = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(target);
        using var noGrad = no_grad();
        if (InOnePass(network, target, blockElements))
        {
            using var scope = NewDisposeScope();
            var pre = cells is null ? network.SharedPre() : network.SharedPre().index_select(0, cells);
            return target.Loss(network.ForwardPooled(pre, target.Pooling, cells), weights, cells).item<float>();
        }

        long active = cells?.shape[0] ?? target.CellCount;
        long rows = BlockRows(network, active, blockElements);
        double sum = 0;
        for (long first = 0; first < active; first += rows)
        {
            using var scope = NewDisposeScope();
            long count = Math.Min(rows, active - first);
            var block = cells is null ? arange(first, first + count, dtype: ScalarType.Int64) : cells.narrow(0, first, count);
            var output = network.ForwardPooled(network.SharedPre(block), target.Pooling, block);
            sum += target.PartialLoss(output, weights, block).item<float>();
        }

        return sum * (target.CellCount / (double)active);
    }

    /// <summary>The pooled output of every last-level parent cell, [cells, columns] in tree order (as <see cref="AsmrNetwork.ForwardPooled(Tensor, IReadOnlyList{ValueTuple{int, int}}, Tensor?)"/>).</summary>
    public static Tensor Output(AsmrNetwork network, TrainingTarget target, long? blockElements = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(target);
        using var noGrad = no_grad();
        if (InOnePass(network, target, blockElements))
        {
            return network.ForwardPooled(network.SharedPre(), target.Pooling);
        }

        long cellCount = target.CellCount;
        long rows = BlockRows(network, cellCount, blockElements);
        var result = empty([cellCount, target.SamplesPerCell], ScalarType.Float32);
        for (long first = 0; first < cellCount; first += rows)
        {
            using var scope = NewDisposeScope();
            long count = Math.Min(rows, cellCount - first);
            var block = arange(first, first + count, dtype: ScalarType.Int64);
            result.narrow(0, first, count).copy_(network.ForwardPooled(network.SharedPre(block), target.Pooling, block));
        }

        return result;
    }

    /// <summary>
    /// Whether the whole segment's finest shared level fits in one block (then an evaluation computes it whole); the experimental time and residual grids are evaluated in one pass (they are used on small clips only).
    /// </summary>
    private static bool InOnePass(AsmrNetwork network, TrainingTarget target, long? blockElements) =>
        BlockRows(network, target.CellCount, blockElements) >= target.CellCount || network.TimeGridIndex >= 0 || network.ResidualGridIndex >= 0;

    /// <summary>Cells per block for <paramref name="cells"/> cells.</summary>
    private static long BlockRows(AsmrNetwork network, long cells, long? blockElements) =>
        Trainer.LastLevelChunkRows(cells, network.Architecture.Width, blockElements ?? BlockElements);
}
