using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Asmr.Codec;
using Asmr.Container;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Files;

namespace Asmr.Benchmarks.DecodeSpeed;

/// <summary>
/// Measures asmrc's decode speed at CIF, 720p and 1080p next to ffmpeg decoding the same frames as H.264, in the
/// same run on the same machine. The asmrc stream has the architecture the encoder's medium preset plans for that
/// size at the default rate, 0.05 bits per pixel, latent grids included (with seeded random weights and latents drawn
/// to the encoder's latent share of that rate; see <see cref="SyntheticModel"/>); the H.264 stream is x264 medium CRF
/// 23 of the first frames of a real clip of that size from ../shared/media.
/// </summary>
internal static partial class DecodeSpeedRunner
{
    private static readonly (string Name, string Clip, int Width, int Height)[] Cases =
    [
        ("CIF", "akiyo_352x288.mp4", 352, 288),
        ("720p", "white_flower_1280x720_30fps.h264", 1280, 720),
        ("1080p", "street_pan_1920x1080_25fps.h264", 1920, 1080),
    ];

    public static int Run(string[] args, TextWriter output)
    {
        bool quick = args.Contains("--quick");
        int? framesOption, threadsOption;
        try
        {
            framesOption = IntOption(args, "--frames");
            threadsOption = IntOption(args, "--threads");
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"decode-speed: error: {e.Message}");
            return 1;
        }

        int frames = framesOption ?? (quick ? 8 : 32);
        int threads = threadsOption ?? Environment.ProcessorCount;
        int repeats = quick ? 1 : 3;
        string? only = StringOption(args, "--size");
        if (only is not null && !Cases.Any(c => c.Name.Equals(only, StringComparison.OrdinalIgnoreCase)))
        {
            Console.Error.WriteLine($"decode-speed: error: unknown --size '{only}' (one of {string.Join(", ", Cases.Select(c => c.Name))})");
            return 1;
        }
        string? media = FindMedia();
        if (media is null)
        {
            Console.Error.WriteLine("decode-speed: ../shared/media not found (set ASMR_MEDIA to the media folder).");
            return 2;
        }

        string scratch = Directory.CreateTempSubdirectory("asmrc-decode-speed-").FullName;
        try
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"decode speed, {frames} frames 4:2:0 8-bit per size, {threads} threads, best of {repeats}; {Environment.ProcessorCount} cores, {SimdSupport.Best} kernels, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
            output.WriteLine("size    asmrc model (medium preset)                  asmrc fps   Mpx/s   model read ms   ffmpeg h264 fps   Mpx/s   asmrc/h264");
            foreach (var (name, clip, width, height) in Cases.Where(c => only is null || c.Name.Equals(only, StringComparison.OrdinalIgnoreCase)))
            {
                // The architecture a default encode (medium preset, default rate) plans: width sized to the bit budget.
                var defaults = new EncoderSettings();
                long budgetBits = (long)(defaults.BitsPerPixel!.Value * width * height * frames);
                string h264 = Path.Combine(scratch, $"{name}.mp4");
                MakeH264(Path.Combine(media, clip), h264, frames);
                double ffmpegSeconds = TimeFfmpeg(h264, threads, repeats);
                double pixels = (double)width * height * frames;

                // The model without and with a motion field (format 4: every frame warped on output, the latents given
                // the larger share a motion-coded segment gets), which needs the preset's context models (a short clip's
                // budget may not afford them), as the encoder decides.
                bool[] motions = defaults.AffordsMotion(budgetBits) ? [false, true] : [false];
                foreach (bool motion in motions)
                {
                    var segmentSettings = (motion ? defaults.ForMotion() : defaults).ForSegmentBudget(budgetBits);
                    var architecture = AsmrEncoder.PlanSegment(frames, width, height, ChromaFormat.Yuv420, segmentSettings, budgetBits);
                    if (segmentSettings.DefaultContextHidden > 0)
                    {
                        architecture = architecture.WithContextModels([.. architecture.Grids.Select(_ => segmentSettings.DefaultContextHidden)]);
                    }

                    double latentBits = segmentSettings.DefaultLatentShare * budgetBits;
                    string bases = string.Join(' ', Enumerable.Range(0, architecture.Levels).Select(l =>
                        $"{architecture.Base(Asmr.Container.Model.Axis.T, l)}x{architecture.Base(Asmr.Container.Model.Axis.Y, l)}x{architecture.Base(Asmr.Container.Model.Axis.X, l)}"));
                    // The medium preset fits an output filter to every segment with context-coded grids (format 6).
                    int filterRadius = segmentSettings.DefaultContextHidden > 0 ? segmentSettings.OutputFilterRadius : 0;
                    double asmrSeconds = TimeAsmr(architecture, latentBits, width, height, frames, threads, repeats, motion, filterRadius, out double modelSeconds);
                    double macs = (motion ? architecture.WithMotion(SyntheticModel.MotionBlockLog2) : architecture).WithFilter(filterRadius).MacsPerSample();
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name + (motion ? "+mv" : string.Empty),-7} H={architecture.Width} L={architecture.Levels} {macs,5:0} MAC/px {bases,-22} {frames / asmrSeconds,9:0.0} {pixels / asmrSeconds / 1e6,7:0.0} {modelSeconds * 1000,15:0.0} {frames / ffmpegSeconds,17:0.0} {pixels / ffmpegSeconds / 1e6,7:0.0} {ffmpegSeconds / asmrSeconds,12:0.00}"));
                }
            }

            output.WriteLine("asmrc/h264 > 1 means asmrc decodes faster. ffmpeg's time is its own -benchmark rtime (decoding only).");
            output.WriteLine("model read: reading the segment's model alone (entropy decoding of weights and latents), part of asmrc's time.");
            output.WriteLine("+mv: the model a motion-coded segment plans (the latents' larger share), with a motion field (format 4), each frame warped as it is output.");
            output.WriteLine("Models with context-coded grids carry the output filter the preset fits (format 6), applied to every frame as it is output.");
            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static double TimeAsmr(
        Asmr.Container.Model.ModelArchitecture architecture, double latentBits, int width, int height, int frames, int threads, int repeats, bool motion, int filterRadius, out double modelSeconds)
    {
        var model = SyntheticModel.Create(architecture, frames, latentBits, seed: 1);
        if (motion)
        {
            model = model.WithMotion(SyntheticModel.Motion(width, height, frames, seed: 1));
        }

        if (filterRadius > 0)
        {
            model = model.WithFilter(SyntheticModel.Filter(filterRadius, architecture.OutputChannels, seed: 1));
        }

        var file = new AsmrFile
        {
            SequenceHeader = new SequenceHeader
            {
                Width = width,
                Height = height,
                FrameCount = frames,
                FrameRate = new Rational(25, 1),
                ChromaFormat = ChromaFormat.Yuv420,
                BitDepth = 8,
                Color = ColorDescription.Bt709,
            },
            Segments = [new AsmrSegment(0, frames, Asmr.Container.Model.ModelPayloadWriter.Write(model))],
        };
        using var bytes = new MemoryStream();
        AsmrWriter.Write(bytes, file);
        double best = double.MaxValue;
        modelSeconds = double.MaxValue;
        for (int r = 0; r <= repeats; r++)
        {
            bytes.Position = 0;
            var modelClock = Stopwatch.StartNew();
            using (var reader = AsmrFileDecoder.Open(bytes, new DecoderOptions { Threads = threads }, leaveOpen: true))
            {
                _ = reader.ReadModel(0);
            }

            if (r > 0)
            {
                modelSeconds = Math.Min(modelSeconds, modelClock.Elapsed.TotalSeconds);
            }

            bytes.Position = 0;
            var clock = Stopwatch.StartNew();
            using var decoder = AsmrFileDecoder.Open(bytes, new DecoderOptions { Threads = threads }, leaveOpen: true);
            int count = 0;
            foreach (var frame in decoder.DecodeFrames(0, frames))
            {
                count += frame.Width > 0 ? 1 : 0;
            }

            // A speed is only worth printing for a stream that decodes in full.
            if (count != frames)
            {
                throw new InvalidOperationException($"The {width}x{height} stream decoded {count} of {frames} frames.");
            }

            // The first pass warms up the JIT and the caches; it is not counted.
            if (r > 0)
            {
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
        }

        return best;
    }

    private static void MakeH264(string clip, string output, int frames)
    {
        Ffmpeg("-y", "-hide_banner", "-loglevel", "error", "-i", clip, "-frames:v", frames.ToString(CultureInfo.InvariantCulture),
            "-an", "-c:v", "libx264", "-preset", "medium", "-crf", "23", "-pix_fmt", "yuv420p", output);
    }

    private static double TimeFfmpeg(string h264, int threads, int repeats)
    {
        double best = double.MaxValue;
        for (int r = 0; r <= repeats; r++)
        {
            string log = Ffmpeg("-hide_banner", "-benchmark", "-threads", threads.ToString(CultureInfo.InvariantCulture), "-i", h264, "-f", "null", "-");
            var match = RealTime().Match(log);
            if (!match.Success)
            {
                throw new InvalidOperationException($"ffmpeg printed no -benchmark rtime:\n{log}");
            }

            if (r > 0)
            {
                best = Math.Min(best, double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        return best;
    }

    private static string Ffmpeg(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ffmpeg.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed ({process.ExitCode}):\n{stderr}");
        }

        return stderr;
    }

    private static string? StringOption(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <exception cref="FormatException">The value is not a positive whole number; the message names the option.</exception>
    private static int? IntOption(string[] args, string name) =>
        StringOption(args, name) is not { } value ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n
        : throw new FormatException($"{name} needs a positive whole number, not '{value}'");

    private static string? FindMedia()
    {
        if (Environment.GetEnvironmentVariable("ASMR_MEDIA") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "media");
                if (File.Exists(Path.Combine(candidate, "SOURCES.md")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"rtime=([0-9.]+)s")]
    private static partial Regex RealTime();
}
