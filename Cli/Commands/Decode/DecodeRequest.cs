using Asmr.Cli.Parsing;

namespace Asmr.Cli.Commands.Decode;

/// <summary>Everything <c>asmrc decode</c> was asked to do, validated as far as possible without opening the file.</summary>
/// <param name="Input">The .asmr path.</param>
/// <param name="Output">Where and how to write the frames.</param>
/// <param name="Frames">Which frames; call <see cref="FrameRange.Resolve"/> with the file's frame count.</param>
/// <param name="Crop">The rectangle to keep, if any; call <see cref="CropRect.EnsureInside"/> with the picture size.</param>
/// <param name="Overwrite">-y was given.</param>
/// <param name="Threads">Worker threads (≥ 1).</param>
/// <param name="Codec">The ffmpeg encoder for a video file (--codec), if given; see <see cref="VideoEncoderChoice"/>.</param>
/// <param name="Crf">The encoder's constant rate factor (--crf), if given.</param>
internal sealed record DecodeRequest(
    string Input,
    DecodeOutput Output,
    FrameRange Frames,
    CropRect? Crop,
    bool Overwrite,
    int Threads,
    string? Codec = null,
    int? Crf = null);
