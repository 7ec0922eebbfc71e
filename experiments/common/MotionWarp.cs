using Asmr.Codec.Training;
using Asmr.Container.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Asmr.Experiments;

/// <summary>
/// Experiment (not in the format): the decoded output warped per block and frame, out(t, p) = F_t(p + d(t, b(p))),
/// with F_t the network's frame t (bilinear, edges repeated; chroma with the vectors halved) and d fixed block motion
/// of the source against its middle frame (<see cref="BlockMotion"/>). Training sees whole frames: each step runs the
/// last level on every cell for a few of its time digits (as many samples as a quarter of the cells), gathers those
/// frames, warps them and takes the loss. With <c>warp</c> off the same frame sampling without any warp (the control).
/// </summary>
internal sealed class MotionWarp
{
    private readonly ModelArchitecture _a;
    private readonly VideoClip _video;
    private readonly bool _warp;
    private readonly int _digitsPerStep;
    private readonly Random _random;
    private readonly long _columns;
    private readonly long[] _offsets;
    private readonly (int Sy, int Sx)[] _pooling;
    private readonly Tensor[] _cellOf;
    private readonly Tensor[] _columnOf;
    private readonly Tensor[] _grids;
    private readonly Tensor[] _targets;

    public MotionWarp(ModelArchitecture architecture, VideoClip video, BlockMotion? motion, int digitsPerStep, long seed)
    {
        _a = architecture;
        _video = video;
        _warp = motion is not null;
        _random = new Random((int)seed);
        int last = architecture.Levels - 1;
        int bt = architecture.Base(Axis.T, last), by = architecture.Base(Axis.Y, last), bx = architecture.Base(Axis.X, last);
        _digitsPerStep = Math.Clamp(digitsPerStep, 1, bt);
        int cy = architecture.CumulativeSize(Axis.Y, last - 1), cx = architecture.CumulativeSize(Axis.X, last - 1);
        var tree = CellOrder.TreePositions(architecture, last - 1);
        int planes = architecture.OutputChannels, frames = video.Frames.Count;
        _offsets = new long[planes];
        _pooling = new (int, int)[planes];
        _cellOf = new Tensor[planes];
        _columnOf = new Tensor[planes];
        _grids = new Tensor[planes];
        _targets = new Tensor[planes];
        long columns = 0;
        for (int p = 0; p < planes; p++)
        {
            int sy = video.SubsampleY(p), sx = video.SubsampleX(p);
            _pooling[p] = (sy, sx);
            _offsets[p] = columns;
            columns += (long)bt * (by / sy) * (bx / sx);
        }

        _columns = columns;
        double scale = 1.0 / (1 << video.BitDepth);
        for (int p = 0; p < planes; p++)
        {
            var (sy, sx) = _pooling[p];
            int pby = by / sy, pbx = bx / sx, pw = video.PlaneWidth(p), ph = video.PlaneHeight(p);
            var cell = new long[(long)frames * ph * pw];
            var column = new long[cell.Length];
            var grid = new float[cell.Length * 2];
            var target = new float[cell.Length];
            long i = 0;
            for (int t = 0; t < frames; t++)
            {
                for (int y = 0; y < ph; y++)
                {
                    int gy = y * sy;
                    for (int x = 0; x < pw; x++)
                    {
                        int gx = x * sx;
                        cell[i] = tree[((((t / bt) * cy) + (gy / by)) * cx) + (gx / bx)];
                        column[i] = _offsets[p] + ((((t % bt) * pby) + ((gy % by) / sy)) * pbx) + ((gx % bx) / sx);
                        var d = motion?.At(t, Math.Min(gy, video.Height - 1), Math.Min(gx, video.Width - 1)) ?? (0, 0);
                        // grid_sample's coordinates with align_corners: −1 and 1 are the centres of the edge samples.
                        grid[2 * i] = (float)((2 * (x + (d.X / sx)) / Math.Max(1, pw - 1)) - 1);
                        grid[(2 * i) + 1] = (float)((2 * (y + (d.Y / sy)) / Math.Max(1, ph - 1)) - 1);
                        target[i] = (float)(video.Frames[t].Planes[p][(y * pw) + x] * scale);
                        i++;
                    }
                }
            }

            // Built inside a training step's dispose scope: kept beyond it.
            _cellOf[p] = tensor(cell).view(frames, ph * pw).DetachFromDisposeScope();
            _columnOf[p] = tensor(column).view(frames, ph * pw).DetachFromDisposeScope();
            _grids[p] = tensor(grid).view(frames, ph, pw, 2).DetachFromDisposeScope();
            _targets[p] = tensor(target).view(frames, ph, pw).DetachFromDisposeScope();
        }
    }

    /// <summary>The step's loss on the frames of a few random time digits of the last level.</summary>
    public Tensor StepLoss(AsmrNetwork network, IReadOnlyList<double> weights)
    {
        int bt = _a.Base(Axis.T, _a.Levels - 1);
        var digits = Enumerable.Range(0, bt).OrderBy(_ => _random.Next()).Take(_digitsPerStep).Order().ToArray();
        return Loss(network, weights, digits);
    }

    /// <summary>The loss on every frame.</summary>
    public Tensor FullLoss(AsmrNetwork network, IReadOnlyList<double> weights) =>
        Loss(network, weights, [.. Enumerable.Range(0, _a.Base(Axis.T, _a.Levels - 1))]);

    /// <summary>Luma PSNR (dB, 8-bit peak) of the warped output against the source, every frame.</summary>
    public double LumaPsnr(AsmrNetwork network)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var frames = Frames(network, [.. Enumerable.Range(0, _a.Base(Axis.T, _a.Levels - 1))], out var selected)[0];
        double mse = (frames - _targets[0].index_select(0, selected)).square().mean().item<float>();
        double peak = ((1 << _video.BitDepth) - 1) / (double)(1 << _video.BitDepth);
        return 10 * Math.Log10(peak * peak / mse);
    }

    private Tensor Loss(AsmrNetwork network, IReadOnlyList<double> weights, int[] digits)
    {
        var frames = Frames(network, digits, out var selected);
        Tensor loss = null!;
        for (int p = 0; p < frames.Length; p++)
        {
            using var w = weights[p].ToScalar();
            var term = (frames[p] - _targets[p].index_select(0, selected)).square().mean() * w;
            loss = p == 0 ? term : loss + term;
        }

        return loss;
    }

    /// <summary>Each plane's frames whose last-level time digit is in <paramref name="digits"/>, warped: [n, h, w].</summary>
    private Tensor[] Frames(AsmrNetwork network, int[] digits, out Tensor selected)
    {
        int last = _a.Levels - 1;
        int bt = _a.Base(Axis.T, last);
        int frameCount = _video.Frames.Count;
        var chosen = new bool[bt];
        foreach (int d in digits)
        {
            chosen[d] = true;
        }

        // The output columns of the chosen digits (t is outermost in each channel's block) and where each lands.
        var columnList = new List<long>();
        var position = new long[_columns];
        Array.Fill(position, -1);
        for (int p = 0; p < _offsets.Length; p++)
        {
            long width = ((p + 1 < _offsets.Length ? _offsets[p + 1] : _columns) - _offsets[p]) / bt;
            foreach (int d in digits)
            {
                for (long r = 0; r < width; r++)
                {
                    long c = _offsets[p] + (d * width) + r;
                    position[c] = columnList.Count;
                    columnList.Add(c);
                }
            }
        }

        selected = tensor(Enumerable.Range(0, frameCount).Where(t => chosen[t % bt]).Select(t => (long)t).ToArray());
        var output = network.ForwardPooled(network.SharedPre(), _pooling, null, tensor(columnList.ToArray())).reshape(-1);
        var positions = tensor(position);
        long n = columnList.Count;
        var result = new Tensor[_offsets.Length];
        for (int p = 0; p < _offsets.Length; p++)
        {
            int ph = _video.PlaneHeight(p), pw = _video.PlaneWidth(p);
            var index = (_cellOf[p].index_select(0, selected) * n) + positions.index_select(0, _columnOf[p].index_select(0, selected).reshape(-1)).view(-1, ph * pw);
            var frames = output.index_select(0, index.reshape(-1)).view(-1, 1, ph, pw);
            result[p] = _warp
                ? nn.functional.grid_sample(frames, _grids[p].index_select(0, selected), GridSampleMode.Bilinear, GridSamplePaddingMode.Border, true).view(-1, ph, pw)
                : frames.view(-1, ph, pw);
        }

        return result;
    }
}
