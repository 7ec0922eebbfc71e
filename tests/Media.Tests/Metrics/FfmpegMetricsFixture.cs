using System.Globalization;
using System.Text.RegularExpressions;
using Asmr.Media.Tests.IO;

namespace Asmr.Media.Tests.Metrics;

/// <summary>
/// Real data for the metrics tests: the 10 akiyo frames, an x264 CRF 35 encode of them decoded back to y4m, and what
/// ffmpeg's psnr and ssim filters report for the pair.
/// </summary>
public sealed partial class FfmpegMetricsFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public FfmpegMetricsFixture()
    {
        Reference = TestMedia.AkiyoY4m;
        string mp4 = _folder.File("akiyo_crf35.mp4");
        TestMedia.Ffmpeg("-i", Reference, "-c:v", "libx264", "-preset", "medium", "-crf", "35", mp4);
        Decoded = _folder.File("akiyo_crf35.y4m");
        TestMedia.Ffmpeg("-i", mp4, "-fps_mode", "passthrough", "-pix_fmt", "yuv420p", Decoded);

        string psnrLog = _folder.File("psnr.log");
        string ssimLog = _folder.File("ssim.log");
        string stderr = TestMedia.FfmpegLog("-i", Decoded, "-i", Reference, "-lavfi", $"[0:v][1:v]psnr=stats_file={psnrLog}", "-f", "null", "-");
        SummaryPsnr = ParseSummary(stderr);
        FramePsnr = File.ReadAllLines(psnrLog).Select(ParsePsnrLine).ToArray();
        TestMedia.FfmpegLog("-i", Decoded, "-i", Reference, "-lavfi", $"[0:v][1:v]ssim=stats_file={ssimLog}", "-f", "null", "-");
        FrameSsimY = File.ReadAllLines(ssimLog).Select(l => double.Parse(SsimY().Match(l).Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
    }

    public string Reference { get; }

    public string Decoded { get; }

    /// <summary>ffmpeg's sequence PSNR y, u, v (from the summary line).</summary>
    public double[] SummaryPsnr { get; }

    /// <summary>Per frame: mse y, u, v and psnr y, u, v from the stats file.</summary>
    public (double[] Mse, double[] Psnr)[] FramePsnr { get; }

    /// <summary>Per-frame SSIM Y from ffmpeg's ssim filter.</summary>
    public double[] FrameSsimY { get; }

    public void Dispose() => _folder.Dispose();

    private static double[] ParseSummary(string stderr)
    {
        Match m = Summary().Match(stderr);
        Assert.True(m.Success, "no PSNR summary in ffmpeg output: " + stderr);
        return [Num(m.Groups[1].Value), Num(m.Groups[2].Value), Num(m.Groups[3].Value)];
    }

    private static (double[] Mse, double[] Psnr) ParsePsnrLine(string line)
    {
        double Field(string name) => Num(Regex.Match(line, name + @":([0-9.inf]+)").Groups[1].Value);
        return ([Field("mse_y"), Field("mse_u"), Field("mse_v")], [Field("psnr_y"), Field("psnr_u"), Field("psnr_v")]);
    }

    private static double Num(string s) => s == "inf" ? double.PositiveInfinity : double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"PSNR y:([0-9.]+) u:([0-9.]+) v:([0-9.]+)")]
    private static partial Regex Summary();

    [GeneratedRegex(@"Y:([0-9.]+)")]
    private static partial Regex SsimY();
}
