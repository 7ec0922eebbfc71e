using System.Globalization;
using Asmr.Cli.Errors;
using Asmr.Media.IO;

namespace Asmr.Cli.Commands.Decode;

/// <summary>
/// How ffmpeg encodes a decode to a video file: the encoder the container calls for (or <c>--codec</c>) and its
/// quality (its own constant-quality default, or <c>--crf</c>). The defaults look like the source to the eye.
/// </summary>
internal static class VideoEncoderChoice
{
    /// <summary>The encoders whose quality is set with <c>-crf</c>, and their default CRF (visually near-lossless).</summary>
    private static readonly Dictionary<string, int> CrfDefaults = new(StringComparer.Ordinal)
    {
        ["libx264"] = 18,
        ["libx265"] = 20,
        ["libvpx-vp9"] = 24,
        ["libaom-av1"] = 24,
    };

    /// <summary>The encoder a container gets by default: VP9 in WebM (WebM takes only VP8, VP9 and AV1), MPEG-4 part 2 in AVI (what AVI players expect), H.264 otherwise.</summary>
    public static string DefaultCodec(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".webm" => "libvpx-vp9",
        ".avi" => "mpeg4",
        _ => "libx264",
    };

    /// <summary>The ffmpeg settings for writing <paramref name="path"/>.</summary>
    /// <exception cref="UsageException"><paramref name="crf"/> was given for an encoder that has no CRF.</exception>
    public static FfmpegSinkOptions For(string path, string? codec, int? crf)
    {
        string name = codec ?? DefaultCodec(path);
        if (CrfDefaults.TryGetValue(name, out int defaultCrf))
        {
            bool x26x = name is "libx264" or "libx265";
            return new FfmpegSinkOptions
            {
                Codec = name,
                Crf = crf ?? defaultCrf,
                Preset = x26x ? "medium" : null,
                // libvpx and libaom treat -crf as a cap on a bitrate target unless the target is 0; -cpu-used 6 keeps AV1 from taking minutes per frame.
                CodecArguments = x26x ? [] : name == "libaom-av1" ? ["-b:v", "0", "-cpu-used", "6"] : ["-b:v", "0"],
            };
        }

        if (crf is { } given)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--crf {given}: the {name} encoder has no CRF; --crf applies to {string.Join(", ", CrfDefaults.Keys)}."));
        }

        // MPEG-4 part 2 has no CRF: -q:v 2 is its near-transparent constant quantizer. Other encoders (ffv1, huffyuv, prores ...) keep ffmpeg's defaults.
        return new FfmpegSinkOptions { Codec = name, Crf = null, Preset = null, CodecArguments = name == "mpeg4" ? ["-q:v", "2"] : [] };
    }
}
