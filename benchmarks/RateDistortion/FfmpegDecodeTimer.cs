using System.Globalization;
using System.Text.RegularExpressions;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// ffmpeg's decode speed for a stream: <c>ffmpeg -benchmark -threads T -i STREAM -f null -</c>, taking the
/// <c>rtime</c> ffmpeg prints (its decode loop only, without process start-up), best of several runs after one warm-up.
/// rtime has millisecond resolution, so a short stream is timed as several copies of itself back to back (raw H.264
/// and HEVC streams start with an IDR picture and their parameter sets, so the concatenation decodes as one stream);
/// the frame count is the one ffmpeg reports.
/// </summary>
internal static partial class FfmpegDecodeTimer
{
    /// <summary>Frames a timed decode covers at least (copies of a shorter stream are decoded back to back).</summary>
    public const int MinTimedFrames = 256;

    /// <summary>The arguments of one timed decode.</summary>
    public static IReadOnlyList<string> Arguments(string stream, int threads) =>
        ["-hide_banner", "-nostdin", "-benchmark", "-threads", threads.ToString(CultureInfo.InvariantCulture), "-i", stream, "-f", "null", "-"];

    /// <summary>Decoded frames per second of <paramref name="stream"/> (<paramref name="frames"/> frames), a path in <paramref name="workingDirectory"/>.</summary>
    public static double FramesPerSecond(string stream, int frames, int threads, int repeats, string workingDirectory)
    {
        int copies = Math.Max(1, (MinTimedFrames + frames - 1) / frames);
        string timed = stream;
        if (copies > 1)
        {
            timed = "timing-" + Path.GetFileName(stream);
            byte[] bytes = File.ReadAllBytes(Path.Combine(workingDirectory, stream));
            using var file = File.Create(Path.Combine(workingDirectory, timed));
            for (int c = 0; c < copies; c++)
            {
                file.Write(bytes);
            }
        }

        try
        {
            double best = double.MaxValue;
            int decoded = 0;
            for (int r = 0; r <= repeats; r++)
            {
                string log = ExternalProcess.RunChecked("ffmpeg", Arguments(timed, threads), workingDirectory).Stderr;
                var time = RealTime().Match(log);
                var count = FrameCount().Matches(log);
                if (!time.Success || count.Count == 0)
                {
                    throw new InvalidOperationException($"ffmpeg printed no -benchmark rtime or frame count:\n{log}");
                }

                decoded = int.Parse(count[^1].Groups[1].Value, CultureInfo.InvariantCulture);

                // The first pass warms the disk cache and ffmpeg's libraries; it is not counted.
                if (r > 0)
                {
                    best = Math.Min(best, double.Parse(time.Groups[1].Value, CultureInfo.InvariantCulture));
                }
            }

            if (decoded != copies * frames)
            {
                throw new InvalidOperationException($"ffmpeg decoded {decoded} frames of {timed}; {copies * frames} were expected.");
            }

            // rtime has millisecond resolution; guard against "0.000s".
            return decoded / Math.Max(best, 0.0005);
        }
        finally
        {
            if (copies > 1)
            {
                File.Delete(Path.Combine(workingDirectory, timed));
            }
        }
    }

    [GeneratedRegex(@"rtime=([0-9.]+)s")]
    private static partial Regex RealTime();

    [GeneratedRegex(@"frame=\s*(\d+)")]
    private static partial Regex FrameCount();
}
