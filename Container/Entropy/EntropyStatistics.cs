namespace Asmr.Container.Entropy;

/// <summary>Empirical entropy of integer sequences, for reporting how close coded sizes come to it. Not used by decoding.</summary>
internal static class EntropyStatistics
{
    /// <summary>
    /// The empirical order-0 entropy in bits: Σ over values of −log2(count(value) / n), i.e. n·log2(n) − Σ c·log2(c)
    /// over the distinct values' counts c. 0 for an empty or constant sequence.
    /// </summary>
    public static double Order0EntropyBits(ReadOnlySpan<int> values)
    {
        if (values.Length <= 1)
        {
            return 0;
        }

        int[] sorted = values.ToArray();
        Array.Sort(sorted);
        double sumCLogC = 0;
        int runStart = 0;
        for (int i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] != sorted[runStart])
            {
                int c = i - runStart;
                sumCLogC += c * Math.Log2(c);
                runStart = i;
            }
        }

        double n = sorted.Length;
        return Math.Max(0, (n * Math.Log2(n)) - sumCLogC);
    }

    /// <summary><see cref="Order0EntropyBits"/> / 8.</summary>
    public static double Order0EntropyBytes(ReadOnlySpan<int> values) => Order0EntropyBits(values) / 8;
}
