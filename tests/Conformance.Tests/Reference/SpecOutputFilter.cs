namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// The output filter of a model_version 6 segment, written from spec §10.9 and §11.9 alone: a radius Δ and, per plane o,
/// the values ω_o[0..n_Δ] (n_Δ tap coefficients in the order of §10.9, then the offset), in units of 2^−12.
/// </summary>
internal sealed record SpecOutputFilter(int Radius, int[][] Omega)
{
    /// <summary>§10.9: n_Δ = 2Δ(Δ + 1) + 1.</summary>
    public int N => TapCount(Radius);

    /// <summary>§10.9: n_Δ = 2Δ(Δ + 1) + 1 taps.</summary>
    public static int TapCount(int radius) => (2 * radius * (radius + 1)) + 1;

    /// <summary>
    /// §10.9: the offsets (dy, dx) with |dy| + |dx| ≤ Δ, in this order: dy from −Δ to Δ, and for each dy, dx from
    /// −(Δ − |dy|) to Δ − |dy|.
    /// </summary>
    public static (int Dy, int Dx)[] Taps(int radius)
    {
        var taps = new List<(int, int)>();
        for (int dy = -radius; dy <= radius; dy++)
        {
            int reach = radius - Math.Abs(dy);
            for (int dx = -reach; dx <= reach; dx++)
            {
                taps.Add((dy, dx));
            }
        }

        return [.. taps];
    }

    /// <summary>§10.9: row o of the record holds plane o's coefficients, one per tap, then its offset.</summary>
    public static SpecOutputFilter FromRecord(int radius, SpecTensor record)
    {
        var omega = new int[record.Rows][];
        for (int o = 0; o < record.Rows; o++)
        {
            omega[o] = new int[record.Columns];
            for (int k = 0; k < record.Columns; k++)
            {
                omega[o][k] = record[o, k];
            }
        }

        return new SpecOutputFilter(radius, omega);
    }

    /// <summary>
    /// §11.9: Φ_f from the frame as shown, both as planes[plane][row·P_w + column] of a sequence of the given size and
    /// chroma format (0 = 4:0:0, 1 = 4:2:0, 2 = 4:2:2, 3 = 4:4:4) and bit depth D.
    /// </summary>
    public int[][] Apply(int[][] shown, int width, int height, int chroma, int depth)
    {
        var phi = new int[shown.Length][];
        for (int o = 0; o < shown.Length; o++)
        {
            var (_, _, pw, ph) = SpecMotionCompensation.Plane(o, width, height, chroma);
            phi[o] = new int[pw * ph];
            for (int y = 0; y < ph; y++)
            {
                for (int x = 0; x < pw; x++)
                {
                    phi[o][(y * pw) + x] = (int)Math.Clamp(Sum(shown[o], o, pw, ph, y, x) >> 12, 0, (1L << depth) - 1);
                }
            }
        }

        return phi;
    }

    /// <summary>
    /// §11.9: sum = ω_o[n_Δ] + 2^11 + Σ_{k=0..n_Δ−1} ω_o[k] · S[clamp(y + dy_k, 0, P_h − 1)][clamp(x + dx_k, 0, P_w − 1)],
    /// in i64; Φ[y][x] is clamp(sum >> 12, 0, 2^D − 1).
    /// </summary>
    public long Sum(int[] s, int o, int pw, int ph, int y, int x)
    {
        var taps = Taps(Radius);
        long sum = Omega[o][N] + (1L << 11);
        for (int k = 0; k < N; k++)
        {
            long row = Math.Clamp(y + taps[k].Dy, 0, ph - 1);
            long column = Math.Clamp(x + taps[k].Dx, 0, pw - 1);
            sum += (long)Omega[o][k] * s[(row * pw) + column];
        }

        return sum;
    }
}
