namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// Spec §11.8, written from the text sample by sample: frame f as shown, W_f, is frame f as decoded, S_f, read along
/// the motion field. Every formula below is one sentence of §11.8; the names are the spec's.
/// </summary>
internal static class SpecMotionCompensation
{
    /// <summary>
    /// W_f from S_f, both as planes[plane][row·P_w + column] of a sequence of the given size and chroma format
    /// (0 = 4:0:0, 1 = 4:2:0, 2 = 4:2:2, 3 = 4:4:4) and bit depth D.
    /// </summary>
    public static int[][] Show(int[][] s, SpecMotion field, int f, int width, int height, int chroma, int depth)
    {
        var w = new int[s.Length][];
        for (int plane = 0; plane < s.Length; plane++)
        {
            var (sigmaY, sigmaX, pw, ph) = Plane(plane, width, height, chroma);
            w[plane] = new int[pw * ph];
            for (int y = 0; y < ph; y++)
            {
                for (int x = 0; x < pw; x++)
                {
                    w[plane][(y * pw) + x] = (int)Math.Clamp(Read(s[plane], pw, ph, sigmaY, sigmaX, field, f, y, x), 0, (1L << depth) - 1);
                }
            }
        }

        return w;
    }

    /// <summary>
    /// The plane of (σy, σx) of a sequence of the given size and chroma format: its subsampling exponents and P_w × P_h.
    /// </summary>
    public static (int SigmaY, int SigmaX, int Pw, int Ph) Plane(int plane, int width, int height, int chroma)
    {
        // σy, σx: 1 for both chroma axes of 4:2:0 and for the x axis of 4:2:2, otherwise 0; P_w × P_h as §11.5 says.
        int sigmaY = plane > 0 && chroma == 1 ? 1 : 0;
        int sigmaX = plane > 0 && (chroma == 1 || chroma == 2) ? 1 : 0;
        return (sigmaY, sigmaX, sigmaX == 1 ? (width + 1) / 2 : width, sigmaY == 1 ? (height + 1) / 2 : height);
    }

    /// <summary>(sum + 2^37) >> 38 for the sample (y, x) of one plane: W[y][x] before it is clamped to 0..2^D − 1.</summary>
    public static long Read(int[] s, int pw, int ph, int sigmaY, int sigmaX, SpecMotion field, int f, int y, int x)
    {
        int e = field.E;

        // The field at a sample: the luma position (Y, X) = (y·2^σy, x·2^σx), then per axis the two block centres around
        // it and the distance from the first, in half samples.
        long lumaY = (long)y << sigmaY, lumaX = (long)x << sigmaX;
        var (j0, j1, ry) = Between(lumaY, e, field.BY);
        var (i0, i1, rx) = Between(lumaX, e, field.BX);
        long full = 1L << (e + 1);
        long w00 = (full - ry) * (full - rx), w01 = (full - ry) * rx, w10 = ry * (full - rx), w11 = ry * rx;
        long vy = (w00 * field.Vy(f, j0, i0)) + (w01 * field.Vy(f, j0, i1)) + (w10 * field.Vy(f, j1, i0)) + (w11 * field.Vy(f, j1, i1));
        long vx = (w00 * field.Vx(f, j0, i0)) + (w01 * field.Vx(f, j0, i1)) + (w10 * field.Vx(f, j1, i0)) + (w11 * field.Vx(f, j1, i1));

        // The offset in 1/64 of a sample of the plane: oy = (vy + 2^(ky − 1)) >> ky with ky = 2E − 2 + σy (x likewise).
        int ky = (2 * e) - 2 + sigmaY, kx = (2 * e) - 2 + sigmaX;
        long oy = (vy + (1L << (ky - 1))) >> ky;
        long ox = (vx + (1L << (kx - 1))) >> kx;

        // The read: py = 64·y + oy, iy = py >> 6, φy = py − 64·iy; rows and columns clamped to the plane.
        long py = (64L * y) + oy, px = (64L * x) + ox;
        long iy = py >> 6, ix = px >> 6;
        int phiY = (int)(py - (64 * iy)), phiX = (int)(px - (64 * ix));
        long sum = 0;
        for (int j = 0; j < 4; j++)
        {
            long across = 0;
            for (int i = 0; i < 4; i++)
            {
                long row = Math.Clamp(iy - 1 + j, 0, ph - 1), column = Math.Clamp(ix - 1 + i, 0, pw - 1);
                across += Weight(i, phiX) * s[(row * pw) + column];
            }

            sum += Weight(j, phiY) * across;
        }

        return (sum + (1L << 37)) >> 38;
    }

    /// <summary>
    /// Along one axis: g = clamp(2·P + 1 − 2^E, 0, 2^(E+1)·(blocks − 1)), j0 = g >> (E + 1), j1 = min(j0 + 1, blocks − 1),
    /// r = g − (j0 &lt;&lt; (E + 1)).
    /// </summary>
    private static (long J0, long J1, long R) Between(long position, int e, int blocks)
    {
        long g = Math.Clamp((2 * position) + 1 - (1L << e), 0, (1L << (e + 1)) * (blocks - 1));
        long j0 = g >> (e + 1);
        long j1 = Math.Min(j0 + 1, blocks - 1);
        return (j0, j1, g - (j0 << (e + 1)));
    }

    /// <summary>The Catmull-Rom weight c_tap(φ) of §11.8 for the taps at −1, 0, +1, +2 (tap = 0..3).</summary>
    public static long Weight(int tap, long phi)
    {
        long phi2 = phi * phi, phi3 = phi2 * phi;
        return tap switch
        {
            0 => -phi3 + (128 * phi2) - (4096 * phi),
            1 => (3 * phi3) - (320 * phi2) + 524288,
            2 => (-3 * phi3) + (256 * phi2) + (4096 * phi),
            _ => phi3 - (64 * phi2),
        };
    }
}
