using System.Runtime.CompilerServices;

namespace Asmr.Container.Entropy;

/// <summary>
/// The count-based probability model of one binary context (spec §10.5): counts n0, n1 of the bits coded so far,
/// P(0) = (2·n0 + 1) / (2·(n0 + n1) + 2) in units of 2^-12, and both counts halved (rounding up) when their sum
/// reaches <see cref="CountLimit"/>. <see cref="P0"/> is kept up to date by <see cref="Update"/> so that coding a
/// bit never waits for the division.
/// </summary>
internal struct AdaptiveBitContext
{
    /// <summary>Probabilities are integers in units of 2^-<see cref="ProbabilityBits"/>.</summary>
    public const int ProbabilityBits = 12;

    /// <summary>When n0 + n1 reaches this value after an update, both counts are halved.</summary>
    public const int CountLimit = 1024;

    private const int MinP0 = 1;
    private const int MaxP0 = (1 << ProbabilityBits) - 1;

    private ushort _n0;
    private ushort _n1;
    private ushort _p0;

    /// <summary>A context that has coded no bit yet: n0 = n1 = 0, P(0) = 1/2.</summary>
    public static AdaptiveBitContext Fresh => new() { _p0 = (ushort)Probability(0, 0) };

    /// <summary>Zero bits counted (after any halving).</summary>
    public readonly int Count0 => _n0;

    /// <summary>One bits counted (after any halving).</summary>
    public readonly int Count1 => _n1;

    /// <summary>P(next bit = 0) in units of 2^-12, always within 1..4095 (in fact 2..4094).</summary>
    public readonly uint P0
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _p0;
    }

    /// <summary>
    /// ceil(2^40 / (2·n + 2)) for n = n0 + n1 = 0..1023: multiplying a numerator below 2^23 by it and shifting right
    /// by 40 gives the exact truncated quotient (the error is below 2^-17, while a non-integral quotient with a
    /// denominator ≤ 2048 is at least 2^-11 below the next integer). Saves a division per coded bit.
    /// </summary>
    private static readonly ulong[] Reciprocals = BuildReciprocals();

    /// <summary>The spec's p0 for counts n0, n1 (n0 + n1 &lt; <see cref="CountLimit"/>), by the formula with a division.</summary>
    public static int Probability(int n0, int n1) =>
        Math.Clamp((((2 * n0) + 1) << ProbabilityBits) / ((2 * (n0 + n1)) + 2), MinP0, MaxP0);

    /// <summary>The same value as <see cref="Probability"/>, computed with a multiplication instead of the division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FastProbability(int n0, int n1)
    {
        ulong numerator = (ulong)(((2 * n0) + 1) << ProbabilityBits);
        return (int)((numerator * Reciprocals[n0 + n1]) >> 40); // already within 2..4094: the clamp never binds
    }

    /// <summary>Counts a coded bit (0 or 1), halves the counts at the limit and recomputes <see cref="P0"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(int bit)
    {
        int n0 = _n0 + (bit ^ 1);
        int n1 = _n1 + bit;
        if (n0 + n1 >= CountLimit)
        {
            n0 = (n0 + 1) >> 1;
            n1 = (n1 + 1) >> 1;
        }

        _n0 = (ushort)n0;
        _n1 = (ushort)n1;
        _p0 = (ushort)FastProbability(n0, n1);
    }

    private static ulong[] BuildReciprocals()
    {
        ulong[] table = new ulong[CountLimit];
        for (int n = 0; n < CountLimit; n++)
        {
            ulong d = (ulong)((2 * n) + 2);
            table[n] = ((1UL << 40) + d - 1) / d;
        }

        return table;
    }
}
