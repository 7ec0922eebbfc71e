namespace Asmr.Container;

/// <summary>
/// How sample values map to colour (FORMAT.md §7.1), as ITU-T H.273 code points. The defaults (2, 2, 2) mean
/// "unspecified".
/// </summary>
public sealed record ColorDescription
{
    /// <summary>Everything unspecified, limited range, unknown chroma siting.</summary>
    public static ColorDescription Unspecified { get; } = new();

    /// <summary>BT.709 primaries, transfer and matrix, limited range, chroma sited left (MPEG-2 style).</summary>
    public static ColorDescription Bt709 { get; } = new() { Primaries = 1, Transfer = 1, Matrix = 1, ChromaSamplePosition = 1 };

    /// <summary>H.273 ColourPrimaries (1 = BT.709, 2 = unspecified, 9 = BT.2020, ...).</summary>
    public byte Primaries { get; init; } = 2;

    /// <summary>H.273 TransferCharacteristics (1 = BT.709, 2 = unspecified, 13 = sRGB, 16 = PQ, 18 = HLG, ...).</summary>
    public byte Transfer { get; init; } = 2;

    /// <summary>H.273 MatrixCoefficients (0 = identity/GBR, 1 = BT.709, 2 = unspecified, 9 = BT.2020 NCL, ...).</summary>
    public byte Matrix { get; init; } = 2;

    /// <summary>True for full-range samples (0..2^n−1), false for limited ("video") range.</summary>
    public bool FullRange { get; init; }

    /// <summary>Chroma siting: 0 unknown, 1 left (MPEG-2 "vertical"), 2 top-left (co-sited), 3 centre (JPEG).</summary>
    public byte ChromaSamplePosition { get; init; }
}
