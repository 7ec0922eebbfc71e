using Asmr.Benchmarks.RateDistortion;

namespace Asmr.Benchmarks.Tests.RateDistortion;

public class MarkdownReportTests
{
    private static RdPoint Point(string codec, string preset, string rate, long bytes, double psnr, int? crf = null) => new()
    {
        Codec = codec,
        Preset = preset,
        RateParameter = rate,
        Crf = crf,
        Bytes = bytes,
        Bpp = bytes * 8.0 / (352 * 288 * 32),
        PsnrY = psnr + 2,
        PsnrYuv = psnr + 1,
        PsnrRgb = psnr,
        Ssim = 0.9,
        EncodeSeconds = 1.5,
        DecodeFps = 120,
        MacsPerPixel = codec == "asmrc" ? 1234 : null,
        SirenMacsPerPixel = codec == "asmrc" ? 20000 : null,
        Architecture = codec == "asmrc" ? "L=5 H=80" : null,
        EncodeCommand = $"{codec} encode {rate}",
    };

    private static RdReport Report()
    {
        RdPoint[] points =
        [
            Point("x264", "medium", "crf 28", 60_000, 38.0, 28),
            Point("x264", "medium", "crf 38", 20_000, 31.0, 38),
            Point("x264", "medium", "crf 51", 8_000, 25.0, 51),
            Point("asmrc", "fast", "0.05 bpp (--size 20275)", 20_100, 24.0),
            Point("asmrc", "fast", "0.1 bpp (--size 40550)", 40_000, 26.5),
            Point(MeanFrameAnchor.Codec, MeanFrameAnchor.Preset, "crf 23", 6_000, 30.2, 23),
            Point(MeanFrameAnchor.Codec, MeanFrameAnchor.Preset, "crf 12", 24_000, 30.7, 12),
        ];
        var clip = new ClipResult
        {
            Clip = new ClipSpec("akiyo_352x288", "/media/akiyo_352x288.mp4", 32),
            Width = 352,
            Height = 288,
            Frames = 32,
            ExtractCommand = "ffmpeg -i ../shared/media/akiyo_352x288.mp4 src.y4m",
            Points = points,
            BdRates = RdRunner.BdRates(points),
            UncodedMeanPsnrRgb = 30.78,
            AgainstMeanFrame = MeanFrameComparison.Compare(points, 30.78),
        };
        return new RdReport
        {
            Machine = new MachineInfo("Test CPU", 2, "23.0 GiB", "Linux"),
            StartedUtc = new DateTime(2026, 1, 2, 3, 4, 0, DateTimeKind.Utc),
            Duration = TimeSpan.FromMinutes(61),
            Tools = new ToolVersions { DotnetSdk = "10.0.401", Runtime = ".NET 10.0.0", Ffmpeg = "ffmpeg version 5.1.9", Asmrc = "asmrc 0.1.0", Commit = "abc1234", X264 = "x264 - core 164" },
            CommandLine = "dotnet run -c Release --project benchmarks -- rd",
            Options = RdOptions.Parse([], new RepositoryPaths("/repo", "/media")),
            Clips = [clip],
            Notes = ["this ffmpeg has no libx265 encoder, so the x265 anchors were skipped."],
        };
    }

    [Fact]
    public void Render_HasMachineDateToolsCommandAndNotes()
    {
        string md = MarkdownReport.Render(Report());

        Assert.Contains("| Date (UTC) | 2026-01-02 03:04 (run took 61.0 min) |", md, StringComparison.Ordinal);
        Assert.Contains("Test CPU, 2 logical cores, 23.0 GiB RAM", md, StringComparison.Ordinal);
        Assert.Contains("| libx264 | x264 - core 164 |", md, StringComparison.Ordinal);
        Assert.Contains("| libx265 | not run |", md, StringComparison.Ordinal);
        Assert.Contains("```sh\ndotnet run -c Release --project benchmarks -- rd\n```", md, StringComparison.Ordinal);
        Assert.Contains("> **Note:** this ffmpeg has no libx265 encoder", md, StringComparison.Ordinal);
        Assert.Contains("comes from the single run described here", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PerClip_HasPointRowsBdRateMacTableAndPlotLink()
    {
        string md = MarkdownReport.Render(Report());

        Assert.Contains("## akiyo_352x288: 32 frames, 352x288", md, StringComparison.Ordinal);
        Assert.Contains("![RGB PSNR against bpp, akiyo_352x288](rd-akiyo_352x288.svg)", md, StringComparison.Ordinal);
        Assert.Contains("| x264 | medium | crf 38 | 20,000 | 0.0493 | 33.00 | 32.00 | 31.00 | 0.9000 | 1.5 | 120.0 |", md, StringComparison.Ordinal);

        // asmrc (24–26.5 dB RGB) and x264 (25–38 dB) overlap on 25–26.5 dB with only one asmrc point inside.
        Assert.Contains("| asmrc fast | x264 medium | n/a (1 asmrc fast point(s) in the overlap 25.00–26.50 dB", md, StringComparison.Ordinal);

        // The 20,100-byte asmrc point's closest x264 medium stream is CRF 38 (20,000 bytes).
        Assert.Contains("| fast 0.05 bpp (--size 20275) | L=5 H=80 | 1,234 | 20,000 | 16.21 | 120.0 | crf 38, 20,000 B | 120.0 | 1.000 |", md, StringComparison.Ordinal);
        Assert.Contains("asmrc encode 0.05 bpp (--size 20275)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PerClip_ComparesEachAsmrcPointWithTheMeanFrame()
    {
        string md = MarkdownReport.Render(Report());

        Assert.Contains("uncoded, it scores 30.78 dB RGB", md, StringComparison.Ordinal);
        Assert.Contains("| mean frame | x264 medium intra | crf 23 | 6,000 |", md, StringComparison.Ordinal);
        // 20,100 B lies between the mean frame's 6,000 B (30.2 dB) and 24,000 B (30.7 dB); 40,000 B is above both.
        Assert.Contains("| fast 0.05 bpp (--size 20275) | 20,100 | 24.00 | 30.64 | -6.64 | **no** | interpolated between crf 23 (6,000 B) and crf 12 (24,000 B) |", md, StringComparison.Ordinal);
        Assert.Contains("| fast 0.1 bpp (--size 40550) | 40,000 | 26.50 | 30.78 | -4.28 | **no** | uncoded mean frame", md, StringComparison.Ordinal);
        Assert.DoesNotContain("| asmrc fast | mean frame", md, StringComparison.Ordinal);
    }
}
