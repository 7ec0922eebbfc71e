using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// Encodes the source y4m with ffmpeg's libx264 or libx265 at one CRF into a raw elementary stream (its size is the
/// real file size), decodes it back to y4m with ffmpeg, and measures it like every other point.
/// </summary>
internal sealed partial class AnchorEncoder
{
    private readonly int _threads;
    private readonly int _decodeRepeats;

    /// <param name="threads">ffmpeg's -threads for encoding and decoding.</param>
    /// <param name="decodeRepeats">Timed decode runs (after one warm-up).</param>
    public AnchorEncoder(int threads, int decodeRepeats)
    {
        _threads = threads;
        _decodeRepeats = decodeRepeats;
    }

    /// <summary>The ffmpeg arguments of one anchor encode.</summary>
    public IReadOnlyList<string> EncodeArguments(AnchorSpec spec, int crf, string source, string output)
    {
        var args = new List<string>
        {
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", source,
            "-c:v", spec.Encoder, "-preset", spec.Preset, "-crf", crf.ToString(CultureInfo.InvariantCulture),
            "-threads", _threads.ToString(CultureInfo.InvariantCulture),
        };
        if (spec.Codec == AnchorCodec.X265)
        {
            args.AddRange(["-x265-params", "log-level=error:info=0"]);
        }

        args.AddRange(["-f", spec.Muxer, output]);
        return args;
    }

    /// <summary>The ffmpeg arguments that decode a stream to 4:2:0 y4m for measuring.</summary>
    public static IReadOnlyList<string> DecodeArguments(string stream, string outputY4m) =>
        ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", stream, "-pix_fmt", "yuv420p", "-f", "yuv4mpegpipe", outputY4m];

    /// <summary>Encodes, decodes and measures one point; <paramref name="workDirectory"/> holds the source and the outputs.</summary>
    /// <param name="spec">Encoder and preset.</param>
    /// <param name="crf">The CRF.</param>
    /// <param name="sourceY4m">The source's file name inside <paramref name="workDirectory"/>.</param>
    /// <param name="workDirectory">The clip's work folder (the commands run there).</param>
    /// <param name="pixels">width·height·frames of the source.</param>
    /// <param name="frames">Frames of the source.</param>
    /// <returns>The point and the stream's path.</returns>
    public (RdPoint Point, string StreamPath) Encode(AnchorSpec spec, int crf, string sourceY4m, string workDirectory, double pixels, int frames)
    {
        string stream = $"{spec.CodecName}-{spec.Preset}-crf{crf}.{spec.Extension}";
        var args = EncodeArguments(spec, crf, sourceY4m, stream);
        ProcessResult encode = ExternalProcess.RunChecked("ffmpeg", args, workDirectory);
        string streamPath = Path.Combine(workDirectory, stream);
        long bytes = new FileInfo(streamPath).Length;

        string decoded = Path.Combine(workDirectory, "decoded.y4m");
        ExternalProcess.RunChecked("ffmpeg", DecodeArguments(stream, "decoded.y4m"), workDirectory);
        var quality = QualityMeasurer.Measure(Path.Combine(workDirectory, sourceY4m), decoded);
        File.Delete(decoded);
        double fps = FfmpegDecodeTimer.FramesPerSecond(stream, frames, _threads, _decodeRepeats, workDirectory);
        string parameter = string.Create(CultureInfo.InvariantCulture, $"crf {crf}");
        var point = RdPoint.Measured(spec.CodecName, spec.Preset, parameter, bytes, pixels, quality, encode.Elapsed.TotalSeconds, fps, ExternalProcess.Format("ffmpeg", args)) with { Crf = crf };
        return (point, streamPath);
    }

    /// <summary>The video encoders ffmpeg lists in <c>ffmpeg -encoders</c> output (e.g. "libx264", "libx265").</summary>
    public static IReadOnlySet<string> ParseEncoders(string encodersOutput)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in encodersOutput.Split('\n'))
        {
            var match = EncoderLine().Match(line);
            if (match.Success)
            {
                names.Add(match.Groups[1].Value);
            }
        }

        return names;
    }

    /// <summary>The encoders this machine's ffmpeg has.</summary>
    public static IReadOnlySet<string> AvailableEncoders() =>
        ParseEncoders(ExternalProcess.RunChecked("ffmpeg", ["-hide_banner", "-encoders"]).Stdout);

    /// <summary>
    /// The encoder's own version string from the user-data SEI it writes into every stream, e.g.
    /// "x264 - core 164 r3095 baf2b0e" or "x265 (build 199) - 3.5+1-f0c1022b6"; null if absent.
    /// </summary>
    public static string? ReadEncoderVersion(string streamPath, AnchorCodec codec)
    {
        byte[] head = new byte[Math.Min(new FileInfo(streamPath).Length, 64 * 1024)];
        using (var file = File.OpenRead(streamPath))
        {
            file.ReadExactly(head);
        }

        string text = Encoding.Latin1.GetString(head);
        var match = (codec == AnchorCodec.X264 ? X264Version() : X265Version()).Match(text);
        return match.Success ? match.Value.Trim() : null;
    }

    /// <summary>
    /// libx265's version from its own log line ("HEVC encoder version …"), for streams written with <c>info=0</c>
    /// (which leaves the version SEI out): one 64×64 frame encoded to nowhere. Null when ffmpeg or libx265 fails.
    /// </summary>
    public static string? ProbeX265Version()
    {
        var result = ExternalProcess.Run("ffmpeg", ["-hide_banner", "-nostdin", "-f", "lavfi", "-i", "testsrc=s=64x64:d=0.04", "-frames:v", "1", "-c:v", "libx265", "-f", "null", "-"]);
        var match = X265LogVersion().Match(result.Stderr);
        return result.ExitCode == 0 && match.Success ? $"x265 {match.Groups[1].Value}" : null;
    }

    [GeneratedRegex(@"HEVC encoder version (\S+)")]
    private static partial Regex X265LogVersion();

    [GeneratedRegex(@"^\s*V[A-Z.]{5}\s+([A-Za-z0-9_]+)\s")]
    private static partial Regex EncoderLine();

    [GeneratedRegex(@"x264 - core \d+( r\d+ [0-9a-f]+)?")]
    private static partial Regex X264Version();

    [GeneratedRegex(@"x265 \(build \d+\) - [^:\s]+")]
    private static partial Regex X265Version();
}
