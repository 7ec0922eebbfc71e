namespace Asmr.Container.Entropy;

/// <summary>
/// The fixed cumulative-frequency tables of the latents' context model (draft spec §10.6): one table per scale bin s
/// and mean fraction f, over the residual symbols r = −R..R and an escape. Every number follows from integer
/// arithmetic on the 80 listed decay ratios, so every decoder builds the same tables without floating point.
/// </summary>
/// <remarks>
/// A latent q predicted with mean μ = μ_int + f/16 (f = 0..15) and Laplace scale b_s = 2^((s − 32)/8) codes the
/// residual r = q − μ_int: symbol r + R when |r| ≤ R, else the escape symbol (<see cref="Escape"/>). Scales step by an
/// eighth of an octave, so choosing the nearest bin costs at most a few thousandths of a bit per symbol.
/// </remarks>
internal static class LaplaceTables
{
    /// <summary>Probabilities are in units of 2^−15.</summary>
    public const int ProbabilityBits = 15;

    /// <summary>The largest residual with a symbol of its own (R).</summary>
    public const int MaxResidual = 15;

    /// <summary>Residual symbols plus the escape.</summary>
    public const int SymbolCount = (2 * MaxResidual) + 2;

    /// <summary>The escape symbol: |r| &gt; R, followed by a sign and an Exp-Golomb magnitude in bypass bits.</summary>
    public const int Escape = SymbolCount - 1;

    /// <summary>Mean fractions per unit (f = 0..15 sixteenths).</summary>
    public const int Fractions = 16;

    /// <summary>Scale bins s = 0..79: b_s = 2^((s − 32)/8), from 1/16 to about 59.</summary>
    public const int ScaleBins = 80;

    private const int Total = 1 << ProbabilityBits;
    private const int One = 1 << 16;

    /// <summary>
    /// ρ_s = round(2^16 · exp(−1 / (32 · b_s))): the Laplace density's decay over 1/32 of a unit at scale bin s. The
    /// only numbers here that came from floating point; the spec lists them as they are.
    /// </summary>
    private static readonly int[] DecayQ16 =
    [
        39750, 41434, 43041, 44569, 46019, 47389, 48681, 49898, 51039, 52110, 53111, 54045, 54917, 55729, 56484, 57185,
        57835, 58438, 58997, 59514, 59992, 60434, 60842, 61218, 61565, 61886, 62181, 62452, 62703, 62933, 63145, 63340,
        63520, 63685, 63836, 63976, 64104, 64221, 64329, 64429, 64520, 64604, 64681, 64751, 64816, 64875, 64930, 64980,
        65026, 65068, 65107, 65142, 65175, 65205, 65232, 65257, 65280, 65302, 65321, 65339, 65355, 65370, 65384, 65397,
        65408, 65419, 65428, 65437, 65446, 65453, 65460, 65466, 65472, 65477, 65482, 65487, 65491, 65495, 65498, 65501,
    ];

    private static readonly ushort[] Cumulative = Build();

    /// <summary>
    /// The cumulative frequencies of (s, f): <see cref="SymbolCount"/> + 1 values from 0 to 2^15; symbol i has
    /// frequency c[i + 1] − c[i] ≥ 1.
    /// </summary>
    public static ReadOnlySpan<ushort> Table(int scaleBin, int fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scaleBin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(scaleBin, ScaleBins);
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fraction, Fractions);
        return Cumulative.AsSpan(((scaleBin * Fractions) + fraction) * (SymbolCount + 1), SymbolCount + 1);
    }

    /// <summary>Every table, in (s, f) order: what the spec's hash covers.</summary>
    internal static ReadOnlySpan<ushort> All => Cumulative;

    private static ushort[] Build()
    {
        // The farthest thirty-second any mass reaches: |32·(−R−1) − 15 − 2·15|.
        const int span = (32 * (MaxResidual + 1)) + 45;
        var result = new ushort[ScaleBins * Fractions * (SymbolCount + 1)];
        var density = new long[span + 1];
        var mass = new long[SymbolCount];
        for (int s = 0; s < ScaleBins; s++)
        {
            // d(j): the density at j thirty-seconds from the mean, relative to the peak, in Q16.
            density[0] = One;
            for (int j = 1; j <= span; j++)
            {
                density[j] = (density[j - 1] * DecayQ16[s]) >> 16; // truncated, so the far tail reaches 0
            }

            for (int f = 0; f < Fractions; f++)
            {
                for (int r = -MaxResidual; r <= MaxResidual; r++)
                {
                    mass[r + MaxResidual] = Mass(density, r, f);
                }

                // The tails beyond ±R are geometric: m(±(R+1)) / (1 − ρ^32) on each side.
                long denominator = One - density[32];
                mass[Escape] = ((Mass(density, MaxResidual + 1, f) + Mass(density, -MaxResidual - 1, f)) * One) / denominator;
                Normalize(mass, result.AsSpan(((s * Fractions) + f) * (SymbolCount + 1), SymbolCount + 1));
            }
        }

        return result;
    }

    /// <summary>
    /// The mass of residual r for mean fraction f: the density at the midpoints of the 16 sixteenths of [r − ½, r + ½),
    /// which lie an odd number of thirty-seconds from the mean f/16 (so f = 0 is exactly symmetric).
    /// </summary>
    private static long Mass(long[] density, int r, int f)
    {
        long sum = 0;
        for (int u = 0; u < 16; u++)
        {
            sum += density[Math.Abs((32 * r) - 15 + (2 * u) - (2 * f))];
        }

        return sum;
    }

    /// <summary>
    /// Frequencies that sum to 2^15, each at least 1: 1 + m_i·(2^15 − n) div Σm, the remainder to the largest mass
    /// (the first, on a tie).
    /// </summary>
    private static void Normalize(long[] mass, Span<ushort> cumulative)
    {
        long sum = 0;
        int largest = 0;
        for (int i = 0; i < mass.Length; i++)
        {
            sum += mass[i];
            if (mass[i] > mass[largest])
            {
                largest = i;
            }
        }

        Span<int> frequency = stackalloc int[SymbolCount];
        int assigned = 0;
        for (int i = 0; i < mass.Length; i++)
        {
            frequency[i] = 1 + (int)(mass[i] * (Total - SymbolCount) / sum);
            assigned += frequency[i];
        }

        frequency[largest] += Total - assigned;
        cumulative[0] = 0;
        for (int i = 0; i < SymbolCount; i++)
        {
            cumulative[i + 1] = (ushort)(cumulative[i] + frequency[i]);
        }
    }
}
