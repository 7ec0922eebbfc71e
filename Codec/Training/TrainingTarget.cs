using Asmr.Container.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Asmr.Codec.Training;

/// <summary>
/// A segment's samples laid out like <see cref="AsmrNetwork.ForwardPooled"/>'s output [C_{L−2}, Σ_o β_o] (cells in
/// tree order as <see cref="AsmrNetwork.SharedPre"/> gives them; each plane
/// at its own resolution, chroma averaged over 2×2 / 2×1 network samples), with a validity mask when the grid is padded,
/// so a training step compares tensors without any permutation.
/// </summary>
internal sealed class TrainingTarget : IDisposable
{
    private readonly Tensor _target;
    private readonly Tensor? _mask;
    private readonly Tensor _columnWeights;
    private readonly int[][] _gather;
    private readonly long _columns;

    public TrainingTarget(ModelArchitecture architecture, VideoClip video)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(video);
        Architecture = architecture;
        Video = video;
        int o = architecture.OutputChannels;
        if (o != video.PlaneCount)
        {
            throw new ArgumentException("Output channel count must equal the plane count.", nameof(architecture));
        }

        int last = architecture.Levels - 1;
        int bt = architecture.Base(Axis.T, last), by = architecture.Base(Axis.Y, last), bx = architecture.Base(Axis.X, last);
        long cy = architecture.CumulativeSize(Axis.Y, last - 1), cx = architecture.CumulativeSize(Axis.X, last - 1);
        long cells = architecture.CellCount(last - 1);
        var treePositions = CellOrder.TreePositions(architecture, last - 1);
        int frames = video.Frames.Count;
        var pooling = new (int Sy, int Sx)[o];
        var offsets = new long[o];
        long columns = 0;
        for (int p = 0; p < o; p++)
        {
            int sy = video.SubsampleY(p), sx = video.SubsampleX(p);
            if (by % sy != 0 || bx % sx != 0)
            {
                throw new ArgumentException("The last level's bases must be multiples of the chroma subsampling.", nameof(architecture));
            }

            pooling[p] = (sy, sx);
            offsets[p] = columns;
            columns += (long)bt * (by / sy) * (bx / sx);
        }

        Pooling = pooling;
        _columns = columns;
        if (cells * columns > Array.MaxLength)
        {
            throw new ArgumentException($"A segment of {cells * columns} samples is too large to train in one piece.", nameof(video));
        }

        // A mask only when the grid is padded (some positions hold no sample).
        long valid = Enumerable.Range(0, o).Sum(p => (long)frames * video.PlaneWidth(p) * video.PlaneHeight(p));
        var target = new float[cells * columns];
        var mask = valid == cells * columns ? null : new float[cells * columns];
        var columnWeights = new float[columns];
        _gather = new int[o][];
        double scale = 1.0 / (1 << video.BitDepth);
        for (int p = 0; p < o; p++)
        {
            var (sy, sx) = pooling[p];
            int pby = by / sy, pbx = bx / sx;
            int pw = video.PlaneWidth(p), ph = video.PlaneHeight(p);
            var gather = new int[(long)frames * pw * ph];
            long g = 0;
            for (int t = 0; t < frames; t++)
            {
                var plane = video.Frames[t].Planes[p];
                for (int y = 0; y < ph; y++)
                {
                    int gy = y * sy;
                    for (int x = 0; x < pw; x++)
                    {
                        int gx = x * sx;
                        long cell = treePositions[((((t / bt) * cy) + (gy / by)) * cx) + (gx / bx)];
                        long delta = ((((t % bt) * pby) + ((gy % by) / sy)) * pbx) + ((gx % bx) / sx);
                        long index = (cell * columns) + offsets[p] + delta;
                        target[index] = (float)(plane[(y * pw) + x] * scale);
                        if (mask is not null)
                        {
                            mask[index] = 1f;
                        }

                        gather[g++] = (int)index;
                    }
                }
            }

            _gather[p] = gather;
            long width = (long)bt * pby * pbx;
            for (long i = 0; i < width; i++)
            {
                columnWeights[offsets[p] + i] = (float)(1.0 / gather.Length);
            }
        }

        ChannelOffsets = offsets;
        _target = tensor(target).view(cells, columns);
        _mask = mask is null ? null : tensor(mask).view(cells, columns);
        _columnWeights = tensor(columnWeights);
    }

    public ModelArchitecture Architecture { get; }

    public VideoClip Video { get; }

    /// <summary>Per output channel, the (rows, columns) block averaged into one plane sample.</summary>
    public IReadOnlyList<(int Sy, int Sx)> Pooling { get; }

    public IReadOnlyList<long> ChannelOffsets { get; }

    public long CellCount => _target.shape[0];

    /// <summary>Target samples (all planes) per last-level parent cell.</summary>
    public long SamplesPerCell => _columns;

    /// <summary>
    /// Σ_o weight_o · MSE_o (full-scale units) of pooled output rows; <paramref name="cells"/> selects the rows of
    /// the target they correspond to (null = all), the loss is then scaled as if all cells were present.
    /// </summary>
    public Tensor Loss(Tensor pooledOutput, IReadOnlyList<double> channelWeights, Tensor? cells = null)
    {
        ArgumentNullException.ThrowIfNull(pooledOutput);
        ArgumentNullException.ThrowIfNull(channelWeights);
        var error = cells is null ? WeightedSquaredError(pooledOutput, _target, _mask, channelWeights) : PartialLoss(pooledOutput, channelWeights, cells);
        double scale = cells is null ? 1.0 : CellCount / (double)cells.shape[0];
        using var cellScale = scale.ToScalar(); // held until the product is computed: see AsmrNetwork's scalar fields
        return error * cellScale;
    }

    /// <summary>
    /// The unscaled part of <see cref="Loss(Tensor, IReadOnlyList{double}, Tensor?)"/> that rows
    /// [<paramref name="firstCell"/>, +<paramref name="cellCount"/>) contribute (<paramref name="pooledOutput"/> holds
    /// just those rows): the parts of consecutive ranges add up to the whole loss.
    /// </summary>
    public Tensor PartialLoss(Tensor pooledOutput, IReadOnlyList<double> channelWeights, long firstCell, long cellCount)
    {
        ArgumentNullException.ThrowIfNull(pooledOutput);
        ArgumentNullException.ThrowIfNull(channelWeights);
        return WeightedSquaredError(pooledOutput, _target.narrow(0, firstCell, cellCount), _mask?.narrow(0, firstCell, cellCount), channelWeights);
    }

    /// <summary>
    /// The unscaled part of the loss that the rows <paramref name="cells"/> lists contribute (<paramref name="pooledOutput"/>
    /// holds just those rows, in that order).
    /// </summary>
    public Tensor PartialLoss(Tensor pooledOutput, IReadOnlyList<double> channelWeights, Tensor cells)
    {
        ArgumentNullException.ThrowIfNull(pooledOutput);
        ArgumentNullException.ThrowIfNull(channelWeights);
        ArgumentNullException.ThrowIfNull(cells);
        return WeightedSquaredError(pooledOutput, _target.index_select(0, cells), _mask?.index_select(0, cells), channelWeights);
    }

    /// <summary>Σ over rows and columns of weight · (output − target)² (masked positions count 0), unscaled.</summary>
    private Tensor WeightedSquaredError(Tensor output, Tensor target, Tensor? mask, IReadOnlyList<double> channelWeights)
    {
        var diff = output - target;
        if (mask is not null)
        {
            diff = diff * mask;
        }

        return (diff.square().sum(dim: 0) * ChannelWeightVector(channelWeights)).sum();
    }

    /// <summary>The loss of the best constant picture: each channel predicted by its mean (what a collapsed network draws).</summary>
    public double ConstantLoss(IReadOnlyList<double> channelWeights)
    {
        ArgumentNullException.ThrowIfNull(channelWeights);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var constant = zeros_like(_target);
        for (int o = 0; o < ChannelOffsets.Count; o++)
        {
            long start = ChannelOffsets[o];
            long end = ChannelEnd(o);
            var block = _target.narrow(1, start, end - start);
            Tensor mean;
            if (_mask is null)
            {
                mean = block.mean();
            }
            else
            {
                var m = _mask.narrow(1, start, end - start);
                using var one = 1.0.ToScalar(); // held: see AsmrNetwork's scalar fields
                mean = (block * m).sum() / m.sum().clamp_min(one);
            }

            constant.narrow(1, start, end - start).fill_(mean.item<float>());
        }

        return Loss(constant, channelWeights).item<float>();
    }

    /// <summary>Pooled output as plane samples, rounded as the decoder rounds: [frame][plane][row·w + col].</summary>
    public ushort[][][] Reconstruct(Tensor pooledOutput)
    {
        ArgumentNullException.ThrowIfNull(pooledOutput);
        using var flat = pooledOutput.contiguous().cpu();
        var values = flat.data<float>().ToArray();
        int frames = Video.Frames.Count;
        var result = new ushort[frames][][];
        for (int t = 0; t < frames; t++)
        {
            result[t] = new ushort[_gather.Length][];
        }

        int max = (1 << Video.BitDepth) - 1;
        double scale = 1 << Video.BitDepth;
        for (int p = 0; p < _gather.Length; p++)
        {
            int planeSize = Video.PlaneWidth(p) * Video.PlaneHeight(p);
            var gather = _gather[p];
            for (int t = 0; t < frames; t++)
            {
                var plane = new ushort[planeSize];
                for (int i = 0; i < planeSize; i++)
                {
                    double v = Math.Floor((values[gather[((long)t * planeSize) + i]] * scale) + 0.5);
                    plane[i] = (ushort)Math.Clamp(v, 0, max);
                }

                result[t][p] = plane;
            }
        }

        return result;
    }

    public void Dispose()
    {
        _target.Dispose();
        _mask?.Dispose();
        _columnWeights.Dispose();
    }

    /// <summary>One past the last column of output channel <paramref name="channel"/>'s block.</summary>
    private long ChannelEnd(int channel) => channel + 1 < ChannelOffsets.Count ? ChannelOffsets[channel + 1] : _columns;

    private Tensor ChannelWeightVector(IReadOnlyList<double> channelWeights)
    {
        var w = new float[_columns];
        for (int p = 0; p < ChannelOffsets.Count; p++)
        {
            for (long i = ChannelOffsets[p]; i < ChannelEnd(p); i++)
            {
                w[i] = (float)channelWeights[p];
            }
        }

        return tensor(w) * _columnWeights;
    }
}
