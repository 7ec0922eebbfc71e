using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using BenchmarkDotNet.Attributes;

namespace Asmr.Benchmarks.Micro;

/// <summary>
/// The fixed-point decoder's inner kernels at the width a default CIF encode plans (H = 80), on the machine's best
/// SIMD path against the scalar path (<c>DecoderOptions.ForceScalar</c>'s kernels; both give the same bits):
/// a hidden layer's H×H dot products for one parent cell, the output projection (A, B) for one parent cell, and the
/// last level's per-pixel dot products for a block of 256 cells and 3 channels.
/// Run: <c>dotnet run -c Release --project benchmarks -- --filter '*Kernel*'</c>.
/// </summary>
public class DecoderKernelBenchmarks
{
    private const int Width = 80;
    private const int Cells = 256;
    private const int Channels = 3;

    private SimdPath _path;
    private HiddenLayer _hidden = null!;
    private OutputLayer _output = null!;
    private short[] _activations = [];
    private int[] _accumulators = [];
    private uint[] _shared = [];
    private uint[] _preActivations = [];
    private int[] _sinCos = [];
    private int[] _outputPairs = [];
    private int[] _table = [];
    private int _tableStride;
    private int[] _bias = [];
    private int[] _values = [];

    /// <summary>"Simd" (the machine's best path) or "Scalar".</summary>
    [Params("Simd", "Scalar")]
    public string Path { get; set; } = "Simd";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path == "Scalar" ? SimdPath.Scalar : SimdSupport.Best;
        var random = new Random(1);
        int padded = PairDot.RoundUp(Width);
        int[] Values(int count, int magnitude) => [.. Enumerable.Range(0, count).Select(_ => random.Next(-magnitude, magnitude + 1))];

        _hidden = new HiddenLayer(
            new QuantizedTensor(TensorRole.Weight, 2, Width, Width, 1u << 10, Values(Width * Width, 2000)),
            new QuantizedTensor(TensorRole.Bias, 2, 1, Width, 1u << 16, Values(Width, 2000)));
        _activations = new short[padded];
        for (int j = 0; j < Width; j++)
        {
            _activations[j] = (short)random.Next(-16384, 16385);
        }

        _accumulators = new int[padded];
        _shared = new uint[padded];

        _output = new OutputLayer(
            new QuantizedTensor(TensorRole.OutputWeight, 0, Channels, Width, 1u << 14, Values(Channels * Width, 2000)),
            new QuantizedTensor(TensorRole.OutputBias, 0, 1, Channels, 1u << 8, Values(Channels, 2000)));
        _preActivations = new uint[padded];
        for (int j = 0; j < Width; j++)
        {
            _preActivations[j] = (uint)random.NextInt64(0, 1L << 32);
        }

        _sinCos = new int[padded];
        _outputPairs = new int[Channels * padded];
        _output.Project(_path, _preActivations, _sinCos, _outputPairs);

        // The last level's (C, S) pair table: row j, column δ, as LastLevelPairs lays it out.
        _tableStride = PairDot.RoundUp(Cells) + PairDot.LaneGroup;
        _table = new int[_tableStride * Width];
        for (int i = 0; i < _table.Length; i++)
        {
            _table[i] = PairDot.Pack(random.Next(-16384, 16385), random.Next(-16384, 16385));
        }

        _bias = Values(Channels, 1 << 20);
        _values = new int[Channels * PairDot.RoundUp(Cells)];
    }

    /// <summary>acc = W·h (H×H, int16 pairs) and shared = acc·μ + b for one parent cell.</summary>
    [Benchmark]
    public int HiddenLayerDot()
    {
        _hidden.Apply(_path, _activations, _accumulators, _shared);
        return _accumulators[0];
    }

    /// <summary>The phase→sine lookups and the (A, B) projection of one parent cell, 3 channels.</summary>
    [Benchmark]
    public int OutputProjection()
    {
        _output.Project(_path, _preActivations, _sinCos, _outputPairs);
        return _outputPairs[0];
    }

    /// <summary>v = bias + Σ_j A·C + B·S for 256 last-level cells and 3 channels (the per-pixel work).</summary>
    [Benchmark]
    public int LastLevelPixels()
    {
        int padded = PairDot.RoundUp(Width);
        PairDot.ComputeChannels(_path, _table, _tableStride, 0, Cells, _outputPairs, padded, Width, _bias, _values, PairDot.RoundUp(Cells));
        return _values[0];
    }
}
