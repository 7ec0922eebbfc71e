namespace Asmr.Codec;

/// <summary>Speed/quality trade-off of <see cref="AsmrEncoder"/>: the default training time per segment.</summary>
internal enum EncoderPreset
{
    /// <summary>600 steps: about 1 minute per 32-frame CIF segment at H = 96 on 2 cores.</summary>
    Fast,

    /// <summary>2000 steps: about 3.5 minutes per 32-frame CIF segment at H = 96 on 2 cores.</summary>
    Medium,

    /// <summary>6000 steps: about 11 minutes per 32-frame CIF segment at H = 96 on 2 cores.</summary>
    Slow,
}
