using Asmr.Container;
using Asmr.Player.Video;

namespace Asmr.Player.Color;

/// <summary>
/// Converts interleaved R, G, B samples into a <see cref="VideoFrame"/> (the inverse of <see cref="YuvToRgb"/>), in integer
/// fixed point with exact rounding, for RGB sources such as PNG images.
/// </summary>
/// <remarks>
/// <para>Let I be the input depth (Mi = 2^I − 1), D the frame depth, S = 20, and yOff, yRange, cOff, cRange as in
/// <see cref="YuvToRgb"/> for depth D. With K<sub>R</sub>, K<sub>B</sub>, K<sub>G</sub> of the matrix and
/// q(x) = round_half_away_from_zero(x·2^S), the coefficients are q of:
/// Y: yRange·(K<sub>R</sub>, K<sub>G</sub>, K<sub>B</sub>)/Mi;
/// Cb: cRange·(−K<sub>R</sub>, −K<sub>G</sub>, 1 − K<sub>B</sub>)/(2(1 − K<sub>B</sub>)·Mi);
/// Cr: cRange·(1 − K<sub>R</sub>, −K<sub>G</sub>, −K<sub>B</sub>)/(2(1 − K<sub>R</sub>)·Mi).</para>
/// <para>For a luma sample, t = cR·R + cG·G + cB·B and Y = clamp(yOff + ((t + 2^(S−1)) &gt;&gt; S), 0, 2^D − 1).
/// A chroma sample sums t over the n pixels it covers (the 2×2 or 2×1 block, fewer at odd right/bottom edges; one for
/// 4:4:4) and is clamp(cOff + ⌊(Σt + n·2^(S−1)) / (n·2^S)⌋, 0, 2^D − 1): a box-filter average. Identity matrix (0):
/// planes G, B, R, each yOff + yRange·value/Mi rounded the same way. 4:0:0 keeps only Y.</para>
/// </remarks>
public sealed class RgbToYuv
{
    private const int S = YuvToRgb.FractionBits;

    private readonly long[] _y = new long[3];
    private readonly long[] _u = new long[3];
    private readonly long[] _v = new long[3];
    private readonly long _identity;
    private readonly int _yOffset;
    private readonly int _cOffset;
    private readonly int _max;
    private readonly bool _isIdentity;

    /// <summary>Prepares a conversion.</summary>
    /// <param name="color">Matrix and range of the output.</param>
    /// <param name="inputBitDepth">I, the RGB sample depth, 8..16.</param>
    /// <param name="outputBitDepth">D, the frame depth, 8..16.</param>
    /// <param name="height">Picture height (for the unspecified-matrix rule).</param>
    /// <exception cref="NotSupportedException">The matrix is not supported.</exception>
    public RgbToYuv(ColorDescription color, int inputBitDepth, int outputBitDepth, int height)
    {
        ArgumentNullException.ThrowIfNull(color);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputBitDepth, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputBitDepth, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputBitDepth, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputBitDepth, 16);
        InputBitDepth = inputBitDepth;
        OutputBitDepth = outputBitDepth;
        _max = (1 << outputBitDepth) - 1;
        double mi = (1 << inputBitDepth) - 1;
        double yRange, cRange;
        if (color.FullRange)
        {
            _yOffset = 0;
            yRange = _max;
            cRange = _max;
        }
        else
        {
            _yOffset = 16 << (outputBitDepth - 8);
            yRange = 219 << (outputBitDepth - 8);
            cRange = 224 << (outputBitDepth - 8);
        }

        _cOffset = 1 << (outputBitDepth - 1);
        LumaCoefficients? k = LumaCoefficients.ForMatrix(color.Matrix, height);
        _isIdentity = k is null;
        _identity = Fixed(yRange / mi);
        if (k is { } c)
        {
            _y[0] = Fixed(yRange * c.Kr / mi);
            _y[1] = Fixed(yRange * c.Kg / mi);
            _y[2] = Fixed(yRange * c.Kb / mi);
            double du = 2 * (1 - c.Kb) * mi;
            _u[0] = Fixed(-cRange * c.Kr / du);
            _u[1] = Fixed(-cRange * c.Kg / du);
            _u[2] = Fixed(cRange * (1 - c.Kb) / du);
            double dv = 2 * (1 - c.Kr) * mi;
            _v[0] = Fixed(cRange * (1 - c.Kr) / dv);
            _v[1] = Fixed(-cRange * c.Kg / dv);
            _v[2] = Fixed(-cRange * c.Kb / dv);
        }
    }

    /// <summary>I, the depth of the RGB input.</summary>
    public int InputBitDepth { get; }

    /// <summary>D, the depth of the frames written.</summary>
    public int OutputBitDepth { get; }

    /// <summary>Converts Width·Height interleaved R, G, B samples (row by row) into <paramref name="frame"/>.</summary>
    /// <param name="rgb">The samples, each at most 2^I − 1.</param>
    /// <param name="frame">The destination; its bit depth must be <see cref="OutputBitDepth"/>.</param>
    public void Convert(ReadOnlySpan<ushort> rgb, VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.BitDepth != OutputBitDepth)
        {
            throw new ArgumentException($"The frame is {frame.BitDepth}-bit; this converter writes {OutputBitDepth}-bit samples.", nameof(frame));
        }

        int w = frame.Width;
        int h = frame.Height;
        if (rgb.Length < (long)w * h * 3)
        {
            throw new ArgumentException($"The input needs {(long)w * h * 3} samples; it has {rgb.Length}.", nameof(rgb));
        }

        const long Half = 1L << (S - 1);
        ushort[] luma = frame.Planes[0];
        for (int i = 0; i < w * h; i++)
        {
            long t = _isIdentity ? _identity * rgb[(3 * i) + 1] : Dot(_y, rgb, i);
            luma[i] = Clamp(_yOffset + ((t + Half) >> S));
        }

        if (frame.PlaneCount == 1)
        {
            return;
        }

        int sx = frame.Chroma is ChromaFormat.Yuv420 or ChromaFormat.Yuv422 ? 1 : 0;
        int sy = frame.Chroma == ChromaFormat.Yuv420 ? 1 : 0;
        int cw = frame.PlaneWidth(1);
        int ch = frame.PlaneHeight(1);
        for (int cy = 0; cy < ch; cy++)
        {
            for (int cx = 0; cx < cw; cx++)
            {
                long tu = 0, tv = 0, n = 0;
                for (int y = cy << sy; y < Math.Min(h, (cy + 1) << sy); y++)
                {
                    for (int x = cx << sx; x < Math.Min(w, (cx + 1) << sx); x++)
                    {
                        int i = (y * w) + x;
                        if (_isIdentity)
                        {
                            tu += _identity * rgb[(3 * i) + 2];
                            tv += _identity * rgb[3 * i];
                        }
                        else
                        {
                            tu += Dot(_u, rgb, i);
                            tv += Dot(_v, rgb, i);
                        }

                        n++;
                    }
                }

                int offset = _isIdentity ? _yOffset : _cOffset;
                frame.Planes[1][(cy * cw) + cx] = Clamp(offset + FloorDiv(tu + (n * Half), n << S));
                frame.Planes[2][(cy * cw) + cx] = Clamp(offset + FloorDiv(tv + (n * Half), n << S));
            }
        }
    }

    /// <summary>Converts 8-bit interleaved R, G, B; needs <see cref="InputBitDepth"/> 8.</summary>
    /// <param name="rgb">Width·Height·3 bytes, row by row.</param>
    /// <param name="frame">The destination.</param>
    public void Convert(ReadOnlySpan<byte> rgb, VideoFrame frame)
    {
        if (InputBitDepth != 8)
        {
            throw new InvalidOperationException($"Byte input needs an 8-bit converter; this one expects {InputBitDepth}-bit samples.");
        }

        var wide = new ushort[rgb.Length];
        for (int i = 0; i < rgb.Length; i++)
        {
            wide[i] = rgb[i];
        }

        Convert(wide, frame);
    }

    private static long Dot(long[] c, ReadOnlySpan<ushort> rgb, int pixel) =>
        (c[0] * rgb[3 * pixel]) + (c[1] * rgb[(3 * pixel) + 1]) + (c[2] * rgb[(3 * pixel) + 2]);

    /// <summary>⌊a / b⌋ for b &gt; 0 (C# division truncates toward zero).</summary>
    private static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return a % b < 0 ? q - 1 : q;
    }

    private static long Fixed(double x) => (long)Math.Round(x * (1L << S), MidpointRounding.AwayFromZero);

    private ushort Clamp(long v) => (ushort)Math.Clamp(v, 0, _max);
}
