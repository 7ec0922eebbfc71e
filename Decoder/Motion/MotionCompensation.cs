using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Motion;

/// <summary>
/// The picture shown is the decoded frame read at positions moved by the segment's motion field. The vector of a
/// sample is interpolated bilinearly between the centres of the four nearest blocks (a continuous field), rounded to
/// 1/64 of a sample of the plane, and the frame is read there with a Catmull-Rom cubic (4 × 4 taps, edges repeated).
/// Integers only: the weights of a phase φ/64 are exact (2·64³ times the cubic's), so the result is bit-exact.
/// </summary>
internal static class MotionCompensation
{
    private const int PhaseBits = 6;
    private const int Phases = 1 << PhaseBits;
    private const int WeightBits = 19; // log2(2·64³): the four weights of every phase sum to 2^19

    /// <summary>The four taps' weights at phase φ (0..63), for samples at −1, 0, +1, +2; they sum to 2^19.</summary>
    public static void Weights(int phase, Span<long> w)
    {
        long f = phase, f2 = f * f, f3 = f2 * f;
        const long n = Phases, n2 = n * n, n3 = n2 * n;
        w[0] = -f3 + (2 * n * f2) - (n2 * f);
        w[1] = (3 * f3) - (5 * n * f2) + (2 * n3);
        w[2] = (-3 * f3) + (4 * n * f2) + (n2 * f);
        w[3] = f3 - (n * f2);
    }

    /// <summary>
    /// The displacement of the sample at luma position (<paramref name="y"/>, <paramref name="x"/>) of frame
    /// <paramref name="frame"/>, in 1/64 samples of a plane subsampled by 2^<paramref name="shiftY"/> and
    /// 2^<paramref name="shiftX"/>.
    /// </summary>
    public static (long Y, long X) Offset(MotionField field, int frame, long y, long x, int shiftY, int shiftX)
    {
        int b = field.BlockLog2;
        long twoB = 2L << b;
        var (j0, j1, ry) = Neighbours((2 * y) + 1 - (1L << b), twoB, field.BlocksY, b);
        var (i0, i1, rx) = Neighbours((2 * x) + 1 - (1L << b), twoB, field.BlocksX, b);
        var v = field.Frame(frame);
        int Index(long j, long i) => (int)(2 * ((j * field.BlocksX) + i));
        long w00 = (twoB - ry) * (twoB - rx), w01 = (twoB - ry) * rx, w10 = ry * (twoB - rx), w11 = ry * rx;
        long vy = (w00 * v[Index(j0, i0)]) + (w01 * v[Index(j0, i1)]) + (w10 * v[Index(j1, i0)]) + (w11 * v[Index(j1, i1)]);
        long vx = (w00 * v[Index(j0, i0) + 1]) + (w01 * v[Index(j0, i1) + 1]) + (w10 * v[Index(j1, i0) + 1]) + (w11 * v[Index(j1, i1) + 1]);

        // vy / (4·B²) quarter samples = vy·16 / 2^(2b+2) 64ths of a luma sample = vy / 2^(2b−2); a plane subsampled by
        // 2^s halves it s times. Rounded half up (arithmetic shifts floor).
        int ky = (2 * b) - 2 + shiftY, kx = (2 * b) - 2 + shiftX;
        return ((vy + (1L << (ky - 1))) >> ky, (vx + (1L << (kx - 1))) >> kx);
    }

    /// <summary>Frame <paramref name="frame"/> of the segment as shown: <paramref name="decoded"/> read along the field.</summary>
    public static VideoFrame Apply(VideoFrame decoded, MotionField field, int frame)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        ArgumentNullException.ThrowIfNull(field);
        var shown = new VideoFrame(decoded.Width, decoded.Height, decoded.Chroma, decoded.BitDepth);
        int max = (1 << decoded.BitDepth) - 1;
        Span<long> wy = stackalloc long[4], wx = stackalloc long[4];
        for (int p = 0; p < decoded.Planes.Length; p++)
        {
            int shiftY = p == 0 ? 0 : decoded.Chroma.ChromaShiftY(), shiftX = p == 0 ? 0 : decoded.Chroma.ChromaShiftX();
            int width = decoded.PlaneWidth(p), height = decoded.PlaneHeight(p);
            ushort[] source = decoded.Planes[p], target = shown.Planes[p];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    var (oy, ox) = Offset(field, frame, (long)y << shiftY, (long)x << shiftX, shiftY, shiftX);
                    long py = ((long)y << PhaseBits) + oy, px = ((long)x << PhaseBits) + ox;
                    long iy = py >> PhaseBits, ix = px >> PhaseBits;
                    Weights((int)(py & (Phases - 1)), wy);
                    Weights((int)(px & (Phases - 1)), wx);
                    long sum = 0;
                    for (int j = 0; j < 4; j++)
                    {
                        int row = (int)Math.Clamp(iy - 1 + j, 0, height - 1) * width;
                        long across = 0;
                        for (int i = 0; i < 4; i++)
                        {
                            across += wx[i] * source[row + (int)Math.Clamp(ix - 1 + i, 0, width - 1)];
                        }

                        sum += wy[j] * across;
                    }

                    target[(y * width) + x] = (ushort)Math.Clamp((sum + (1L << ((2 * WeightBits) - 1))) >> (2 * WeightBits), 0, max);
                }
            }
        }

        return shown;
    }

    /// <summary>
    /// The two blocks along one axis whose centres enclose a position (g = 2·position + 1 − B, in units of half a
    /// sample from the first centre), and the distance from the first in 1/(2B) of a block: 0..2B−1.
    /// </summary>
    private static (long First, long Second, long Fraction) Neighbours(long g, long twoB, int blocks, int b)
    {
        g = Math.Clamp(g, 0, twoB * (blocks - 1));
        long first = g >> (b + 1);
        long fraction = g - (first << (b + 1));
        return (first, Math.Min(first + 1, blocks - 1), fraction);
    }
}
