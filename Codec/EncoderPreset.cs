namespace Asmr.Codec;

/// <summary>Speed/quality trade-off of <see cref="AsmrEncoder"/>: the default training time per segment.</summary>
internal enum EncoderPreset
{
    /// <summary>1000 steps, 4×4-pixel last-level blocks: 36 s for the 32-frame CIF sample on 2 cores (with native bfloat16).</summary>
    Fast,

    /// <summary>5000 steps, 2×2-pixel blocks: 226 s for 32 frames of akiyo CIF on 2 cores (with native bfloat16).</summary>
    Medium,

    /// <summary>10000 steps, 2×2-pixel blocks (not timed; about twice medium's training).</summary>
    Slow,
}
