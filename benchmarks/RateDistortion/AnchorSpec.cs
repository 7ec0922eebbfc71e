namespace Asmr.Benchmarks.RateDistortion;

/// <summary>One anchor curve: an encoder and its preset, swept over the run's CRF list.</summary>
/// <param name="Codec">x264 or x265.</param>
/// <param name="Preset">The encoder preset (medium, veryslow, …).</param>
internal sealed record AnchorSpec(AnchorCodec Codec, string Preset)
{
    /// <summary>The encoder's name as ffmpeg knows it.</summary>
    public string Encoder => Codec == AnchorCodec.X264 ? "libx264" : "libx265";

    /// <summary>"x264" or "x265", the name used in tables and plots.</summary>
    public string CodecName => Codec == AnchorCodec.X264 ? "x264" : "x265";

    /// <summary>The ffmpeg muxer that writes the raw elementary stream.</summary>
    public string Muxer => Codec == AnchorCodec.X264 ? "h264" : "hevc";

    /// <summary>The elementary stream's file extension.</summary>
    public string Extension => Codec == AnchorCodec.X264 ? "264" : "265";

    /// <summary>"x264 medium", the curve's name.</summary>
    public string Series => $"{CodecName} {Preset}";
}
