using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Asmr.Decoder.Inference;

/// <summary>
/// The Q14 sine of spec §11.2: SIN[i] = round(16384·sin(2π·i/65536)), half away from zero, and the phase lookups
/// S(φ) = SIN[(φ + 2^15) >> 16] and C(φ) = S(φ + 2^30) on u32 phases (2^32 = one turn).
/// </summary>
internal static class SineTable
{
    /// <summary>Entries in the table.</summary>
    public const int Size = 65536;

    /// <summary>The Q14 unit: sin = 1.0 is stored as 16384.</summary>
    public const int One = 16384;

    /// <summary>SHA-256 of the table as 65536 little-endian i16 (spec §11.2).</summary>
    public const string Sha256Hex = "31cb492c38b916d41235fe23d11cda71470217e50e4fc4c45732ab988b85d8e9";

    private const uint HalfStep = 1u << 15;
    private const uint QuarterTurn = 1u << 30;

    private static readonly short[] Table = Build();

    /// <summary>SIN[i] in the low half and SIN[(i + 16384) mod 65536] in the high half: S and C of one phase.</summary>
    private static readonly int[] PackedTable = BuildPacked(Table);

    public static ReadOnlySpan<short> Values => Table;

    /// <summary>S(φ), Q14.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Sin(uint phase) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Table), (nint)((phase + HalfStep) >> 16));

    /// <summary>C(φ) = S(φ + 2^30), Q14.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Cos(uint phase) => Sin(phase + QuarterTurn);

    /// <summary>
    /// S(φ) in bits 0..15 and C(φ) in bits 16..31 from one lookup: C(φ) = S(φ + 2^30) reads index i + 16384, since
    /// adding 2^30 leaves the rounding bits of φ alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SinCos(uint phase) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(PackedTable), (nint)((phase + HalfStep) >> 16));

    /// <summary>Builds the table from double-precision sines (the only floating point a decoder uses).</summary>
    internal static short[] Build()
    {
        var table = new short[Size];
        for (int i = 0; i < Size; i++)
        {
            table[i] = (short)Math.Round(One * Math.Sin(2 * Math.PI * i / Size), MidpointRounding.AwayFromZero);
        }

        return table;
    }

    private static int[] BuildPacked(short[] table)
    {
        var packed = new int[Size];
        for (int i = 0; i < Size; i++)
        {
            packed[i] = (ushort)table[i] | (table[(i + (Size / 4)) & (Size - 1)] << 16);
        }

        return packed;
    }
}
