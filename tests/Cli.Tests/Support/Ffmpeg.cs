using System.Diagnostics;

namespace Asmr.Cli.Tests.Support;

/// <summary>Makes small real inputs with the ffmpeg on PATH (the tests need it, as ./run-tests ensures).</summary>
internal static class Ffmpeg
{
    /// <summary>Runs ffmpeg quietly with <paramref name="args"/>, overwriting its output; fails the test if it fails.</summary>
    public static void Run(params string[] args) => Tool("ffmpeg", ["-v", "error", "-y", .. args]);

    /// <summary>Runs ffprobe with <paramref name="args"/> and returns its stdout.</summary>
    public static string Probe(params string[] args) => Tool("ffprobe", ["-v", "error", .. args]);

    /// <summary>
    /// Writes a 16x16 4:2:0 test pattern of <paramref name="frames"/> frames at <paramref name="fps"/> frames per
    /// second to <paramref name="path"/> (the container from its extension: .y4m, .mp4, ...), with a sine tone when
    /// <paramref name="withAudio"/>.
    /// </summary>
    public static void TestPattern(string path, int frames, int fps = 25, bool withAudio = false)
    {
        var args = new List<string> { "-f", "lavfi", "-i", $"testsrc=s=16x16:r={fps}" };
        if (withAudio)
        {
            args.AddRange(["-f", "lavfi", "-i", "sine=frequency=440"]);
        }

        args.AddRange(["-frames:v", frames.ToString(System.Globalization.CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p"]);
        if (withAudio)
        {
            args.AddRange(["-c:a", "aac", "-shortest"]);
        }

        args.AddRange(path.EndsWith(".y4m", StringComparison.Ordinal) ? ["-f", "yuv4mpegpipe", path] : [path]);
        Run([.. args]);
    }

    private static string Tool(string tool, string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)}: {errors}");
        return output.Result;
    }
}
