namespace Asmr.Cli.Commands.Encode;

/// <summary>Speed against quality: how long the encoder fits each segment's network.</summary>
internal enum EncodePreset
{
    /// <summary>Fewest iterations.</summary>
    Fast,

    /// <summary>The default.</summary>
    Medium,

    /// <summary>Most iterations, best quality for the size.</summary>
    Slow,
}
