using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Media.Color;

/// <summary>
/// Converts a <see cref="VideoFrame"/> to interleaved R, G, B samples, in integer fixed point with exact rounding, so that
/// the output is bit-for-bit the same on every machine.
/// </summary>
/// <remarks>
/// <para><b>Definition.</b> Let D be the frame's bit depth, O the output bit depth (8..16), M = 2^O − 1 and S = 20
/// (<see cref="FractionBits"/>). Ranges (H.273 §8.3, scaled by bit depth):</para>
/// <list type="bullet">
/// <item>limited (<c>FullRange</c> false): yOff = 16·2^(D−8), yRange = 219·2^(D−8), cOff = 2^(D−1), cRange = 224·2^(D−8);</item>
/// <item>full: yOff = 0, yRange = 2^D − 1, cOff = 2^(D−1), cRange = 2^D − 1.</item>
/// </list>
/// <para>With the matrix's K<sub>R</sub>, K<sub>B</sub>, K<sub>G</sub> = 1 − K<sub>R</sub> − K<sub>B</sub>
/// (<see cref="LumaCoefficients.ForMatrix"/>), five integer coefficients are
/// <c>q(x) = round_half_away_from_zero(x · 2^S)</c> of: cY = M / yRange; cRV = 2(1 − K<sub>R</sub>)·M / cRange;
/// cGU = −2K<sub>B</sub>(1 − K<sub>B</sub>)/K<sub>G</sub>·M / cRange; cGV = −2K<sub>R</sub>(1 − K<sub>R</sub>)/K<sub>G</sub>·M / cRange;
/// cBU = 2(1 − K<sub>B</sub>)·M / cRange (computed in IEEE-754 double, then rounded).</para>
/// <para>For each pixel with y = Y − yOff, u = Cb − cOff, v = Cr − cOff (64-bit integers), and
/// <c>f(t) = clamp((t + 2^(S−1)) &gt;&gt; S, 0, M)</c> with an arithmetic (flooring) shift:
/// R = f(cY·y + cRV·v), G = f(cY·y + cGU·u + cGV·v), B = f(cY·y + cBU·u).</para>
/// <para>Identity matrix (0, planes G, B, R): each channel is f(cY·(sample − yOff)) of its own plane (the luma range applies to all three).
/// 4:0:0: R = G = B = f(cY·y).</para>
/// <para><b>Chroma upsampling is by replication</b> (nearest sample, no filtering): pixel (x, y) uses chroma sample
/// (x &gt;&gt; 1, y &gt;&gt; 1) for 4:2:0 and (x &gt;&gt; 1, y) for 4:2:2, whatever the chroma siting. The metrics
/// (<c>QualityMetrics</c> PSNR-RGB) and the PNG writer use this same conversion.</para>
/// </remarks>
public sealed class YuvToRgb
{
    /// <summary>S: the number of fractional bits of the fixed-point coefficients.</summary>
    public const int FractionBits = 20;

    private readonly long _cY;
    private readonly long _cRV;
    private readonly long _cGU;
    private readonly long _cGV;
    private readonly long _cBU;
    private readonly int _yOffset;
    private readonly int _cOffset;
    private readonly int _max;
    private readonly bool _identity;

    /// <summary>Prepares a conversion for frames of one bit depth, colour description and height.</summary>
    /// <param name="color">Matrix and range of the input (primaries and transfer are not used: no gamut or transfer conversion is done).</param>
    /// <param name="inputBitDepth">D, 8..16.</param>
    /// <param name="height">The picture height, which picks BT.601 or BT.709 when the matrix is unspecified (2).</param>
    /// <param name="outputBitDepth">O, 8..16.</param>
    /// <exception cref="NotSupportedException">The matrix is not one <see cref="LumaCoefficients.ForMatrix"/> supports.</exception>
    public YuvToRgb(ColorDescription color, int inputBitDepth, int height, int outputBitDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputBitDepth, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputBitDepth, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputBitDepth, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputBitDepth, 16);
        InputBitDepth = inputBitDepth;
        OutputBitDepth = outputBitDepth;
        FullRange = color.FullRange;
        Coefficients = LumaCoefficients.ForMatrix(color.Matrix, height);
        _identity = Coefficients is null;
        _max = (1 << outputBitDepth) - 1;

        int shift = inputBitDepth - 8;
        double yRange, cRange;
        if (color.FullRange)
        {
            _yOffset = 0;
            yRange = (1 << inputBitDepth) - 1;
            cRange = yRange;
        }
        else
        {
            _yOffset = 16 << shift;
            yRange = 219 << shift;
            cRange = 224 << shift;
        }

        _cOffset = 1 << (inputBitDepth - 1);
        double m = _max;
        _cY = Fixed(m / yRange);
        if (Coefficients is { } k)
        {
            _cRV = Fixed(2 * (1 - k.Kr) * m / cRange);
            _cGU = Fixed(-2 * k.Kb * (1 - k.Kb) / k.Kg * m / cRange);
            _cGV = Fixed(-2 * k.Kr * (1 - k.Kr) / k.Kg * m / cRange);
            _cBU = Fixed(2 * (1 - k.Kb) * m / cRange);
        }
    }

    /// <summary>D, the bit depth of the frames this converter accepts.</summary>
    public int InputBitDepth { get; }

    /// <summary>O, the bit depth of the output samples.</summary>
    public int OutputBitDepth { get; }

    /// <summary>Whether the input is full range.</summary>
    public bool FullRange { get; }

    /// <summary>The matrix used, or <see langword="null"/> for identity (GBR planes).</summary>
    public LumaCoefficients? Coefficients { get; }

    /// <summary>The integer coefficients cY, cRV, cGU, cGV, cBU (for the spec and tests).</summary>
    public (long CY, long CRV, long CGU, long CGV, long CBU) FixedCoefficients => (_cY, _cRV, _cGU, _cGV, _cBU);

    /// <summary>Converts a whole frame to interleaved R, G, B samples of <see cref="OutputBitDepth"/> bits.</summary>
    /// <param name="frame">The frame; its bit depth must be <see cref="InputBitDepth"/>.</param>
    /// <param name="rgb">At least Width·Height·3 samples, written row by row.</param>
    public void Convert(VideoFrame frame, Span<ushort> rgb)
    {
        Check(frame, rgb.Length);
        int w3 = frame.Width * 3;
        for (int y = 0; y < frame.Height; y++)
        {
            ConvertRow(frame, y, rgb.Slice(y * w3, w3));
        }
    }

    /// <summary>Converts a whole frame to interleaved 8-bit R, G, B; needs <see cref="OutputBitDepth"/> 8.</summary>
    /// <param name="frame">The frame; its bit depth must be <see cref="InputBitDepth"/>.</param>
    /// <param name="rgb">At least Width·Height·3 bytes, written row by row.</param>
    public void Convert(VideoFrame frame, Span<byte> rgb)
    {
        if (OutputBitDepth != 8)
        {
            throw new InvalidOperationException($"Byte output needs an 8-bit converter; this one writes {OutputBitDepth}-bit samples.");
        }

        Check(frame, rgb.Length);
        int w3 = frame.Width * 3;
        ushort[] row = new ushort[w3];
        for (int y = 0; y < frame.Height; y++)
        {
            ConvertRow(frame, y, row);
            Span<byte> dst = rgb.Slice(y * w3, w3);
            for (int i = 0; i < w3; i++)
            {
                dst[i] = (byte)row[i];
            }
        }
    }

    /// <summary>Converts one picture row to interleaved R, G, B.</summary>
    /// <param name="frame">The frame; its bit depth must be <see cref="InputBitDepth"/>.</param>
    /// <param name="y">The row, 0..Height−1.</param>
    /// <param name="rgb">At least Width·3 samples.</param>
    public void ConvertRow(VideoFrame frame, int y, Span<ushort> rgb)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int width = frame.Width;
        const long Half = 1L << (FractionBits - 1);
        ReadOnlySpan<ushort> luma = frame.Row(0, y);
        rgb = rgb[..(width * 3)];
        if (frame.Chroma == ChromaFormat.Mono400)
        {
            for (int x = 0; x < width; x++)
            {
                ushort v = Clamp((_cY * (luma[x] - _yOffset) + Half) >> FractionBits);
                rgb[3 * x] = v;
                rgb[(3 * x) + 1] = v;
                rgb[(3 * x) + 2] = v;
            }

            return;
        }

        int cy = y >> frame.Chroma.ChromaShiftY();
        int sx = frame.Chroma.ChromaShiftX();
        ReadOnlySpan<ushort> cb = frame.Row(1, cy);
        ReadOnlySpan<ushort> cr = frame.Row(2, cy);
        if (_identity)
        {
            // Planes are G, B, R; each is a luma-range signal of its own.
            for (int x = 0; x < width; x++)
            {
                int c = x >> sx;
                rgb[3 * x] = Clamp((_cY * (cr[c] - _yOffset) + Half) >> FractionBits);
                rgb[(3 * x) + 1] = Clamp((_cY * (luma[x] - _yOffset) + Half) >> FractionBits);
                rgb[(3 * x) + 2] = Clamp((_cY * (cb[c] - _yOffset) + Half) >> FractionBits);
            }

            return;
        }

        for (int x = 0; x < width; x++)
        {
            int c = x >> sx;
            long yy = _cY * (luma[x] - _yOffset);
            long u = cb[c] - _cOffset;
            long v = cr[c] - _cOffset;
            rgb[3 * x] = Clamp((yy + (_cRV * v) + Half) >> FractionBits);
            rgb[(3 * x) + 1] = Clamp((yy + (_cGU * u) + (_cGV * v) + Half) >> FractionBits);
            rgb[(3 * x) + 2] = Clamp((yy + (_cBU * u) + Half) >> FractionBits);
        }
    }

    /// <summary>q(x): the fixed-point value of a real coefficient, rounded half away from zero.</summary>
    private static long Fixed(double x) => (long)Math.Round(x * (1L << FractionBits), MidpointRounding.AwayFromZero);

    private ushort Clamp(long t) => (ushort)Math.Clamp(t, 0, _max);

    private void Check(VideoFrame frame, int length)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.BitDepth != InputBitDepth)
        {
            throw new ArgumentException($"The frame is {frame.BitDepth}-bit; this converter was built for {InputBitDepth}-bit input.", nameof(frame));
        }

        if (length < (long)frame.Width * frame.Height * 3)
        {
            throw new ArgumentException($"The output needs {(long)frame.Width * frame.Height * 3} samples; it has {length}.", nameof(frame));
        }
    }
}
