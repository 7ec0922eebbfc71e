namespace Asmr.Codec;

/// <summary>Speed/quality trade-off of <see cref="AsmrEncoder"/>: the default training time per segment.</summary>
internal enum EncoderPreset
{
    /// <summary>1000 steps: 36 s for the 32-frame CIF sample on 2 cores (with native bfloat16).</summary>
    Fast,

    /// <summary>6000 steps: 193 s for 32 frames of akiyo CIF on 2 cores (with native bfloat16).</summary>
    Medium,

    /// <summary>10000 steps (not timed since the speed-up; about 10 / 6 of medium's training).</summary>
    Slow,
}
