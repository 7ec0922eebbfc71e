using Asmr.Cli.Parsing;
using Asmr.Codec;

namespace Asmr.Cli.Commands.Encode;

/// <summary>Everything <c>asmrc encode</c> was asked to do, validated.</summary>
/// <param name="Input">Input video path, or <c>-</c> for y4m on stdin.</param>
/// <param name="Output">The .asmr path to write (atomically), or <c>-</c> for stdout.</param>
/// <param name="Preset">Speed against quality.</param>
/// <param name="QualityDb">PSNR target in dB, if given.</param>
/// <param name="SizeBytes">Target size in bytes (from --size), if given.</param>
/// <param name="BitrateBitsPerSecond">Target bitrate (from --bitrate), if given; never together with <paramref name="SizeBytes"/>.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Steps">Training steps per segment (overrides the preset), if given.</param>
/// <param name="Frames">At most this many frames (or this long), if given.</param>
/// <param name="Start">Frames of the input to skip (or time to skip).</param>
/// <param name="Overwrite">-y was given (the CLI already refused an existing output without it).</param>
/// <param name="Threads">Worker threads to use (already resolved: ≥ 1).</param>
/// <param name="SegmentLength">Frames per segment (--segment-length), if given.</param>
/// <param name="Plan">--plan: print the segment plan and stop.</param>
/// <param name="Json">--json: the plan as JSON.</param>
/// <param name="Shard">--shard K/N: encode only that shard into a part file.</param>
/// <param name="Resume">--resume: reuse the finished segments an interrupted encode left in the work folder.</param>
/// <param name="WorkDir">--work-dir: where finished segments are kept (default: OUT.parts next to OUT).</param>
/// <param name="Motion">--motion: false for off; true lets the encoder code a motion field where it pays.</param>
internal sealed record EncodeRequest(
    string Input,
    string Output,
    EncoderPreset Preset,
    double? QualityDb,
    long? SizeBytes,
    long? BitrateBitsPerSecond,
    int Seed,
    int? Steps,
    FrameOrTime? Frames,
    FrameOrTime Start,
    bool Overwrite,
    int Threads,
    int? SegmentLength = null,
    bool Plan = false,
    bool Json = false,
    ShardSpec? Shard = null,
    bool Resume = false,
    string? WorkDir = null,
    bool Motion = true)
{
    /// <summary>True when the input is y4m on stdin.</summary>
    public bool InputIsStdin => Input == IO.FileChecks.StandardStream;

    /// <summary>True when the .asmr file goes to stdout.</summary>
    public bool OutputIsStdout => Output == IO.FileChecks.StandardStream;
}
