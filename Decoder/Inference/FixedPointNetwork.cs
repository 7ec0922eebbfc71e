using Asmr.Container.Model;

namespace Asmr.Decoder.Inference;

/// <summary>A segment model converted once into the integer forms the decoding process (spec §11) works on.</summary>
internal sealed class FixedPointNetwork
{
    private readonly int[][] _bases;
    private readonly long[][] _strides;
    private readonly HiddenLayer?[] _hidden;
    private readonly LatentGridTerm[][] _grids;

    public FixedPointNetwork(SegmentModel model, long precomputeLimit)
    {
        ArgumentNullException.ThrowIfNull(model);
        var arch = model.Architecture;
        Architecture = arch;
        Levels = arch.Levels;
        Width = arch.Width;
        PaddedWidth = PairDot.RoundUp(Width);
        PairCount = (Width + 1) / 2;
        Channels = arch.OutputChannels;
        _bases = new int[3][];
        _strides = new long[3][];
        for (int a = 0; a < 3; a++)
        {
            _bases[a] = new int[Levels];
            _strides[a] = new long[Levels];
            for (int l = 0; l < Levels; l++)
            {
                _bases[a][l] = arch.Base((Axis)a, l);
            }

            long stride = 1;
            for (int l = Levels - 1; l >= 0; l--)
            {
                _strides[a][l] = stride;
                stride *= _bases[a][l];
            }
        }

        var bias0 = model.BiasOf(0);
        Bias0 = new uint[PaddedWidth];
        for (int r = 0; r < Width; r++)
        {
            Bias0[r] = unchecked((uint)bias0.Values[r] * bias0.Multiplier);
        }

        _hidden = new HiddenLayer?[Levels];
        for (int l = 2; l < Levels; l++)
        {
            _hidden[l] = new HiddenLayer(model.WeightOf(l), model.BiasOf(l));
        }

        var terms = arch.Grids.Select(grid => new LatentGridTerm(model, grid, PaddedWidth)).ToList();
        _grids = [.. Enumerable.Range(0, Levels).Select(l => terms.Where(t => t.Level == l).ToArray())];

        Output = new OutputLayer(model.OutputWeight, model.OutputBias);
        Patterns = new ModulationPatterns(model, precomputeLimit);
        LastPairs = new LastLevelPairs(Patterns, Levels - 1, arch.LocalCount(Levels - 1), precomputeLimit);
    }

    public ModelArchitecture Architecture { get; }

    public int Levels { get; }

    public int Width { get; }

    public int PaddedWidth { get; }

    public int PairCount { get; }

    public int Channels { get; }

    /// <summary>b_0 as u32 phases (zero beyond H).</summary>
    public uint[] Bias0 { get; }

    public OutputLayer Output { get; }

    public ModulationPatterns Patterns { get; }

    public LastLevelPairs LastPairs { get; }

    /// <summary>B[axis][level].</summary>
    public int Base(int axis, int level) => _bases[axis][level];

    /// <summary>Samples a level-l cell spans on an axis: Π_{k&gt;l} B[axis][k].</summary>
    public long Stride(int axis, int level) => _strides[axis][level];

    /// <summary>The weights of hidden level l (2 ≤ l &lt; L).</summary>
    public HiddenLayer Hidden(int level) => _hidden[level] ?? throw new ArgumentOutOfRangeException(nameof(level));

    /// <summary>The latent grid terms a level receives (none, its grid's, and an interpolated grid's from the level above): each is added to every θ of the level.</summary>
    public LatentGridTerm[] Grids(int level) => _grids[level];
}
