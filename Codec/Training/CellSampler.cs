using static TorchSharp.torch;

namespace Asmr.Codec.Training;

/// <summary>
/// Draws, for each training step, a fixed-size random subset of the last level's parent cells (ascending, without
/// repeats) from a seeded generator of its own (SplitMix64, not System.Random, whose seeded sequence .NET does not
/// promise to keep), so that the same seed draws the same cells on every machine and runtime.
/// </summary>
internal sealed class CellSampler
{
    private ulong _state;
    private readonly long[] _cells;
    private readonly int _count;

    public CellSampler(long cellCount, double fraction, long seed, int minimum = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cellCount, int.MaxValue);
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction of cells must be in (0, 1].");
        }

        _state = unchecked((ulong)seed);
        _cells = [.. Enumerable.Range(0, (int)cellCount).Select(c => (long)c)];
        _count = (int)Math.Min(cellCount, Math.Max(Math.Max(1, minimum), Math.Round(cellCount * fraction)));
    }

    /// <summary>The next step's cells as an int64 index tensor, ascending.</summary>
    public Tensor Draw()
    {
        // A partial Fisher–Yates shuffle: the first _count entries become a uniform random subset.
        for (int i = 0; i < _count; i++)
        {
            int j = i + Below(_cells.Length - i);
            (_cells[i], _cells[j]) = (_cells[j], _cells[i]);
        }

        var subset = _cells[.._count];
        Array.Sort(subset);
        return tensor(subset);
    }

    /// <summary>A number in [0, <paramref name="n"/>): the top 32 bits of the next SplitMix64 output scaled to n.</summary>
    private int Below(int n)
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        ulong z = _state;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(((z >> 32) * (ulong)n) >> 32);
    }
}
