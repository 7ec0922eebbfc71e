namespace Asmr.Conformance.Generator;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014), written out here so that the vectors do not depend on the runtime's
/// <see cref="Random"/> implementation: the same seed gives the same integers on every platform and .NET version.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [lo, hi] (inclusive), by rejection so there is no modulo bias.</summary>
    public long Between(long lo, long hi)
    {
        if (hi < lo)
        {
            throw new ArgumentOutOfRangeException(nameof(hi), $"Empty range [{lo}, {hi}].");
        }

        ulong span = (ulong)(hi - lo) + 1;
        if (span == 0)
        {
            return (long)Next();
        }

        ulong limit = ulong.MaxValue - (ulong.MaxValue % span);
        ulong x;
        do
        {
            x = Next();
        }
        while (x >= limit);
        return lo + (long)(x % span);
    }

    /// <summary>One of <paramref name="choices"/>, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> choices) => choices[(int)Between(0, choices.Count - 1)];
}
