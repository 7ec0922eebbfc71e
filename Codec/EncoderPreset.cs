namespace Asmr.Codec;

/// <summary>Speed/quality trade-off of <see cref="AsmrEncoder"/>: the default training time per segment.</summary>
internal enum EncoderPreset
{
    /// <summary>1000 steps: about 40 seconds per 32-frame CIF segment on 2 cores (with native bfloat16).</summary>
    Fast,

    /// <summary>6000 steps: about 3.5 minutes per 32-frame CIF segment on 2 cores (with native bfloat16).</summary>
    Medium,

    /// <summary>10000 steps: about 6 minutes per 32-frame CIF segment on 2 cores (with native bfloat16).</summary>
    Slow,
}
