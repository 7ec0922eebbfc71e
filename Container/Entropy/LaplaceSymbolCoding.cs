namespace Asmr.Container.Entropy;

/// <summary>
/// One latent coded against its context model's prediction (draft spec §10.6): the residual r = q − μ_int as a symbol
/// of the table <see cref="LaplaceTables.Table"/>(s, f), and for |r| &gt; R the escape symbol, a sign bypass bit (1 =
/// negative) and |r| − R − 1 as order-0 Exp-Golomb in bypass bits (n ones, a zero, then n bits; n ≤ 30).
/// </summary>
internal static class LaplaceSymbolCoding
{
    /// <summary>The most prefix ones an escape may have: its magnitude then stays below 2^31.</summary>
    public const int MaxEscapePrefix = 30;

    public static void Encode(RangeEncoder encoder, int value, int meanInteger, int fraction, int scaleBin)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        long residual = (long)value - meanInteger;
        var table = LaplaceTables.Table(scaleBin, fraction);
        if (Math.Abs(residual) <= LaplaceTables.MaxResidual)
        {
            encoder.EncodeSymbol(table, (int)residual + LaplaceTables.MaxResidual);
            return;
        }

        encoder.EncodeSymbol(table, LaplaceTables.Escape);
        encoder.EncodeBypassBit(residual < 0 ? 1 : 0);
        ulong excess = (ulong)(Math.Abs(residual) - LaplaceTables.MaxResidual - 1) + 1;
        int n = 63 - System.Numerics.BitOperations.LeadingZeroCount(excess);
        if (n > MaxEscapePrefix)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The residual is too large for an escape code.");
        }

        for (int i = 0; i < n; i++)
        {
            encoder.EncodeBypassBit(1);
        }

        encoder.EncodeBypassBit(0);
        encoder.EncodeBypassBits((uint)(excess - (1UL << n)), n);
    }

    public static int Decode(ref RangeDecoder decoder, int meanInteger, int fraction, int scaleBin)
    {
        int symbol = decoder.DecodeSymbol(LaplaceTables.Table(scaleBin, fraction));
        long residual;
        if (symbol != LaplaceTables.Escape)
        {
            residual = symbol - LaplaceTables.MaxResidual;
        }
        else
        {
            bool negative = decoder.DecodeBypassBit() == 1;
            int n = 0;
            while (decoder.DecodeBypassBit() == 1)
            {
                if (++n > MaxEscapePrefix)
                {
                    decoder.ThrowInvalid($"an escape code has more than {MaxEscapePrefix} prefix ones");
                }
            }

            long magnitude = (1L << n) + decoder.DecodeBypassBits(n) - 1 + LaplaceTables.MaxResidual + 1;
            residual = negative ? -magnitude : magnitude;
        }

        long value = meanInteger + residual;
        if (value is < int.MinValue or > int.MaxValue)
        {
            decoder.ThrowInvalid("a latent lies outside the 32-bit range");
        }

        return (int)value;
    }
}
