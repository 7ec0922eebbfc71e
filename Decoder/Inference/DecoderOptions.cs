namespace Asmr.Decoder.Inference;

/// <summary>How a <see cref="SegmentDecoder"/> spends the machine. None of these settings changes a decoded bit.</summary>
public sealed class DecoderOptions
{
    /// <summary>The default: all cores, fastest instruction set.</summary>
    public static DecoderOptions Default { get; } = new();

    /// <summary>Worker threads; 0 (the default) means <see cref="Environment.ProcessorCount"/>, 1 runs on the caller's thread.</summary>
    public int Threads { get; init; }

    /// <summary>Use the scalar kernels even where SIMD is available (for verification and comparison).</summary>
    public bool ForceScalar { get; init; }

    /// <summary>Forces one instruction-set path (tests); null picks <see cref="SimdSupport.Best"/>.</summary>
    internal SimdPath? Path { get; init; }

    /// <summary>
    /// Largest β·H (entries) for which a level's modulation pattern, or the last level's (C, S) pair table, is
    /// precomputed; larger ones are computed per block on the fly. Lowered by tests to exercise that path.
    /// </summary>
    internal long PrecomputeLimit { get; init; } = 1L << 22;

    /// <summary>Most last-level cells evaluated in one kernel call (bounds per-thread scratch memory).</summary>
    internal int MaxBlockCells { get; init; } = 1024;

    /// <summary>Least work (items × cost estimate) worth spreading over threads; tests lower it to 0.</summary>
    internal long ParallelThreshold { get; init; } = 1L << 15;

    internal int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    internal SimdPath EffectivePath
    {
        get
        {
            if (ForceScalar)
            {
                return SimdPath.Scalar;
            }

            var path = Path ?? SimdSupport.Best;
            if (!SimdSupport.IsAvailable(path))
            {
                throw new PlatformNotSupportedException($"SIMD path {path} is not supported on this machine.");
            }

            return path;
        }
    }
}
