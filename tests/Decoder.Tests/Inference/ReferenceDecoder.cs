using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>
/// Spec §11 written out per sample, independently of the production decoder: each sample walks levels 0..L−1 with
/// its own digits, evaluating every layer afresh (no sharing, no SIMD, its own sine table), latent grids included.
/// </summary>
internal sealed class ReferenceDecoder
{
    private readonly SegmentModel _model;
    private readonly ModelArchitecture _arch;
    private readonly int _levels;
    private readonly int _h;

    public ReferenceDecoder(SegmentModel model)
    {
        _model = model;
        _arch = model.Architecture;
        _levels = _arch.Levels;
        _h = _arch.Width;
    }

    public static short[] BuildTable() => ReferenceSine.Build();

    public static int S(uint phase) => ReferenceSine.Table[(int)(unchecked(phase + 32768u) >> 16)];

    public static int C(uint phase) => S(unchecked(phase + (1u << 30)));

    /// <summary>v[o] at grid sample (t, y, x), spec §11.4.</summary>
    public int[] Output(int t, int y, int x)
    {
        int h = _h;
        var theta = new uint[h];
        var bias0 = _model.BiasOf(0);
        for (int r = 0; r < h; r++)
        {
            theta[r] = unchecked((uint)bias0.Values[r] * bias0.Multiplier);
        }

        AddPattern(0, t, y, x, theta);
        AddGrid(0, t, y, x, theta);
        AddPattern(1, t, y, x, theta);
        AddGrid(1, t, y, x, theta);
        for (int l = 2; l < _levels; l++)
        {
            var w = _model.WeightOf(l);
            var b = _model.BiasOf(l);
            var act = theta.Select(S).ToArray();
            var next = new uint[h];
            for (int r = 0; r < h; r++)
            {
                int acc = 0;
                for (int j = 0; j < h; j++)
                {
                    acc = unchecked(acc + (w[r, j] * act[j]));
                }

                next[r] = unchecked(((uint)acc * w.Multiplier) + ((uint)b.Values[r] * b.Multiplier));
            }

            theta = next;
            AddPattern(l, t, y, x, theta);
            AddGrid(l, t, y, x, theta);
        }

        // pre = θ_{L−1} − P_{L−1}[δ]; m = P_{L−1}[δ].
        var m = new uint[h];
        AddPattern(_levels - 1, t, y, x, m);
        var pre = new uint[h];
        for (int r = 0; r < h; r++)
        {
            pre[r] = unchecked(theta[r] - m[r]);
        }

        var wd = _model.OutputWeight;
        var bd = _model.OutputBias;
        var v = new int[_arch.OutputChannels];
        for (int o = 0; o < v.Length; o++)
        {
            int sum = (int)(bd.Values[o] * (long)bd.Multiplier);
            for (int j = 0; j < h; j++)
            {
                long w = wd[o, j] * (long)wd.Multiplier;
                long a = Math.Clamp(((w * S(pre[j])) + (1L << 27)) >> 28, -32768, 32767);
                long b = Math.Clamp(((w * C(pre[j])) + (1L << 27)) >> 28, -32768, 32767);
                sum = unchecked(sum + (int)((a * C(m[j])) + (b * S(m[j]))));
            }

            v[o] = sum;
        }

        return v;
    }

    /// <summary>Decodes frames [start, end), crop in luma samples, per spec §11.5.</summary>
    public VideoFrame[] Decode(int width, int height, ChromaFormat chroma, int bitDepth, int start, int end, CropRectangle? crop = null)
    {
        var c = crop ?? new CropRectangle(0, 0, width, height);
        var frames = new VideoFrame[end - start];
        int sx = chroma is ChromaFormat.Yuv420 or ChromaFormat.Yuv422 ? 2 : 1;
        int sy = chroma == ChromaFormat.Yuv420 ? 2 : 1;
        var cache = new Dictionary<(int, int, int), int[]>();
        int[] V(int t, int y, int x)
        {
            if (!cache.TryGetValue((t, y, x), out var v))
            {
                v = Output(t, y, x);
                cache[(t, y, x)] = v;
            }

            return v;
        }

        for (int f = start; f < end; f++)
        {
            var frame = new VideoFrame(c.Width, c.Height, chroma, bitDepth);
            for (int y = 0; y < c.Height; y++)
            {
                for (int x = 0; x < c.Width; x++)
                {
                    var v = V(f, c.Y + y, c.X + x);
                    frame.Row(0, y)[x] = Sample(v[0], 0, bitDepth);
                    if (chroma == ChromaFormat.Yuv444)
                    {
                        frame.Row(1, y)[x] = Sample(v[1], 0, bitDepth);
                        frame.Row(2, y)[x] = Sample(v[2], 0, bitDepth);
                    }
                }
            }

            if (sx * sy > 1)
            {
                for (int p = 1; p <= 2; p++)
                {
                    for (int cy = 0; cy < frame.PlaneHeight(p); cy++)
                    {
                        for (int cx = 0; cx < frame.PlaneWidth(p); cx++)
                        {
                            long s = 0;
                            for (int i = 0; i < sy; i++)
                            {
                                for (int j = 0; j < sx; j++)
                                {
                                    s += V(f, c.Y + (sy * cy) + i, c.X + (sx * cx) + j)[p];
                                }
                            }

                            frame.Row(p, cy)[cx] = Sample(s, sx * sy == 4 ? 2 : 1, bitDepth);
                        }
                    }
                }
            }

            frames[f - start] = frame;
        }

        return frames;
    }

    /// <summary>clamp((s + 2^(27+k−D)) >> (28+k−D), 0, 2^D − 1) for a sum of 2^k values.</summary>
    private static ushort Sample(long s, int k, int d) =>
        (ushort)Math.Clamp((s + (1L << (27 + k - d))) >> (28 + k - d), 0, (1 << d) - 1);

    /// <summary>dst[r] += P_l[δ_l][r] with δ_l from sample (t, y, x)'s level-l digits.</summary>
    private void AddPattern(int l, int t, int y, int x, uint[] dst)
    {
        int dt = Digit(Axis.T, l, t);
        int dy = Digit(Axis.Y, l, y);
        int dx = Digit(Axis.X, l, x);
        var tensor = _model.ModulationOf(l);
        uint mu = tensor.Multiplier;
        for (int r = 0; r < _h; r++)
        {
            uint p;
            if (_arch.Modulation(l) == ModulationKind.Linear)
            {
                p = unchecked(((uint)tensor[r, 0] * mu * (uint)dt) + ((uint)tensor[r, 1] * mu * (uint)dy) + ((uint)tensor[r, 2] * mu * (uint)dx));
            }
            else
            {
                int delta = (((dt * _arch.Base(Axis.Y, l)) + dy) * _arch.Base(Axis.X, l)) + dx;
                p = unchecked((uint)tensor[delta, r] * mu);
            }

            dst[r] = unchecked(dst[r] + p);
        }
    }

    /// <summary>
    /// If a latent grid lies on level l: dst[r] += Σ_i z_i[n(c)]·U[i][r] (u32) for the level-l cell c containing sample
    /// (t, y, x), n(c) = ((c_t div (C[t][l] / τ))·C[y][l] + c_y)·C[x][l] + c_x (spec §11.4, model_version 2).
    /// </summary>
    private void AddGrid(int l, int t, int y, int x, uint[] dst)
    {
        var grid = _arch.Grids.SingleOrDefault(g => g.Level == l);
        if (grid is null)
        {
            return;
        }

        int ct = Cell(Axis.T, l, t);
        int cy = Cell(Axis.Y, l, y);
        int cx = Cell(Axis.X, l, x);
        int cellsT = Cells(Axis.T, l);
        int cellsY = Cells(Axis.Y, l);
        int cellsX = Cells(Axis.X, l);
        int n = (((ct / (cellsT / grid.TemporalCells) * cellsY) + cy) * cellsX) + cx;
        var projection = _model.Tensors.Single(q => q.Role == TensorRole.GridProjection && q.Level == l);
        var latents = _model.Tensors.Where(q => q.Role == TensorRole.GridLatents && q.Level == l).ToArray();
        Assert.Equal(grid.Rank, latents.Length);
        for (int r = 0; r < _h; r++)
        {
            uint sum = 0;
            for (int i = 0; i < grid.Rank; i++)
            {
                uint u = unchecked((uint)projection[i, r] * projection.Multiplier);
                sum = unchecked(sum + ((uint)latents[i][0, n] * u));
            }

            dst[r] = unchecked(dst[r] + sum);
        }
    }

    /// <summary>C[axis][l] = Π_{k≤l} B[axis][k].</summary>
    private int Cells(Axis axis, int l)
    {
        int cells = 1;
        for (int k = 0; k <= l; k++)
        {
            cells *= _arch.Base(axis, k);
        }

        return cells;
    }

    /// <summary>The level-l cell coordinate of a sample position: pos div Π_{k&gt;l} B_k.</summary>
    private int Cell(Axis axis, int l, int position)
    {
        int stride = 1;
        for (int k = l + 1; k < _levels; k++)
        {
            stride *= _arch.Base(axis, k);
        }

        return position / stride;
    }

    /// <summary>Level-l digit of a position: (pos div Π_{k&gt;l} B_k) mod B_l.</summary>
    private int Digit(Axis axis, int l, int position)
    {
        int stride = 1;
        for (int k = l + 1; k < _levels; k++)
        {
            stride *= _arch.Base(axis, k);
        }

        return position / stride % _arch.Base(axis, l);
    }
}
