using Asmr.Container.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Asmr.Codec.Training;

/// <summary>
/// The float ASMR network, the same function as the normative decoder (spec §11) up to quantization. Phases are in
/// radians; outputs are in full-scale units (1.0 = 2^D). Linear modulators are parametrised on normalised digits
/// u = d/(B−1) scaled by <see cref="LinearScale"/> and converted to per-digit phases at export.
/// </summary>
internal sealed class AsmrNetwork : nn.Module
{
    private readonly Parameter[] _modulation;
    private readonly Parameter _bias0;
    private readonly Parameter?[] _weights;
    private readonly Parameter?[] _biases;
    private readonly Parameter _outWeight;
    private readonly Parameter _outBias;
    private readonly Tensor?[] _digits;

    private readonly List<Parameter> _gridLatents = [];
    private readonly List<Parameter> _gridProjections = [];
    private readonly List<Parameter> _gridLogScales = [];
    private readonly List<Tensor> _gridCells = [];
    private readonly Dictionary<int, (int Grid, Tensor Cells, Tensor Weights)> _interpolatedInto = [];
    private readonly List<LatentContextNetwork> _gridContexts = [];
    private readonly List<int> _gridTimeCells = [];
    private readonly Tensor _rasterToTree;
    private readonly Tensor? _timeGridRows;
    private readonly int _timeGroups;
    private readonly Tensor? _residualRows;
    private readonly Tensor? _residualTimeCells;
    private readonly Parameter? _residualGains;
    private readonly Parameter? _amplitudeWeight;
    private readonly Parameter? _amplitudeBias;
    private readonly bool _residualPerSample;
    private readonly Generator _latentNoise;
    private readonly Scalar _linearScale;

    // Scalars the per-step arithmetic uses, held in fields: a temporary Scalar (an implicit conversion of a literal)
    // may be finalised by the GC while the native call that reads it still runs (its handle was passed as a bare
    // pointer), and libtorch then reads a freed scalar (c10 "Expected false to be true" in Scalar::toFloat).
    private static readonly Scalar Half = 0.5.ToScalar();
    private static readonly Scalar MinProbability = 1e-9.ToScalar();

    /// <param name="contextHidden">Hidden units of each grid's context model (the latents' rate); 0 = a factorised Laplace per channel.</param>
    /// <param name="timeCellFrames">
    /// Experiment (not in the format): frames per time cell of a latent grid on the cells of level L−2 that enters the
    /// last level's pre-activation (pre + z·U) per group of the last level's time digits; 0 = none.
    /// </param>
    /// <param name="timeRank">Channels of that grid.</param>
    /// <param name="residualRank">
    /// Experiment (not in the format): channels of a latent grid on the cells of level L−2 (space only) whose channels,
    /// each scaled by a learned gain per frame, add a learned per-channel pattern to the output, out += Σ_r z_r(p)·v_r(t)·c_r;
    /// 0 = none.
    /// </param>
    /// <param name="residualPerSample">The residual grid's cells are the last level's spatial cells (one map value per pixel) instead of level L−2's.</param>
    public AsmrNetwork(ModelArchitecture architecture, NetworkInit init, long seed, int contextHidden = 0, int timeCellFrames = 0, int timeRank = 4, int residualRank = 0, bool residualPerSample = false, bool lastLevelAmplitude = false, bool contextTimeInput = false)
        : base("asmr")
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(init);
        Architecture = architecture;
        LinearScale = init.LinearScale;
        _linearScale = LinearScale.ToScalar();
        int levels = architecture.Levels;
        int h = architecture.Width;
        int o = architecture.OutputChannels;
        using var generator = new Generator((ulong)seed);
        _latentNoise = new Generator((ulong)seed ^ 0x1A7E57);
        Tensor Uniform(long[] shape, double bound) =>
            (rand(shape, generator: generator) * (2 * bound)) - bound;

        _modulation = new Parameter[levels];
        _digits = new Tensor?[levels];
        for (int l = 0; l < levels; l++)
        {
            int beta = architecture.LocalCount(l);
            if (architecture.Modulation(l) == ModulationKind.Table)
            {
                double bound = l <= 1 ? init.CoarseTableBound : init.TableBound;
                _modulation[l] = new Parameter(Uniform([beta, h], bound));
            }
            else
            {
                _modulation[l] = new Parameter(Uniform([h, ModelArchitecture.AxisCount], 1.0 / Math.Sqrt(3)));
                _digits[l] = NormalisedDigits(architecture, l);
            }

            register_parameter($"mod{l}", _modulation[l]);
        }

        _bias0 = new Parameter(Uniform([h], init.BiasBound));
        register_parameter("bias0", _bias0);
        _weights = new Parameter?[levels];
        _biases = new Parameter?[levels];
        double wBound = init.WeightGain * Math.Sqrt(6.0 / h);
        for (int l = 2; l < levels; l++)
        {
            _weights[l] = new Parameter(Uniform([h, h], wBound));
            _biases[l] = new Parameter(Uniform([h], init.BiasBound));
            register_parameter($"w{l}", _weights[l]!);
            register_parameter($"b{l}", _biases[l]!);
        }

        _outWeight = new Parameter(Uniform([o, h], init.OutputGain * Math.Sqrt(6.0 / h)));
        _outBias = new Parameter(full([o], init.OutputBias));
        register_parameter("out_w", _outWeight);
        register_parameter("out_b", _outBias);
        for (int i = 0; i < architecture.Grids.Count; i++)
        {
            var g = architecture.Grids[i];
            RegisterGrid(
                $"grid{i}", architecture.GridCellCount(i), g.TemporalCells, Uniform([g.Rank, h], init.GridProjectionBound), "projection", init,
                contextHidden > 0 ? new LatentContextNetwork(contextHidden, g.Rank, seed ^ (0xC0FFEE + i), contextTimeInput) : null);
            _gridCells.Add(tensor(CellOrder.GridCellsInTreeOrder(architecture, i)));
        }

        var positions = CellOrder.TreePositions(architecture, Math.Max(0, levels - 2));
        _rasterToTree = tensor(positions);
        if (timeCellFrames > 0)
        {
            int lastBase = architecture.Base(Axis.T, levels - 1);
            if (levels < 3 || lastBase % timeCellFrames != 0 || contextHidden == 0)
            {
                throw new ArgumentException($"A time grid of {timeCellFrames} frames per cell needs a context model and the last level's {lastBase} time digits to be a multiple of it.", nameof(timeCellFrames));
            }

            _timeGroups = lastBase / timeCellFrames;
            int level = levels - 2;
            int ct = architecture.CumulativeSize(Axis.T, level), cy = architecture.CumulativeSize(Axis.Y, level), cx = architecture.CumulativeSize(Axis.X, level);
            var rows = new long[positions.Length * _timeGroups];
            long r = 0;
            for (int t = 0; t < ct; t++)
            {
                for (int y = 0; y < cy; y++)
                {
                    for (int x = 0; x < cx; x++)
                    {
                        long tree = positions[r++];
                        for (int group = 0; group < _timeGroups; group++)
                        {
                            rows[(tree * _timeGroups) + group] = (((((long)t * _timeGroups) + group) * cy) + y) * cx + x;
                        }
                    }
                }
            }

            _timeGridRows = tensor(rows).view(-1, _timeGroups);
            TimeGridIndex = RegisterGrid(
                "timegrid", (long)ct * _timeGroups * cy * cx, ct * _timeGroups, Uniform([timeRank, h], init.GridProjectionBound), "projection", init,
                new LatentContextNetwork(contextHidden, timeRank, seed ^ 0x71DE));
        }

        if (residualRank > 0)
        {
            int level = levels - 2, last = levels - 1;
            if (levels < 3 || contextHidden == 0 || timeCellFrames > 0)
            {
                throw new ArgumentException("A residual grid needs three levels, a context model and no time grid.", nameof(residualRank));
            }

            int ct = architecture.CumulativeSize(Axis.T, level), cy = architecture.CumulativeSize(Axis.Y, level), cx = architecture.CumulativeSize(Axis.X, level);
            int bt = architecture.Base(Axis.T, last), by = architecture.Base(Axis.Y, last), bx = architecture.Base(Axis.X, last);
            int children = residualPerSample ? by * bx : 1;
            var spatial = new long[positions.Length * children];
            var times = new long[positions.Length];
            long r = 0;
            for (int t = 0; t < ct; t++)
            {
                for (int y = 0; y < cy; y++)
                {
                    for (int x = 0; x < cx; x++)
                    {
                        long tree = positions[r++];
                        times[tree] = t;
                        if (!residualPerSample)
                        {
                            spatial[tree] = ((long)y * cx) + x;
                            continue;
                        }

                        for (int dy = 0; dy < by; dy++)
                        {
                            for (int dx = 0; dx < bx; dx++)
                            {
                                spatial[(tree * children) + (dy * bx) + dx] = ((((long)y * by) + dy) * cx * bx) + ((long)x * bx) + dx;
                            }
                        }
                    }
                }
            }

            _residualRows = tensor(spatial).view(-1, children);
            _residualTimeCells = tensor(times);
            _residualPerSample = residualPerSample;
            var colours = Uniform([residualRank, residualPerSample ? o : o * by * bx], init.OutputGain * Math.Sqrt(6.0 / h));
            _residualGains = new Parameter(Uniform([ct, residualRank, bt], 1.0));
            ResidualGridIndex = RegisterGrid(
                "residual", (long)cy * cx * children, 1, colours, "colours", init, new LatentContextNetwork(contextHidden, residualRank, seed ^ 0x2E51D));
            register_parameter("residual_gains", _residualGains);
        }

        if (lastLevelAmplitude)
        {
            if (levels < 3 || timeCellFrames > 0 || residualRank > 0)
            {
                throw new ArgumentException("A last-level amplitude needs three levels and no time or residual grid.", nameof(lastLevelAmplitude));
            }

            // Zero: the network starts as the one without amplitudes (every amplitude 1).
            _amplitudeWeight = new Parameter(zeros([h, h]));
            _amplitudeBias = new Parameter(zeros([h]));
            register_parameter("amplitude_w", _amplitudeWeight);
            register_parameter("amplitude_b", _amplitudeBias);
        }
    }

    /// <summary>
    /// Experimental (float only, not in the format): each cell of level L−2 scales its last-level units by amplitudes
    /// a = 1 + W_a·sin θ_{L−2} + b_a, so the last level's input is a·[sin pre, cos pre] instead of unit-modulus pairs;
    /// <see cref="SharedPre(Tensor?)"/> then returns [pre, a] side by side ([n, 2H]).
    /// </summary>
    public bool LastLevelAmplitude => _amplitudeWeight is not null;

    /// <summary>
    /// Registers a latent grid (the architecture's, then the experimental ones): zero latents [cells, k] (k = the rows
    /// of <paramref name="projection"/>), its projection, log-scales and, when given, its context model. Returns its index.
    /// </summary>
    private int RegisterGrid(string name, long cells, int timeCells, Tensor projection, string projectionName, NetworkInit init, LatentContextNetwork? context)
    {
        int rank = (int)projection.shape[0];
        var latents = new Parameter(zeros([cells, rank]));
        var projectionParameter = new Parameter(projection);
        var logScale = new Parameter(full([rank], Math.Log(init.GridInitialScale)));
        _gridLatents.Add(latents);
        _gridProjections.Add(projectionParameter);
        _gridLogScales.Add(logScale);
        _gridTimeCells.Add(timeCells);
        register_parameter($"{name}_latents", latents);
        register_parameter($"{name}_{projectionName}", projectionParameter);
        register_parameter($"{name}_logscale", logScale);
        if (context is not null)
        {
            _gridContexts.Add(context);
            register_module($"{name}_context", context);
        }

        return _gridLatents.Count - 1;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _latentNoise.Dispose();
            _linearScale.Dispose();
            _rasterToTree.Dispose();
            _timeGridRows?.Dispose();
            _residualRows?.Dispose();
            _residualTimeCells?.Dispose();
            foreach (var cells in _gridCells)
            {
                cells.Dispose();
            }

            InterpolatedGrids = false;
        }

        base.Dispose(disposing);
    }

    /// <summary>Overwrites every parameter with <paramref name="other"/>'s (same architecture): a fresh start from another initialisation.</summary>
    public void CopyParametersFrom(AsmrNetwork other)
    {
        ArgumentNullException.ThrowIfNull(other);
        using var noGrad = no_grad();
        var mine = parameters().ToList();
        var theirs = other.parameters().ToList();
        if (mine.Count != theirs.Count)
        {
            throw new ArgumentException("The networks have different parameter lists.", nameof(other));
        }

        for (int i = 0; i < mine.Count; i++)
        {
            mine[i].copy_(theirs[i]);
        }
    }

    /// <summary>Per grid (architecture order): the latents as [cells, k] (float while training; the format stores integers).</summary>
    public IReadOnlyList<Parameter> GridLatents => _gridLatents;

    /// <summary>Per grid: the projection U as [k, H] radians per latent unit.</summary>
    public IReadOnlyList<Parameter> GridProjections => _gridProjections;

    /// <summary>Per grid: log of the Laplace scale per channel of the rate model (<see cref="LatentBits"/>; not stored).</summary>
    public IReadOnlyList<Parameter> GridLogScales => _gridLogScales;

    /// <summary>When true the forward adds U(−½, ½) noise to the latents (training proxy for rounding).</summary>
    public bool LatentNoise { get; set; }

    /// <summary>
    /// When true (and <see cref="LatentNoise"/> is off) the forward and the rate see the latents rounded, as the file
    /// stores them, while gradients pass through the rounding unchanged (straight-through): what the fit learns is what
    /// the decoder gets.
    /// </summary>
    public bool LatentStraightThrough { get; set; }

    /// <summary>
    /// With <see cref="LatentNoise"/>: when set, the noised latents are soft-rounded at this temperature before and
    /// after the noise, sr(sr(z, T) + u, T), so the forward sees values that cluster near the integers the file will
    /// store (T → 0 is rounding, T ≥ 1 almost the identity). Null: plain z + u.
    /// </summary>
    public double? LatentSoftRoundTemperature { get; set; }

    /// <summary>
    /// When true (and the grids have context models), a grid with several time cells holds each later time cell as
    /// its difference from the one before: <see cref="GridLatents"/> are then those differences, and the latents the
    /// forward, the rate and the file see are their running sums over time (<see cref="LatentValues"/>). An unchanged
    /// latent is then exactly unchanged, and noise and rounding act on the differences, as the coder's prediction from
    /// the previous time cell sees them.
    /// </summary>
    public bool TemporalDeltas { get; set; }

    /// <summary>Grid <paramref name="grid"/>'s latents as values, [cells, k] (the running sums over time of its parameters with <see cref="TemporalDeltas"/>).</summary>
    public Tensor LatentValues(int grid) => Accumulated(grid, _gridLatents[grid]);

    /// <summary>The integers the file stores for grid <paramref name="grid"/>: its parameters rounded, then accumulated over time.</summary>
    public Tensor LatentIntegers(int grid) => Accumulated(grid, _gridLatents[grid].detach().round());

    /// <summary>Sets grid <paramref name="grid"/>'s latents to <paramref name="values"/> [cells, k] (inverse of <see cref="LatentValues"/>).</summary>
    public void SetLatentValues(int grid, Tensor values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var noGrad = no_grad();
        int t = _gridTimeCells[grid];
        var z = _gridLatents[grid];
        if (!AccumulatesOverTime(grid))
        {
            z.copy_(values.view(z.shape));
            return;
        }

        var v = values.view(t, -1, z.shape[1]);
        var differences = cat([v.narrow(0, 0, 1), v.narrow(0, 1, t - 1) - v.narrow(0, 0, t - 1)], 0);
        z.copy_(differences.view(z.shape));
    }

    private bool AccumulatesOverTime(int grid) =>
        TemporalDeltas && _gridContexts.Count > 0 && _gridTimeCells[grid] > 1;

    private Tensor Accumulated(int grid, Tensor z)
    {
        if (!AccumulatesOverTime(grid))
        {
            return z;
        }

        int t = _gridTimeCells[grid];
        return z.view(t, -1, z.shape[1]).cumsum(0).view(z.shape);
    }

    /// <summary>Grid <paramref name="grid"/>'s latents as the forward and the rate see them while training.</summary>
    private Tensor TrainingLatents(int grid)
    {
        Tensor z = _gridLatents[grid];
        if (!is_grad_enabled())
        {
            return Accumulated(grid, z);
        }

        if (grid == ResidualGridIndex && ResidualRoundedForward)
        {
            return RoundedStraightThrough(z);
        }

        if (LatentNoise)
        {
            return Accumulated(grid, LatentSoftRoundTemperature is { } t ? SoftRound(Noised(SoftRound(z, t)), t) : Noised(z));
        }

        return Accumulated(grid, LatentStraightThrough ? RoundedStraightThrough(z) : z);
    }

    /// <summary>z + U(−½, ½), the training proxy for rounding.</summary>
    private Tensor Noised(Tensor z) => z + (rand(z.shape, generator: _latentNoise) - Half);

    /// <summary>z rounded in the forward, with gradients passing through the rounding unchanged.</summary>
    private static Tensor RoundedStraightThrough(Tensor z) => z + (z.round() - z).detach();

    /// <summary>
    /// sr(x, T) = ⌊x⌋ + ½ + ½·tanh((x − ⌊x⌋ − ½)/T) / tanh(1/(2T)): a differentiable rounding that is continuous
    /// across the integers' midpoints (⌊x⌋ carries no gradient).
    /// </summary>
    internal static Tensor SoftRound(Tensor x, double temperature)
    {
        using var inverseT = (1 / temperature).ToScalar();
        using var gain = (0.5 / Math.Tanh(0.5 / temperature)).ToScalar();
        var floor = x.floor().detach();
        return floor + Half + (((x - floor - Half) * inverseT).tanh() * gain);
    }

    /// <summary>Per grid: the context model that predicts its latents' distributions (empty with a factorised rate).</summary>
    public IReadOnlyList<LatentContextNetwork> GridContexts => _gridContexts;

    /// <summary>
    /// Laplace-model estimate of the latents' bits, as the rate term sees them: the noised latents with a context
    /// model, the float latents with a factorised one, in the straight-through phase as in the noise phase. Rounding
    /// changes what the synthesis sees, not how the rate is estimated: the rate of rounded latents has no gradient
    /// inside the rounding interval of zero, so with it the latents drift off zero unchecked (foreman's latents went
    /// from 38 k to 96 k estimated bits within 100 straight-through steps).
    /// </summary>
    public Tensor LatentBits()
    {
        Tensor total = zeros(1);
        for (int i = 0; i < _gridLatents.Count; i++)
        {
            total = total + GridBits(i);
        }

        return total;
    }

    /// <summary>Grid <paramref name="i"/>'s part of <see cref="LatentBits"/>.</summary>
    public Tensor GridBits(int i)
    {
        if (_gridContexts.Count == 0)
        {
            return LaplaceRate.Bits(_gridLatents[i], mean: null, _gridLogScales[i].exp().view(1, -1), MinProbability);
        }

        int gridLevel = i == TimeGridIndex ? Architecture.Levels - 2
            : i == ResidualGridIndex ? Architecture.Levels - (_residualPerSample ? 1 : 2)
            : Architecture.Grids[i].Level;
        int timeCells = _gridTimeCells[i];
        // The context is read from noised values like the ones the rate is taken on: on the clean float latents a
        // context model learns to predict values to a precision the integers do not have, and underestimates their
        // bits several-fold.
        var latents = RateLatents(i);
        int rows = Architecture.CumulativeSize(Axis.Y, gridLevel), columns = Architecture.CumulativeSize(Axis.X, gridLevel);
        if (ContextFitOnIntegers && is_grad_enabled())
        {
            // Each latent's rate is that of its noised difference on top of the integers before it (for a grid not
            // accumulated over time, the noised latent itself), read in the context of the integers (what the decoder
            // has). Read in a noised context, a model that predicts sharply prices noised latents on its probability
            // floor, where the rate has no gradient: akiyo's λ then grew without bound, and at 0.025 bpp with motion
            // the latents' estimated bits stopped answering it and the fit collapsed (experiments/NOTES.md).
            var integers = LatentIntegers(i);
            var d = _gridLatents[i];
            var symbols = (integers - d.detach().round()) + Noised(d);
            return _gridContexts[i].IntegerContextBits(symbols, integers, timeCells, rows, columns);
        }

        return _gridContexts[i].Bits(latents, timeCells, rows, columns);
    }

    /// <summary>
    /// When true a context model is fitted to the rounded latents (the integers the coder will code), and the latents'
    /// rate is their noised bits under that model with its parameters held, each read in the context of the integers.
    /// False: one noised rate trains both, and the model may follow latents that gather between the integers
    /// (predicting means such as 0.45 that the noised rate prices at almost nothing and the coder cannot).
    /// </summary>
    public bool ContextFitOnIntegers { get; set; }

    /// <summary>Grid <paramref name="grid"/>'s latents as a context model's rate sees them: noised while training.</summary>
    private Tensor RateLatents(int grid) =>
        is_grad_enabled() && ((LatentStraightThrough && !LatentNoise) || (grid == ResidualGridIndex && ResidualRoundedForward))
            ? Accumulated(grid, Noised(_gridLatents[grid]))
            : TrainingLatents(grid);

    /// <summary>
    /// Experiment: the residual grid's latents are rounded (straight-through) in the forward from the first step, its
    /// rate taken on the noised latents: noise on a term added to the output would add noise to every pixel, still
    /// ones included, however few latents are non-zero.
    /// </summary>
    public bool ResidualRoundedForward { get; set; }

    public ModelArchitecture Architecture { get; }

    /// <summary>The index of the experimental time grid in <see cref="GridLatents"/> (after the architecture's grids), or −1.</summary>
    public int TimeGridIndex { get; } = -1;

    /// <summary>The index of the experimental residual grid in <see cref="GridLatents"/> (after the architecture's grids), or −1.</summary>
    public int ResidualGridIndex { get; } = -1;

    /// <summary>ω: linear modulators produce ω·M·u radians.</summary>
    public double LinearScale { get; }

    public Parameter ModulationParameter(int level) => _modulation[level];

    public Parameter Bias0 => _bias0;

    public Parameter WeightParameter(int level) => _weights[level] ?? throw new ArgumentOutOfRangeException(nameof(level));

    public Parameter BiasParameter(int level) => _biases[level] ?? throw new ArgumentOutOfRangeException(nameof(level));

    public Parameter OutputWeight => _outWeight;

    public Parameter OutputBias => _outBias;

    /// <summary>P_l as a β_l × H tensor of phases in radians.</summary>
    public Tensor Pattern(int level)
    {
        var digits = _digits[level];
        return digits is null ? _modulation[level] : digits.mm(_modulation[level].t()) * _linearScale;
    }

    /// <summary>
    /// Shared-activation forward over the whole padded grid. Returns [C_{L−2}, O, β_{L−1}]: parent cells of the last
    /// level in raster order, then output channel, then the last level's local index δ.
    /// </summary>
    public Tensor Forward(bool factorised = true) => ForwardFromPre(SharedPre(), factorised).index_select(0, _rasterToTree);

    /// <summary>
    /// pre(p) for every cell p of level L−2 as [C_{L−2}, H], in tree order (<see cref="CellOrder"/>: each parent's
    /// children together, so broadcasting over them and summing gradients back are row operations).
    /// </summary>
    public Tensor SharedPre() => SharedPre(null);

    /// <summary>
    /// pre(p) for the cells of level L−2 that <paramref name="cells"/> lists (tree-order indices), [n, H] in that
    /// order; null = every cell, as <see cref="SharedPre()"/>. Only the listed rows of level L−2 are computed: a
    /// training step that fits part of the last level's cells spends nothing on the rest of the finest shared level.
    /// </summary>
    public Tensor SharedPre(Tensor? cells)
    {
        int levels = Architecture.Levels;
        var theta = cells is null ? Theta(levels - 2) : ThetaRows(levels - 2, cells);
        if (levels == 2)
        {
            return theta;
        }

        var hidden = theta.sin();
        var pre = nn.functional.linear(hidden, _weights[levels - 1]!, _biases[levels - 1]);
        return _amplitudeWeight is null ? pre : cat([pre, nn.functional.linear(hidden, _amplitudeWeight, _amplitudeBias) + 1.0], 1);
    }

    /// <summary>θ_l for the cells of level <paramref name="level"/> that <paramref name="rows"/> lists (tree order): the levels above in full, this one on those rows.</summary>
    private Tensor ThetaRows(int level, Tensor rows)
    {
        if (level == 0)
        {
            return Theta(0).index_select(0, rows);
        }

        var above = Theta(level - 1);
        var parent = level == 1 ? above : nn.functional.linear(above.sin(), _weights[level]!, _biases[level]);
        long beta = Architecture.LocalCount(level);
        // Tree order holds each parent's β children together: row r is child r mod β of parent r / β.
        using var betaScalar = beta.ToScalar();
        var parents = rows.div(betaScalar, rounding_mode: RoundingMode.floor);
        var locals = rows.remainder(betaScalar);
        var theta = parent.index_select(0, parents) + Pattern(level).index_select(0, locals);
        return AddGrid(level, theta, rows);
    }

    /// <summary>
    /// What the weight of level <paramref name="level"/> (2 ≤ level ≤ L−1) multiplies: sin θ_{level−1} for every cell of
    /// level − 1, [C_{level−1}, H] in tree order.
    /// </summary>
    public Tensor WeightInput(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Architecture.Levels - 1);
        return Theta(level - 1).sin();
    }

    /// <summary>θ_l for every cell of level <paramref name="level"/> (latent grids included), [C_l, H] in tree order.</summary>
    private Tensor Theta(int level)
    {
        var a = Architecture;
        int h = a.Width;
        var theta = AddGrid(0, Pattern(0) + _bias0);
        for (int l = 1; l <= level; l++)
        {
            var parent = l == 1 ? theta : nn.functional.linear(theta.sin(), _weights[l]!, _biases[l]);
            long beta = a.LocalCount(l);
            theta = (parent.view(-1, 1, h) + Pattern(l).view(1, beta, h)).view(-1, h);
            theta = AddGrid(l, theta);
        }

        return theta;
    }

    /// <summary>
    /// θ_l [C_l, H] (tree order) plus the term z·U of the latent grid on level l, if any (spec §11.4); for the cells
    /// <paramref name="rows"/> lists only (null: all). With <see cref="InterpolatedGrids"/>, the interpolated term of the
    /// grid on the level above instead.
    /// </summary>
    private Tensor AddGrid(int level, Tensor theta, Tensor? rows = null)
    {
        int i = Architecture.GridIndex(level);
        if (i >= 0 && !IsInterpolated(i))
        {
            var z = TrainingLatents(i);
            theta = theta + z.index_select(0, rows is null ? _gridCells[i] : _gridCells[i].index_select(0, rows)).mm(_gridProjections[i]);
        }

        if (_interpolatedInto.TryGetValue(level, out var above))
        {
            var cells = rows is null ? above.Cells : above.Cells.index_select(0, rows);
            var weights = rows is null ? above.Weights : above.Weights.index_select(0, rows);
            var z = TrainingLatents(above.Grid);
            var taps = z.index_select(0, cells.reshape(-1)).view(cells.shape[0], 4, z.shape[1]);
            theta = theta + (taps * weights.unsqueeze(-1)).sum(1).mm(_gridProjections[above.Grid]);
        }

        return theta;
    }

    /// <summary>Whether grid <paramref name="grid"/> enters the level below its own (<see cref="InterpolatedGrids"/>).</summary>
    public bool IsInterpolated(int grid) => _interpolatedInto.Values.Any(e => e.Grid == grid);

    /// <summary>
    /// The network's projection of grid <paramref name="grid"/> per unit of the file's: 4·R_y·R_x for an interpolated grid
    /// (R: the next level's bases), whose decoder sums the four latents with integer weights (2R − f)(2R − f′) … that
    /// add up to 4·R_y·R_x; else 1.
    /// </summary>
    public double GridProjectionScale(int grid)
    {
        if (!IsInterpolated(grid))
        {
            return 1;
        }

        int next = Architecture.Grids[grid].Level + 1;
        return 4.0 * Architecture.Base(Axis.Y, next) * Architecture.Base(Axis.X, next);
    }

    /// <summary>
    /// Every latent grid on a level above the finest shared one enters the level below it instead of its own, bilinearly
    /// interpolated in y and x at that level's cell centres (<see cref="CellOrder.BilinearTaps"/>; model_version 5,
    /// spec §11.4), so that its picture is smooth across its cells' edges rather than piecewise constant. Each level is
    /// still evaluated once per cell. The file's projection of such a grid is this network's divided by
    /// <see cref="GridProjectionScale"/>.
    /// </summary>
    public bool InterpolatedGrids
    {
        get => _interpolatedInto.Count > 0;
        set
        {
            foreach (var entry in _interpolatedInto.Values)
            {
                entry.Cells.Dispose();
                entry.Weights.Dispose();
            }

            _interpolatedInto.Clear();
            for (int i = 0; value && i < Architecture.Grids.Count; i++)
            {
                int level = Architecture.Grids[i].Level;
                if (level + 1 <= Architecture.Levels - 2)
                {
                    var (cells, weights) = CellOrder.BilinearTaps(Architecture, i);
                    _interpolatedInto[level + 1] = (i, tensor(cells, [cells.Length / 4, 4]), tensor(weights, [weights.Length / 4, 4]));
                }
            }
        }
    }

    /// <summary>The last level from pre: [C, O, β]. Factorised: one GEMM [C × 2H]·[2H × O·β].</summary>
    public Tensor ForwardFromPre(Tensor pre, bool factorised = true)
    {
        ArgumentNullException.ThrowIfNull(pre);
        var a = Architecture;
        int h = a.Width;
        int o = a.OutputChannels;
        long beta = a.LocalCount(a.Levels - 1);
        long cells = pre.shape[0];
        var m = Pattern(a.Levels - 1);
        if (!factorised)
        {
            var act = (pre.narrow(1, 0, h).view(cells, 1, h) + m.view(1, beta, h)).sin();
            if (LastLevelAmplitude)
            {
                act = act * pre.narrow(1, h, h).view(cells, 1, h);
            }

            return act.matmul(_outWeight.t()).permute(0, 2, 1) + _outBias.view(1, o, 1);
        }

        var k = LastLevelKernel(m);
        var x = LastLevelInput(pre);
        return x.mm(k.view(2 * h, o * beta)).view(cells, o, beta) + _outBias.view(1, o, 1);
    }

    /// <summary>
    /// The last level with each channel averaged over its subsampling block (as the decoder forms 4:2:0 chroma):
    /// [C, Σ_o β_o], channel blocks in order. Averaging is linear, so it is folded into the GEMM's right operand.
    /// <paramref name="cells"/> lists the tree-order cells of level L−2 whose rows <paramref name="pre"/> holds (null:
    /// every cell); only the experimental time grid needs to know which.
    /// </summary>
    public Tensor ForwardPooled(Tensor pre, IReadOnlyList<(int Sy, int Sx)> pooling, Tensor? cells = null) =>
        ForwardPooled(pre, pooling, cells, null);

    /// <summary>
    /// <see cref="ForwardPooled(Tensor, IReadOnlyList{ValueTuple{int, int}}, Tensor?)"/> restricted to the output
    /// columns <paramref name="columns"/> lists (null: all); experiments that need whole frames of a few time digits
    /// use it (not with the experimental time and residual grids).
    /// </summary>
    public Tensor ForwardPooled(Tensor pre, IReadOnlyList<(int Sy, int Sx)> pooling, Tensor? cells, Tensor? columns)
    {
        ArgumentNullException.ThrowIfNull(pre);
        ArgumentNullException.ThrowIfNull(pooling);
        var a = Architecture;
        int h = a.Width;
        int last = a.Levels - 1;
        long bt = a.Base(Axis.T, last), by = a.Base(Axis.Y, last), bx = a.Base(Axis.X, last);
        var k = LastLevelKernel(Pattern(last));
        var blocks = new List<Tensor>();
        var biases = new List<Tensor>();
        for (int o = 0; o < a.OutputChannels; o++)
        {
            var (sy, sx) = pooling[o];
            var ko = k.select(1, o);
            if (sy != 1 || sx != 1)
            {
                ko = ko.view(2 * h, bt, by / sy, sy, bx / sx, sx).mean([3, 5]).reshape(2 * h, -1);
            }

            blocks.Add(ko);
            biases.Add(_outBias[o].expand(ko.shape[1]));
        }

        if (columns is not null && (TimeGridIndex >= 0 || ResidualGridIndex >= 0))
        {
            throw new NotSupportedException("The experimental time and residual grids compute every output column.");
        }

        if (TimeGridIndex >= 0)
        {
            return ForwardPooledWithTimeGrid(pre, cells, blocks, biases);
        }

        var x = LastLevelInput(pre);
        var kernel = cat(blocks, 1);
        var bias = cat(biases, 0);
        if (columns is not null)
        {
            kernel = kernel.index_select(1, columns);
            bias = bias.index_select(0, columns);
        }

        Tensor output;
        if (HalfPrecisionLastLevel && is_grad_enabled())
        {
            // bfloat16 operands, float32 accumulation: twice as fast on CPUs with AVX-512 BF16, and its rounding
            // (2^-9 of the output) is far below the training error.
            output = x.to(ScalarType.BFloat16).mm(kernel.to(ScalarType.BFloat16)).to(ScalarType.Float32) + bias;
        }
        else
        {
            output = addmm(bias, x, kernel, 1f, 1f);
        }

        return ResidualGridIndex >= 0 ? output + ResidualTerm(cells, pooling) : output;
    }

    /// <summary>
    /// The residual grid's term [n, Σ_o β_o]: Σ_r z_r(p)·v_r(τ, t)·c_r(o, y, x) for the rows of level L−2 that
    /// <paramref name="cells"/> lists, as one product of [n, T·R] (each row's latents in its time cell's block) and a
    /// kernel [T·R, Σ_o β_o] pooled as the output's channels.
    /// </summary>
    private Tensor ResidualTerm(Tensor? cells, IReadOnlyList<(int Sy, int Sx)> pooling)
    {
        var a = Architecture;
        int last = a.Levels - 1, o = a.OutputChannels, ct = a.CumulativeSize(Axis.T, a.Levels - 2);
        long bt = a.Base(Axis.T, last), by = a.Base(Axis.Y, last), bx = a.Base(Axis.X, last);
        var z = TrainingLatents(ResidualGridIndex);
        int rank = (int)z.shape[1];
        var rows = cells is null ? _residualRows! : _residualRows!.index_select(0, cells);
        var times = cells is null ? _residualTimeCells! : _residualTimeCells!.index_select(0, cells);
        long n = rows.shape[0];
        long children = rows.shape[1];
        var zr = z.index_select(0, rows.reshape(-1)).view(n, 1, children * rank);
        var placed = (nn.functional.one_hot(times, ct).to(ScalarType.Float32).view(n, ct, 1) * zr).view(n, ct * children * rank);
        var gains = _residualGains!.view(ct, 1, rank, 1, bt, 1, 1);
        var colours = _residualPerSample
            ? _gridProjections[ResidualGridIndex].view(1, 1, rank, o, 1, 1, 1) * eye(children).view(1, children, 1, 1, 1, by, bx)
            : _gridProjections[ResidualGridIndex].view(1, 1, rank, o, 1, by, bx);
        var kernel = (gains * colours).view(ct * children, rank, o, bt, by, bx); // rows (τ, child, r)
        var blocks = new List<Tensor>();
        for (int c = 0; c < o; c++)
        {
            var (sy, sx) = pooling[c];
            var kc = kernel.select(2, c);
            if (sy != 1 || sx != 1)
            {
                kc = kc.reshape(ct * children, rank, bt, by / sy, sy, bx / sx, sx).mean([4, 6]);
            }

            blocks.Add(kc.reshape(ct * children * rank, -1));
        }

        return placed.mm(cat(blocks, 1));
    }

    /// <summary>
    /// The last level with the time grid: pre(p) + z(p, g)·U per group g of the last level's time digits, and the GEMM
    /// done per group on that group's columns (the same multiply-adds as without it).
    /// </summary>
    private Tensor ForwardPooledWithTimeGrid(Tensor pre, Tensor? cells, List<Tensor> blocks, List<Tensor> biases)
    {
        int h = Architecture.Width;
        int groups = _timeGroups;
        long n = pre.shape[0];
        var rows = cells is null ? _timeGridRows! : _timeGridRows!.index_select(0, cells);
        var z = TrainingLatents(TimeGridIndex);
        var term = z.index_select(0, rows.reshape(-1)).mm(_gridProjections[TimeGridIndex]).view(n, groups, h);
        var grouped = pre.view(n, 1, h) + term;
        var x = cat([grouped.sin(), grouped.cos()], 2).permute(1, 0, 2);
        // Each channel block's columns are (t, y, x) with t outermost: group g owns a contiguous run of them.
        var sizes = blocks.Select(b => b.shape[1] / groups).ToArray();
        var k = cat(blocks.Select(b => b.view(2 * h, groups, -1).permute(1, 0, 2)).ToList(), 2);
        Tensor y = HalfPrecisionLastLevel && is_grad_enabled()
            ? x.to(ScalarType.BFloat16).bmm(k.to(ScalarType.BFloat16)).to(ScalarType.Float32)
            : x.bmm(k);
        var channels = y.split(sizes, 2).Select(part => part.permute(1, 0, 2).reshape(n, -1)).ToList();
        return cat(channels, 1) + cat(biases, 0);
    }

    /// <summary>Training only: the last level's GEMM in bfloat16 (<see cref="ForwardPooled"/>, with gradients on).</summary>
    public bool HalfPrecisionLastLevel { get; set; }

    /// <summary>[sin pre, cos pre]: [C, 2H]; with <see cref="LastLevelAmplitude"/> (pre = [pre, a]) a·[sin pre, cos pre].</summary>
    private Tensor LastLevelInput(Tensor pre)
    {
        if (!LastLevelAmplitude)
        {
            return cat([pre.sin(), pre.cos()], 1);
        }

        int h = Architecture.Width;
        var phase = pre.narrow(1, 0, h);
        var amplitude = pre.narrow(1, h, h);
        return cat([phase.sin() * amplitude, phase.cos() * amplitude], 1);
    }

    /// <summary>K[j, o, δ] = W_out[o, j]·cos(m[δ, j]) for j &lt; H and W_out[o, j]·sin(m[δ, j]) for the second half: [2H, O, β].</summary>
    private Tensor LastLevelKernel(Tensor m)
    {
        int h = Architecture.Width;
        long beta = m.shape[0];
        var w = _outWeight.t().view(h, -1, 1);
        var kc = w * m.cos().t().view(h, 1, beta);
        var ks = w * m.sin().t().view(h, 1, beta);
        return cat([kc, ks], 0);
    }

    /// <summary>Reference per-sample forward (no sharing): outputs [n, O] for integer sample coordinates [n, 3].</summary>
    public Tensor PerSampleForward(long[,] coordinates)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        var a = Architecture;
        int n = coordinates.GetLength(0);
        Tensor? theta = null;
        Tensor? amplitude = null;
        for (int l = 0; l < a.Levels; l++)
        {
            if (l == a.Levels - 1 && _amplitudeWeight is not null)
            {
                amplitude = nn.functional.linear(theta!.sin(), _amplitudeWeight, _amplitudeBias) + 1.0;
            }

            var index = new long[n];
            for (int i = 0; i < n; i++)
            {
                long delta = 0;
                for (int axis = 0; axis < ModelArchitecture.AxisCount; axis++)
                {
                    long stride = 1;
                    for (int k = l + 1; k < a.Levels; k++)
                    {
                        stride *= a.Base((Axis)axis, k);
                    }

                    int b = a.Base((Axis)axis, l);
                    delta = (delta * b) + ((coordinates[i, axis] / stride) % b);
                }

                index[i] = delta;
            }

            var p = Pattern(l).index_select(0, tensor(index));
            theta = l switch
            {
                0 => p + _bias0,
                1 => theta! + p,
                _ => nn.functional.linear(theta!.sin(), _weights[l]!, _biases[l]) + p,
            };
            theta = AddGridPerSample(l, theta, coordinates);
        }

        var activation = theta!.sin();
        return nn.functional.linear(amplitude is null ? activation : activation * amplitude, _outWeight, _outBias);
    }

    /// <summary>The per-sample form of <see cref="AddGrid"/>: each sample's level-l cell's grid term.</summary>
    private Tensor AddGridPerSample(int level, Tensor theta, long[,] coordinates)
    {
        var a = Architecture;
        int i = a.GridIndex(level);
        if (i < 0)
        {
            return theta;
        }

        int n = coordinates.GetLength(0);
        long cellsT = a.CumulativeSize(Axis.T, level), cy = a.CumulativeSize(Axis.Y, level), cx = a.CumulativeSize(Axis.X, level);
        long perTemporalCell = cellsT / a.Grids[i].TemporalCells;
        var index = new long[n];
        for (int s = 0; s < n; s++)
        {
            long t = coordinates[s, 0] / (a.GridSize(Axis.T) / cellsT);
            long y = coordinates[s, 1] / (a.GridSize(Axis.Y) / cy);
            long x = coordinates[s, 2] / (a.GridSize(Axis.X) / cx);
            index[s] = ((t / perTemporalCell * cy) + y) * cx + x;
        }

        return theta + LatentValues(i).index_select(0, tensor(index)).mm(_gridProjections[i]);
    }

    private static Tensor NormalisedDigits(ModelArchitecture a, int level)
    {
        int bt = a.Base(Axis.T, level), by = a.Base(Axis.Y, level), bx = a.Base(Axis.X, level);
        var u = new float[bt * by * bx * 3];
        int i = 0;
        for (int t = 0; t < bt; t++)
        {
            for (int y = 0; y < by; y++)
            {
                for (int x = 0; x < bx; x++)
                {
                    u[i++] = bt > 1 ? (float)t / (bt - 1) : 0f;
                    u[i++] = by > 1 ? (float)y / (by - 1) : 0f;
                    u[i++] = bx > 1 ? (float)x / (bx - 1) : 0f;
                }
            }
        }

        return tensor(u).view(bt * by * bx, 3);
    }
}
