using Asmr.Decoder.Inference;

namespace Asmr.Conformance.Running;

/// <summary>How the conformance runner decodes. None of these may change a decoded bit; that is what it checks.</summary>
public sealed class ConformanceSettings
{
    /// <summary>One thread, fastest instruction set.</summary>
    public static ConformanceSettings Default { get; } = new();

    /// <summary>Decoder threads; 0 means one per processor.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Use the scalar kernels instead of SIMD.</summary>
    public bool ForceScalar { get; init; }

    /// <summary>Forces one SIMD path (tests run every path the machine has); null lets the decoder choose.</summary>
    internal SimdPath? Path { get; init; }

    /// <summary>
    /// When set, the decoder spreads even tiny pictures over its threads (and precomputes nothing), so that a
    /// multi-threaded run really runs the parallel and on-the-fly paths on the small vectors.
    /// </summary>
    internal bool StressPaths { get; init; }

    /// <summary>The names of the SIMD paths this machine can run (scalar first), for tests that run every one.</summary>
    internal static IReadOnlyList<string> AvailablePathNames => [.. SimdSupport.Available.Select(p => p.ToString())];

    /// <summary>Settings that force the SIMD path named <paramref name="pathName"/> (see <see cref="AvailablePathNames"/>).</summary>
    internal static ConformanceSettings ForPath(string pathName, int threads, bool stressPaths) =>
        new() { Path = Enum.Parse<SimdPath>(pathName), Threads = threads, StressPaths = stressPaths };

    internal DecoderOptions ToDecoderOptions() => StressPaths
        ? new DecoderOptions { Threads = Threads, ForceScalar = ForceScalar, Path = Path, ParallelThreshold = 0, PrecomputeLimit = 0, MaxBlockCells = 16 }
        : new DecoderOptions { Threads = Threads, ForceScalar = ForceScalar, Path = Path };

    public override string ToString() =>
        $"threads {(Threads == 0 ? "auto" : Threads.ToString())}, {(ForceScalar ? "scalar" : Path?.ToString() ?? "best SIMD")}{(StressPaths ? ", stress" : string.Empty)}";
}
