using Asmr.Decoder.Inference;
using BenchmarkDotNet.Attributes;

namespace Asmr.Benchmarks.Micro;

/// <summary>
/// The phase→sine lookup of spec §11.2 over 4096 phases: S(φ) and C(φ) as two table reads, against the packed table
/// that returns both from one read (what the output layer uses).
/// </summary>
public class SineKernelBenchmarks
{
    private const int Count = 4096;
    private uint[] _phases = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _phases = [.. Enumerable.Range(0, Count).Select(_ => (uint)random.NextInt64(0, 1L << 32))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int SinAndCos()
    {
        int sum = 0;
        foreach (uint phase in _phases)
        {
            sum += SineTable.Sin(phase) ^ SineTable.Cos(phase);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int PackedSinCos()
    {
        int sum = 0;
        foreach (uint phase in _phases)
        {
            sum += SineTable.SinCos(phase);
        }

        return sum;
    }
}
