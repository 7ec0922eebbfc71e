using System.Diagnostics;

namespace Asmr.Media.Tests.IO;

/// <summary>Paths to the shared test clips, and ffmpeg/ffprobe runners for building reference data.</summary>
internal static class TestMedia
{
    public const string Root = "/work/shared/media";

    public static string Clip(string name) => Path.Combine(Root, name);

    public static string AkiyoY4m => Path.Combine(Root, "y4m", "akiyo_352x288_10f.y4m");

    public static string ForemanY4m => Path.Combine(Root, "y4m", "foreman_352x288_10f.y4m");

    /// <summary>Runs ffmpeg with the arguments; throws with its stderr on failure.</summary>
    public static void Ffmpeg(params string[] args) => Run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", .. args]);

    /// <summary>Runs ffmpeg and returns its standard error (for filters that log results).</summary>
    public static string FfmpegLog(params string[] args) => Run("ffmpeg", ["-hide_banner", "-nostdin", .. args]).Stderr;

    /// <summary>Runs ffprobe and returns its standard output.</summary>
    public static string Ffprobe(params string[] args) => Run("ffprobe", ["-v", "error", .. args]).Stdout;

    /// <summary>Runs ffmpeg writing raw bytes to stdout and returns them.</summary>
    public static byte[] FfmpegBytes(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["-hide_banner", "-loglevel", "error", "-nostdin", .. args, "-"])
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed: {err.Result}");
        }

        return ms.ToArray();
    }

    private static (string Stdout, string Stderr) Run(string tool, string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {err.Result}");
        }

        return (output, err.Result);
    }
}
