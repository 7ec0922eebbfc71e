namespace Asmr.Benchmarks.RateDistortion;

/// <summary>The conventional encoders asmrc is compared with, both run through ffmpeg.</summary>
internal enum AnchorCodec
{
    /// <summary>H.264 by libx264 (<c>-c:v libx264 -f h264</c>).</summary>
    X264,

    /// <summary>HEVC by libx265 (<c>-c:v libx265 -f hevc</c>).</summary>
    X265,
}
