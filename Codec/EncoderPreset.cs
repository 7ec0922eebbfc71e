namespace Asmr.Codec;

/// <summary>Speed/quality trade-off of <see cref="AsmrEncoder"/>: the default training time per segment.</summary>
internal enum EncoderPreset
{
    /// <summary>1000 steps: about 1 minute per 32-frame CIF segment on 2 cores.</summary>
    Fast,

    /// <summary>3500 steps: about 3.5 minutes per 32-frame CIF segment on 2 cores.</summary>
    Medium,

    /// <summary>10000 steps: about 10 minutes per 32-frame CIF segment on 2 cores.</summary>
    Slow,
}
