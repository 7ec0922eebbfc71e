namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// The tables T(s, f) of spec §10.6, built from the 80 listed ρ_s by the five steps of the text, independently of
/// Asmr.Container's LaplaceTables.
/// </summary>
internal static class SpecLaplaceTables
{
    /// <summary>ρ_s for s = 0..79, as the spec lists them.</summary>
    public static readonly int[] Rho =
    [
        39750, 41434, 43041, 44569, 46019, 47389, 48681, 49898, 51039, 52110, 53111, 54045, 54917, 55729, 56484, 57185,
        57835, 58438, 58997, 59514, 59992, 60434, 60842, 61218, 61565, 61886, 62181, 62452, 62703, 62933, 63145, 63340,
        63520, 63685, 63836, 63976, 64104, 64221, 64329, 64429, 64520, 64604, 64681, 64751, 64816, 64875, 64930, 64980,
        65026, 65068, 65107, 65142, 65175, 65205, 65232, 65257, 65280, 65302, 65321, 65339, 65355, 65370, 65384, 65397,
        65408, 65419, 65428, 65437, 65446, 65453, 65460, 65466, 65472, 65477, 65482, 65487, 65491, 65495, 65498, 65501,
    ];

    /// <summary>T(s, f) at index 16·s + f: 33 cumulative frequencies.</summary>
    public static readonly int[][] T = Build();

    private static int[][] Build()
    {
        var tables = new int[80 * 16][];
        for (int s = 0; s < 80; s++)
        {
            // Step 1: d(0) = 2^16, d(j) = (d(j−1)·ρ_s) >> 16 for j = 1..557.
            long[] d = new long[558];
            d[0] = 1L << 16;
            for (int j = 1; j <= 557; j++)
            {
                d[j] = (d[j - 1] * Rho[s]) >> 16;
            }

            for (int f = 0; f < 16; f++)
            {
                // Step 2: m(r) = Σ_{u=0..15} d(|32r − 15 + 2u − 2f|).
                long M(int r)
                {
                    long sum = 0;
                    for (int u = 0; u < 16; u++)
                    {
                        sum += d[Math.Abs((32 * r) - 15 + (2 * u) - (2 * f))];
                    }

                    return sum;
                }

                // Step 3: m_i = m(i − 15) for i ≤ 30; the escape m_31 = ((m(16) + m(−16))·2^16) div (2^16 − d(32)).
                long[] m = new long[32];
                for (int i = 0; i <= 30; i++)
                {
                    m[i] = M(i - 15);
                }

                m[31] = ((M(16) + M(-16)) << 16) / ((1L << 16) - d[32]);

                // Step 4: F_i = 1 + (m_i·(2^15 − 32)) div M; the first largest m_i takes the remainder.
                long total = m.Sum();
                long[] frequency = [.. m.Select(x => 1 + (x * ((1 << 15) - 32) / total))];
                int largest = Array.IndexOf(m, m.Max());
                frequency[largest] += (1 << 15) - frequency.Sum();

                // Step 5: the cumulative frequencies.
                int[] c = new int[33];
                for (int i = 0; i < 32; i++)
                {
                    c[i + 1] = c[i] + (int)frequency[i];
                }

                tables[(16 * s) + f] = c;
            }
        }

        return tables;
    }
}
