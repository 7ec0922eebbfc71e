using static TorchSharp.torch;

namespace Asmr.Codec.Training;

/// <summary>
/// Draws, for each training step, a fixed-size random subset of the last level's parent cells (ascending, without
/// repeats) from a seeded generator, so that the same seed draws the same cells on every machine.
/// </summary>
internal sealed class CellSampler
{
    private readonly Random _random;
    private readonly int[] _cells;
    private readonly int _count;

    public CellSampler(long cellCount, double fraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cellCount, int.MaxValue);
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction of cells must be in (0, 1].");
        }

        _random = new Random(seed);
        _cells = [.. Enumerable.Range(0, (int)cellCount)];
        _count = Math.Max(1, (int)Math.Round(cellCount * fraction));
    }

    /// <summary>Cells in the subset.</summary>
    public int Count => _count;

    /// <summary>The next step's cells as an int64 index tensor, ascending.</summary>
    public Tensor Draw()
    {
        // A partial Fisher–Yates shuffle: the first _count entries become a uniform random subset.
        for (int i = 0; i < _count; i++)
        {
            int j = i + _random.Next(_cells.Length - i);
            (_cells[i], _cells[j]) = (_cells[j], _cells[i]);
        }

        var subset = _cells[.._count];
        Array.Sort(subset);
        return tensor(subset.Select(c => (long)c).ToArray());
    }
}
