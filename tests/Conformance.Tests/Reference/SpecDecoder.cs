namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// The decoding process of spec §11, written from the text as literally as possible and evaluated sample by
/// sample, with no sharing, no SIMD and no threads. It exists to cross-check asmrc's decoder and the spec text:
/// where the two disagree, one of them is wrong.
/// </summary>
internal sealed class SpecDecoder
{
    private readonly SpecModel _m;
    private readonly uint[][][] _p;
    private readonly bool _applyGrids;
    private readonly bool _applyMotion;
    private readonly bool _applyFilter;

    /// <param name="model">The parsed model.</param>
    /// <param name="applyGrids">
    /// False leaves out the latent grid term of §11.4 (for tests that show a vector's grids change its output).
    /// </param>
    /// <param name="applyMotion">
    /// False outputs the frames as decoded, S_f, instead of as shown, W_f (§11.8; for tests that show a vector's motion
    /// field changes its output).
    /// </param>
    /// <param name="applyFilter">
    /// False outputs the frames as shown (W_f or S_f) instead of filtered, Φ_f (§11.9; for tests that show a vector's
    /// output filter changes its output).
    /// </param>
    public SpecDecoder(SpecModel model, bool applyGrids = true, bool applyMotion = true, bool applyFilter = true)
    {
        _m = model;
        _applyGrids = applyGrids;
        _applyMotion = applyMotion;
        _applyFilter = applyFilter;
        _p = new uint[model.L][][];
        for (int l = 0; l < model.L; l++)
        {
            _p[l] = Pattern(l);
        }
    }

    /// <summary>§11.3: P_l[δ][r] as u32 phases.</summary>
    public uint[] PatternRow(int level, int delta) => _p[level][delta];

    /// <summary>
    /// §11.5: the frames of the segment as planes[frame][plane][row·width + column] for a sequence of the given
    /// size, chroma format (0 = 4:0:0, 1 = 4:2:0, 2 = 4:2:2, 3 = 4:4:4) and bit depth; in a segment with a motion field
    /// each frame as shown, read along the motion field (§11.8), and in a model_version 6 segment each frame as shown
    /// filtered with the output filter (§11.9).
    /// </summary>
    public int[][][] DecodeFrames(int width, int height, int chroma, int depth)
    {
        int cw = chroma is 1 or 2 ? (width + 1) / 2 : width;
        int ch = chroma == 1 ? (height + 1) / 2 : height;
        int gh = chroma == 1 ? ch * 2 : height;
        int gw = chroma is 1 or 2 ? cw * 2 : width;
        var frames = new int[_m.FrameCount][][];
        long max = (1L << depth) - 1;
        for (int t = 0; t < _m.FrameCount; t++)
        {
            int[][][] v = new int[gh][][];
            for (int y = 0; y < gh; y++)
            {
                v[y] = new int[gw][];
                for (int x = 0; x < gw; x++)
                {
                    v[y][x] = Trace(t, y, x).V;
                }
            }

            int planes = chroma == 0 ? 1 : 3;
            frames[t] = new int[planes][];
            frames[t][0] = new int[width * height];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    frames[t][0][(y * width) + x] = (int)Math.Clamp((v[y][x][0] + (1L << (27 - depth))) >> (28 - depth), 0, max);
                }
            }

            for (int o = 1; o < planes; o++)
            {
                frames[t][o] = new int[cw * ch];
                for (int y = 0; y < ch; y++)
                {
                    for (int x = 0; x < cw; x++)
                    {
                        long sample;
                        if (chroma == 3)
                        {
                            sample = (v[y][x][o] + (1L << (27 - depth))) >> (28 - depth);
                        }
                        else if (chroma == 2)
                        {
                            long s = (long)v[y][2 * x][o] + v[y][(2 * x) + 1][o];
                            sample = (s + (1L << (28 - depth))) >> (29 - depth);
                        }
                        else
                        {
                            long s = 0;
                            for (int i = 0; i < 2; i++)
                            {
                                for (int j = 0; j < 2; j++)
                                {
                                    s += v[(2 * y) + i][(2 * x) + j][o];
                                }
                            }

                            sample = (s + (1L << (29 - depth))) >> (30 - depth);
                        }

                        frames[t][o][(y * cw) + x] = (int)Math.Clamp(sample, 0, max);
                    }
                }
            }

            // §11.8: W_f replaces S_f everywhere a frame is output.
            if (_m.Motion is { } field && _applyMotion)
            {
                frames[t] = SpecMotionCompensation.Show(frames[t], field, t, width, height, chroma, depth);
            }

            // §11.9: Φ_f, the frame as shown filtered, replaces it everywhere a frame is output.
            if (_m.Filter is { } filter && _applyFilter)
            {
                frames[t] = filter.Apply(frames[t], width, height, chroma, depth);
            }
        }

        return frames;
    }

    /// <summary>§11.1 and §11.4 for grid sample (t, y, x): every intermediate value and the outputs v[o].</summary>
    public SpecSampleTrace Trace(int t, int y, int x)
    {
        int levels = _m.L;
        int h = _m.H;
        int[] delta = new int[levels];
        for (int l = 0; l < levels; l++)
        {
            delta[l] = LocalIndex(l, t, y, x);
        }

        uint[][] p = [.. Enumerable.Range(0, levels).Select(l => _p[l][delta[l]])];
        var theta = new uint[levels][];
        uint[] pre = new uint[h];
        var b0 = _m.Find(SpecRole.Bias, 0);
        theta[0] = new uint[h];
        for (int r = 0; r < h; r++)
        {
            theta[0][r] = unchecked(Phase(b0.Q[r], b0.Multiplier) + p[0][r]);
        }

        AddGridTerm(0, t, y, x, theta[0]);

        for (int l = 1; l < levels; l++)
        {
            theta[l] = new uint[h];
            for (int r = 0; r < h; r++)
            {
                uint shared;
                if (l == 1)
                {
                    shared = theta[0][r];
                }
                else
                {
                    var w = _m.Find(SpecRole.Weight, l);
                    var b = _m.Find(SpecRole.Bias, l);
                    int acc = 0;
                    for (int j = 0; j < h; j++)
                    {
                        acc = unchecked(acc + (w[r, j] * SpecSine.S(theta[l - 1][j])));
                    }

                    shared = unchecked(((uint)acc * w.Multiplier) + Phase(b.Q[r], b.Multiplier));
                }

                theta[l][r] = unchecked(shared + p[l][r]);
                if (l == levels - 1)
                {
                    pre[r] = shared;
                }
            }

            // The children's levels read the replaced θ_l, so the grid term is added before level l + 1.
            AddGridTerm(l, t, y, x, theta[l]);
        }

        var wd = _m.Find(SpecRole.OutputWeight, 0);
        var bd = _m.Find(SpecRole.OutputBias, 0);
        uint[] m = p[levels - 1];
        int[] sinPre = [.. pre.Select(SpecSine.S)];
        int[] cosPre = [.. pre.Select(SpecSine.C)];
        int[] cosM = [.. m.Select(SpecSine.C)];
        int[] sinM = [.. m.Select(SpecSine.S)];
        var a = new int[_m.O][];
        var bb = new int[_m.O][];
        int[] v = new int[_m.O];
        for (int o = 0; o < _m.O; o++)
        {
            a[o] = new int[h];
            bb[o] = new int[h];
            int sum = (int)((long)bd.Q[o] * bd.Multiplier);
            for (int j = 0; j < h; j++)
            {
                long weight = (long)wd[o, j] * wd.Multiplier;
                a[o][j] = Sat16(((weight * sinPre[j]) + (1L << 27)) >> 28);
                bb[o][j] = Sat16(((weight * cosPre[j]) + (1L << 27)) >> 28);
                sum = unchecked(sum + (a[o][j] * cosM[j]) + (bb[o][j] * sinM[j]));
            }

            v[o] = sum;
        }

        return new SpecSampleTrace(delta, p, theta, pre, sinPre, cosPre, a, bb, m, cosM, sinM, v);
    }

    /// <summary>
    /// §11.4, latent grids (model_version 2): if a grid lies on level g, θ_g(c)[r] is replaced by
    /// θ_g(c)[r] + Σ_{i&lt;k} z_i[n(c)]·U[i][r] (u32), with
    /// n(c) = ((c_t div (C[t][g] / τ))·C[y][g] + c_y)·C[x][g] + c_x and c the level-g cell of sample (t, y, x).
    /// </summary>
    private void AddGridTerm(int g, int t, int y, int x, uint[] theta)
    {
        if (!_applyGrids)
        {
            return;
        }

        AddInterpolatedGridTerm(g, t, y, x, theta);
        var grid = _m.GridList.SingleOrDefault(d => d.Level == g && d.Placement == 0);
        if (grid is null)
        {
            return;
        }

        // §11.1: the level-g cell of the sample: each coordinate divided by the bases of the finer levels.
        int[] s = [t, y, x];
        long[] c = new long[3];
        for (int a = 0; a < 3; a++)
        {
            c[a] = s[a];
            for (int k = g + 1; k < _m.L; k++)
            {
                c[a] /= _m.B[a][k];
            }
        }

        long n = (((c[0] / (_m.C(0, g) / grid.Tau) * _m.C(1, g)) + c[1]) * _m.C(2, g)) + c[2];
        var u = _m.Find(SpecRole.GridProjection, g);
        var z = _m.FindAll(SpecRole.GridLatents, g);
        for (int r = 0; r < _m.H; r++)
        {
            uint sum = theta[r];
            for (int i = 0; i < grid.Rank; i++)
            {
                // z_i converted to u32 by two's complement; U = q·μ as a u32 phase; all modulo 2^32. In model_version 3
                // z_i[n] is row n, column i of the one latents record (§10.3).
                int zi = grid.ContextHidden > 0 ? z[0].Q[(n * grid.Rank) + i] : z[i].Q[n];
                sum = unchecked(sum + ((uint)zi * Phase(u[i, r], u.Multiplier)));
            }

            theta[r] = sum;
        }
    }

    /// <summary>
    /// §11.4, interpolated grids (model_version 5, placement 1): a grid on level g − 1 adds to θ_g(c)[r] the sum
    /// Σ_{i&lt;k} ẑ_i(c)·U[i][r] (u32), ẑ_i(c) the integer bilinear sum of the four grid cells around the centre of c.
    /// </summary>
    private void AddInterpolatedGridTerm(int f, int t, int y, int x, uint[] theta)
    {
        var grid = _m.GridList.SingleOrDefault(d => d.Level == f - 1 && d.Placement == 1);
        if (grid is null)
        {
            return;
        }

        int g = grid.Level;
        int[] s = [t, y, x];
        long[] c = new long[3];
        for (int a = 0; a < 3; a++)
        {
            c[a] = s[a];
            for (int k = f + 1; k < _m.L; k++)
            {
                c[a] /= _m.B[a][k];
            }
        }

        // Along y and x: n = 2c + 1 − R, m = ⌊n / 2R⌋, e = n − 2R·m; rows clamp(m), clamp(m + 1) weighted 2R − e, e.
        long[][] rows = new long[3][];
        long[][] weights = new long[3][];
        for (int a = 1; a < 3; a++)
        {
            long ratio = _m.B[a][f];
            long n = (2 * c[a]) + 1 - ratio;
            long m = (long)Math.Floor(n / (2.0 * ratio));
            long e = n - (2 * ratio * m);
            long last = _m.C(a, g) - 1;
            rows[a] = [Math.Clamp(m, 0, last), Math.Clamp(m + 1, 0, last)];
            weights[a] = [(2 * ratio) - e, e];
        }

        long plane = c[0] / _m.B[0][f] / (_m.C(0, g) / grid.Tau);
        var u = _m.Find(SpecRole.GridProjection, g);
        var z = _m.FindAll(SpecRole.GridLatents, g)[0];
        for (int i = 0; i < grid.Rank; i++)
        {
            uint zi = 0;
            for (int p = 0; p < 2; p++)
            {
                for (int q = 0; q < 2; q++)
                {
                    long cell = (((plane * _m.C(1, g)) + rows[1][p]) * _m.C(2, g)) + rows[2][q];
                    zi = unchecked(zi + ((uint)(weights[1][p] * weights[2][q]) * (uint)z.Q[(cell * grid.Rank) + i]));
                }
            }

            for (int r = 0; r < _m.H; r++)
            {
                theta[r] = unchecked(theta[r] + (zi * Phase(u[i, r], u.Multiplier)));
            }
        }
    }

    private static int Sat16(long value) => (int)Math.Clamp(value, -32768, 32767);

    /// <summary>§10.3: q·μ modulo 2^32, q converted to u32 by two's complement first.</summary>
    private static uint Phase(int q, uint mu) => unchecked((uint)q * mu);

    /// <summary>§11.1: the level-l cell of sample (t, y, x) and its local index δ.</summary>
    private int LocalIndex(int l, int t, int y, int x)
    {
        int[] s = [t, y, x];
        int[] d = new int[3];
        for (int a = 0; a < 3; a++)
        {
            // The level-l cell: the sample coordinate divided by the bases of the finer levels.
            long c = s[a];
            for (int k = l + 1; k < _m.L; k++)
            {
                c /= _m.B[a][k];
            }

            d[a] = (int)(c % _m.B[a][l]);
        }

        return (((d[0] * _m.B[1][l]) + d[1]) * _m.B[2][l]) + d[2];
    }

    private uint[][] Pattern(int l)
    {
        var tensor = _m.Find(SpecRole.Modulation, l);
        int beta = _m.Beta(l);
        var pattern = new uint[beta][];
        for (int delta = 0; delta < beta; delta++)
        {
            pattern[delta] = new uint[_m.H];
            int dx = delta % _m.B[2][l];
            int dy = delta / _m.B[2][l] % _m.B[1][l];
            int dt = delta / _m.B[2][l] / _m.B[1][l];
            int[] digits = [dt, dy, dx];
            for (int r = 0; r < _m.H; r++)
            {
                if (_m.ModulationKind[l] == 0)
                {
                    uint sum = 0;
                    for (int a = 0; a < 3; a++)
                    {
                        sum = unchecked(sum + (Phase(tensor[r, a], tensor.Multiplier) * (uint)digits[a]));
                    }

                    pattern[delta][r] = sum;
                }
                else
                {
                    pattern[delta][r] = Phase(tensor[delta, r], tensor.Multiplier);
                }
            }
        }

        return pattern;
    }
}
