using Asmr.Container.Entropy;
using BenchmarkDotNet.Attributes;

namespace Asmr.Benchmarks.Micro;

/// <summary>
/// Decoding a 20,000-value tensor of Laplacian integers (scale 3, the shape of quantised weights): the adaptive
/// binary range coder against the raw zig-zag varint coding. Per-value time = mean / 20,000.
/// Run: <c>dotnet run -c Release --project benchmarks -- --filter '*Entropy*'</c>.
/// </summary>
public class EntropyDecoderBenchmarks
{
    private const int Count = 20_000;
    private byte[] _adaptive = [];
    private byte[] _raw = [];
    private int[] _destination = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var values = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            // Laplacian with scale b = 3: sign · floor(−b·ln U).
            double magnitude = -3.0 * Math.Log(1.0 - random.NextDouble());
            values[i] = (random.Next(2) == 0 ? 1 : -1) * (int)Math.Floor(magnitude);
        }

        _adaptive = AdaptiveIntegerCoder.Encode(values);
        _raw = RawIntegerCoder.Encode(values);
        _destination = new int[Count];
        Console.WriteLine($"// {Count} values: adaptive {_adaptive.Length} bytes, raw {_raw.Length} bytes");
    }

    [Benchmark(Baseline = true)]
    public int RawDecode()
    {
        RawIntegerCoder.Decode(_raw, _destination, "benchmark", 0);
        return _destination[^1];
    }

    [Benchmark]
    public int AdaptiveDecode()
    {
        AdaptiveIntegerCoder.Decode(_adaptive, _destination, "benchmark", 0);
        return _destination[^1];
    }
}
