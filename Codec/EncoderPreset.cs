namespace Asmr.Codec;

/// <summary>Speed/quality trade-off of <see cref="AsmrEncoder"/>: the default training per segment (measured times in docs/BENCHMARKS.md).</summary>
internal enum EncoderPreset
{
    /// <summary>1600 steps on half the cells each, 4×4-pixel last-level blocks: a step costs less than half of a 2×2 step.</summary>
    Fast,

    /// <summary>10900 steps on a quarter of the cells each, the latents' rate every other step, 2×2-pixel blocks.</summary>
    Medium,

    /// <summary>21800 steps as medium's: twice medium's training.</summary>
    Slow,
}
