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
/// frames, warps them and takes the loss; or every frame on a few windows. Without motion the same sampling without any
/// warp (the control).
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
    private readonly int _windows;
    private readonly int _windowHeight;
    private readonly int _windowWidth;
    private readonly int _margin;

    // Per plane, [frames, height, width]: where each sample sits in ForwardPooled's output (its level L−2 cell in tree
    // order, its column), the source in full-scale units, and the vector in the plane's samples.
    private readonly Tensor[] _cellOf;
    private readonly Tensor[] _columnOf;
    private readonly Tensor[] _targets;
    private readonly Tensor[] _shiftY;
    private readonly Tensor[] _shiftX;

    /// <param name="windows">
    /// 0: each step takes whole frames of <paramref name="digitsPerStep"/> time digits. Otherwise each step takes every
    /// frame on that many windows of <paramref name="windowHeight"/>×<paramref name="windowWidth"/> luma samples
    /// (random, even positions), the network run on the windows widened by <paramref name="margin"/> samples so the
    /// warp reads what it would read in the whole frame.
    /// </param>
    public MotionWarp(ModelArchitecture architecture, VideoClip video, BlockMotion? motion, int digitsPerStep, long seed,
        int windows = 0, int windowHeight = 72, int windowWidth = 88, int margin = 6)
    {
        _a = architecture;
        _video = video;
        _warp = motion is not null;
        _random = new Random((int)seed);
        _windows = windows;
        _windowHeight = windowHeight;
        _windowWidth = windowWidth;
        _margin = margin;
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
        _targets = new Tensor[planes];
        _shiftY = new Tensor[planes];
        _shiftX = new Tensor[planes];
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
            var target = new float[cell.Length];
            var shiftY = new float[cell.Length];
            var shiftX = new float[cell.Length];
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
                        shiftY[i] = (float)(d.Y / sy);
                        shiftX[i] = (float)(d.X / sx);
                        target[i] = (float)(video.Frames[t].Planes[p][(y * pw) + x] * scale);
                        i++;
                    }
                }
            }

            // Built inside a training step's dispose scope: kept beyond it.
            _cellOf[p] = tensor(cell).view(frames, ph, pw).DetachFromDisposeScope();
            _columnOf[p] = tensor(column).view(frames, ph, pw).DetachFromDisposeScope();
            _targets[p] = tensor(target).view(frames, ph, pw).DetachFromDisposeScope();
            _shiftY[p] = tensor(shiftY).view(frames, ph, pw).DetachFromDisposeScope();
            _shiftX[p] = tensor(shiftX).view(frames, ph, pw).DetachFromDisposeScope();
        }
    }

    /// <summary>The step's loss on the frames of a few random time digits of the last level, or on random windows.</summary>
    public Tensor StepLoss(AsmrNetwork network, IReadOnlyList<double> weights)
    {
        if (_windows > 0)
        {
            return WindowLoss(network, weights);
        }

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

    /// <summary>Every frame on <see cref="_windows"/> random windows: the mean of the windows' losses.</summary>
    private Tensor WindowLoss(AsmrNetwork network, IReadOnlyList<double> weights)
    {
        int height = _video.Height, width = _video.Width;
        var windows = new (int Y, int X, int Y0, int X0, int Y1, int X1)[_windows];
        var regionCells = new List<Tensor>();
        for (int w = 0; w < _windows; w++)
        {
            int y = 2 * _random.Next(((height - _windowHeight) / 2) + 1), x = 2 * _random.Next(((width - _windowWidth) / 2) + 1);
            int y0 = Math.Max(0, y - _margin), x0 = Math.Max(0, x - _margin);
            int y1 = Math.Min(height, y + _windowHeight + _margin), x1 = Math.Min(width, x + _windowWidth + _margin);
            windows[w] = (y, x, y0, x0, y1, x1);
            regionCells.Add(_cellOf[0].narrow(1, y0, y1 - y0).narrow(2, x0, x1 - x0).reshape(-1));
        }

        // The cells the regions cover, ascending (as SharedPre takes them); a sample's row is its cell's rank there.
        var (cells, _, _) = cat(regionCells, 0).unique(sorted: true);
        var output = network.ForwardPooled(network.SharedPre(cells), _pooling, cells).reshape(-1);
        var allFrames = arange(_video.Frames.Count, dtype: ScalarType.Int64);
        Tensor loss = null!;
        foreach (var (wy, wx, y0, x0, y1, x1) in windows)
        {
            for (int p = 0; p < _offsets.Length; p++)
            {
                var (sy, sx) = _pooling[p];
                int ry0 = y0 / sy, rx0 = x0 / sx, rh = (y1 - y0) / sy, rw = (x1 - x0) / sx;
                var rows = searchsorted(cells, _cellOf[p].narrow(1, ry0, rh).narrow(2, rx0, rw));
                var index = (rows * _columns) + _columnOf[p].narrow(1, ry0, rh).narrow(2, rx0, rw);
                var region = output.index_select(0, index.reshape(-1)).view(-1, 1, rh, rw);
                int wy0 = wy / sy, wx0 = wx / sx, wh = _windowHeight / sy, ww = _windowWidth / sx;
                var predicted = Predict(region, p, allFrames, ry0, rx0, wy0, wx0, wh, ww);
                var target = _targets[p].narrow(1, wy0, wh).narrow(2, wx0, ww);
                using var weight = (weights[p] / _windows).ToScalar();
                var term = (predicted - target).square().mean() * weight;
                loss = loss is null ? term : loss + term;
            }
        }

        return loss;
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
        int bt = _a.Base(Axis.T, _a.Levels - 1);
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

        selected = tensor(Enumerable.Range(0, _video.Frames.Count).Where(t => chosen[t % bt]).Select(t => (long)t).ToArray());
        var output = network.ForwardPooled(network.SharedPre(), _pooling, null, tensor(columnList.ToArray())).reshape(-1);
        var positions = tensor(position);
        long n = columnList.Count;
        var result = new Tensor[_offsets.Length];
        for (int p = 0; p < _offsets.Length; p++)
        {
            int ph = _video.PlaneHeight(p), pw = _video.PlaneWidth(p);
            var index = (_cellOf[p].index_select(0, selected) * n) + positions.index_select(0, _columnOf[p].index_select(0, selected).reshape(-1)).view(-1, ph, pw);
            var frames = output.index_select(0, index.reshape(-1)).view(-1, 1, ph, pw);
            result[p] = Predict(frames, p, selected, 0, 0, 0, 0, ph, pw);
        }

        return result;
    }

    /// <summary>
    /// The prediction of plane <paramref name="p"/> on the window (<paramref name="wy0"/>, <paramref name="wx0"/>,
    /// <paramref name="wh"/>×<paramref name="ww"/> samples) of the frames <paramref name="frames"/>, read from
    /// <paramref name="region"/> [n, 1, rh, rw] (the network's output whose top-left sample is (<paramref name="ry0"/>,
    /// <paramref name="rx0"/>)): warped by the vectors, or the window as it is without motion. [n, wh, ww].
    /// </summary>
    private Tensor Predict(Tensor region, int p, Tensor frames, int ry0, int rx0, int wy0, int wx0, int wh, int ww)
    {
        long rh = region.shape[2], rw = region.shape[3];
        if (!_warp)
        {
            return region.view(-1, rh, rw).narrow(1, wy0 - ry0, wh).narrow(2, wx0 - rx0, ww);
        }

        // Positions in the region's own sample grid, normalised as grid_sample wants them with align_corners (−1 and 1
        // are the centres of the edge samples); outside the region it repeats the edge, as the decoder would the frame's.
        var x = _shiftX[p].index_select(0, frames).narrow(1, wy0, wh).narrow(2, wx0, ww) + arange(wx0 - rx0, wx0 - rx0 + ww, dtype: ScalarType.Float32).view(1, 1, ww);
        var y = _shiftY[p].index_select(0, frames).narrow(1, wy0, wh).narrow(2, wx0, ww) + arange(wy0 - ry0, wy0 - ry0 + wh, dtype: ScalarType.Float32).view(1, wh, 1);
        var grid = stack([(x * (2.0 / Math.Max(1, rw - 1))) - 1, (y * (2.0 / Math.Max(1, rh - 1))) - 1], 3);
        return nn.functional.grid_sample(region, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, true).view(-1, wh, ww);
    }
}
