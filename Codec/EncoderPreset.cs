namespace Asmr.Codec;

/// <summary>Speed/quality trade-off of <see cref="AsmrEncoder"/>: the default training time per segment.</summary>
internal enum EncoderPreset
{
    /// <summary>About 1 minute per 32-frame CIF segment.</summary>
    Fast,

    /// <summary>About 4 minutes per 32-frame CIF segment.</summary>
    Medium,

    /// <summary>About 12 minutes per 32-frame CIF segment.</summary>
    Slow,
}
