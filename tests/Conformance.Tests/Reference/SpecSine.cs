namespace Asmr.Conformance.Tests.Reference;

/// <summary>§11.2: SIN[i] = round(16384·sin(2π·i/65536)) half away from zero; S and C on u32 phases.</summary>
internal static class SpecSine
{
    public static short[] Table { get; } = Build();

    public static int S(uint phi) => Table[unchecked(phi + 32768u) >> 16];

    public static int C(uint phi) => S(unchecked(phi + (1u << 30)));

    private static short[] Build()
    {
        var table = new short[65536];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (short)Math.Round(16384.0 * Math.Sin(2.0 * Math.PI * i / 65536.0), MidpointRounding.AwayFromZero);
        }

        return table;
    }
}
