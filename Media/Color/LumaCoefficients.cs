namespace Asmr.Media.Color;

/// <summary>
/// The luma weights K<sub>R</sub> and K<sub>B</sub> of a Y′CbCr matrix (ITU-T H.273 §8.3); K<sub>G</sub> = 1 − K<sub>R</sub> − K<sub>B</sub>.
/// </summary>
/// <param name="Kr">Weight of R′ in Y′.</param>
/// <param name="Kb">Weight of B′ in Y′.</param>
public readonly record struct LumaCoefficients(double Kr, double Kb)
{
    /// <summary>Weight of G′ in Y′.</summary>
    public double Kg => 1.0 - Kr - Kb;

    /// <summary>
    /// The coefficients for an H.273 <c>matrix_coefficients</c> code point, or <see langword="null"/> for identity (0, GBR planes).
    /// Supported: 0 identity; 1 BT.709; 2 unspecified → BT.601 when <paramref name="height"/> ≤ 576, else BT.709 (ffmpeg's rule);
    /// 3 (reserved) is treated as unspecified; 4 FCC (0.30, 0.11); 5 and 6 BT.601 (0.299, 0.114); 7 SMPTE 240M (0.212, 0.087);
    /// 9 and 10 BT.2020 (0.2627, 0.0593; the constant-luminance system 10 is approximated by its non-constant-luminance matrix).
    /// </summary>
    /// <exception cref="NotSupportedException">YCgCo (8), SMPTE 2085 (11), chromaticity-derived (12, 13), ICtCp (14) or a reserved value above 14.</exception>
    public static LumaCoefficients? ForMatrix(byte matrix, int height) => matrix switch
    {
        0 => null,
        1 => Bt709,
        2 or 3 => height <= 576 ? Bt601 : Bt709,
        4 => new LumaCoefficients(0.30, 0.11),
        5 or 6 => Bt601,
        7 => new LumaCoefficients(0.212, 0.087),
        9 or 10 => new LumaCoefficients(0.2627, 0.0593),
        _ => throw new NotSupportedException(
            $"Colour conversion for matrix_coefficients {matrix} (ITU-T H.273) is not supported; supported are 0, 1, 2, 4, 5, 6, 7, 9 and 10."),
    };

    /// <summary>ITU-R BT.601 (H.273 matrix 5 and 6).</summary>
    public static LumaCoefficients Bt601 { get; } = new(0.299, 0.114);

    /// <summary>ITU-R BT.709 (H.273 matrix 1).</summary>
    public static LumaCoefficients Bt709 { get; } = new(0.2126, 0.0722);
}
