using System.Globalization;
using System.Text;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>Writes docs/BENCHMARKS.md: machine, date, tool versions, the exact commands, and per clip the tables and the plot.</summary>
internal static class MarkdownReport
{
    /// <summary>The Markdown text of <paramref name="report"/>.</summary>
    public static string Render(RdReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        void Line(FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# Rate-distortion benchmark{(report.Options.Quick ? " (--quick)" : string.Empty)}");
        Line($"");
        Line($"Every number below comes from the single run described here, on this machine; nothing is copied from elsewhere.");
        Line($"asmrc and the anchors (ffmpeg's libx264 and libx265) encoded the same frames, extracted once to y4m, in the same run.");
        Line($"Every point was decoded to y4m and measured the same way, with asmrc's own metrics (`QualityMetrics`, which match ffmpeg's");
        Line($"`psnr` and `ssim` filters): pooled PSNR over all frames for Y, YUV (6·Y + U + V)/8 and RGB (the source's matrix; unspecified is BT.601 up to 576 lines,");
        Line($"else BT.709, as in ffmpeg), and SSIM-Y as");
        Line($"ffmpeg's `ssim` filter computes it. Sizes are the real files: the `.asmr` file, and the raw H.264/HEVC elementary stream.");
        Line($"bpp = 8·bytes / (width·height·frames). Decoding for the quality measurement: `asmrc decode OUT.asmr decoded.y4m -y --quiet --threads N`");
        Line($"and `ffmpeg -i STREAM -pix_fmt yuv420p -f yuv4mpegpipe decoded.y4m`; the encode commands of every point are listed under each clip.");
        Line($"");
        Line($"| | |");
        Line($"|---|---|");
        Line($"| Date (UTC) | {report.StartedUtc:yyyy-MM-dd HH:mm} (run took {report.Duration.TotalMinutes:0.0} min) |");
        Line($"| Machine | {report.Machine.Cpu}, {report.Machine.Cores} logical cores, {report.Machine.Memory} RAM, {report.Machine.OperatingSystem} |");
        Line($"| .NET | SDK {report.Tools.DotnetSdk}, runtime {report.Tools.Runtime} |");
        Line($"| asmrc | {report.Tools.Asmrc}, commit {report.Tools.Commit} |");
        Line($"| ffmpeg | {report.Tools.Ffmpeg} |");
        Line($"| libx264 | {report.Tools.X264 ?? "not run"} |");
        Line($"| libx265 | {report.Tools.X265 ?? "not run"} |");
        Line($"| Threads | {report.Options.Threads} for every encoder and decoder |");
        Line($"");
        Line($"Command:");
        Line($"");
        Line($"```sh");
        Line($"{report.CommandLine}");
        Line($"```");
        Line($"");
        Line($"Encode time is the wall-clock time of the encoder process (for asmrc: `dotnet asmrc.dll encode …`, start-up included).");
        Line($"Decode speed: asmrc's fixed-point decoder in-process on the whole file from memory, and `ffmpeg -benchmark -threads N -i STREAM -f null -`");
        Line($"(its `rtime`) for the anchors; best of {report.Options.DecodeRepeats} after a warm-up. MAC/px is the decoder's analytic multiply-accumulate");
        Line($"count per pixel (`ModelArchitecture.MacsPerSample`), next to a plain SIREN of the same depth and width.");
        Line($"BD-rate (Bjøntegaard): log(rate) fitted as a polynomial of PSNR (cubic with 4 or more points), integrated over the PSNR");
        Line($"range both curves cover; negative means asmrc needs fewer bits. Where the ranges do not overlap, it says so instead of extrapolating.");
        foreach (string note in report.Notes)
        {
            Line($"");
            Line($"> **Note:** {note}");
        }

        foreach (var clip in report.Clips)
        {
            RenderClip(md, clip);
        }

        return md.ToString();
    }

    private static void RenderClip(StringBuilder md, ClipResult clip)
    {
        void Line(FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"");
        Line($"## {clip.Clip.Name}: {clip.Frames} frames, {clip.Width}x{clip.Height}");
        Line($"");
        Line($"![RGB PSNR against bpp, {clip.Clip.Name}]({clip.PlotFile})");
        Line($"");
        Line($"| codec | preset | rate parameter | bytes | bpp | PSNR-Y dB | PSNR-YUV dB | PSNR-RGB dB | SSIM-Y | encode s | decode fps |");
        Line($"|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var p in clip.Points)
        {
            Line($"| {p.Codec} | {p.Preset} | {p.RateParameter} | {p.Bytes:N0} | {p.Bpp:0.0000} | {p.PsnrY:0.00} | {p.PsnrYuv:0.00} | {p.PsnrRgb:0.00} | {p.Ssim:0.0000} | {p.EncodeSeconds:0.0} | {p.DecodeFps:0.0} |");
        }

        Line($"");
        Line($"BD-rate of asmrc against each anchor:");
        Line($"");
        Line($"| asmrc | anchor | BD-rate (RGB PSNR) | BD-rate (YUV PSNR) |");
        Line($"|---|---|---|---|");
        foreach (var row in clip.BdRates)
        {
            Line($"| {row.TestSeries} | {row.AnchorSeries} | {row.Rgb.Format()} | {row.Yuv.Format()} |");
        }

        if (clip.AgainstMeanFrame.Count > 0)
        {
            Line($"");
            Line($"Against the clip's mean frame (every sample the rounded mean over the {clip.Frames} frames), coded by x264 medium as one intra frame");
            Line($"and shown for every frame (the `mean frame` rows above; uncoded, it scores {clip.UncodedMeanPsnrRgb:0.00} dB RGB). Its RGB PSNR at each asmrc");
            Line($"point's size is interpolated in log(bytes); outside its curve the comparison takes asmrc's side (the uncoded mean frame above it,");
            Line($"the smallest coded one below it), so a loss is always a real one:");
            Line($"");
            Line($"| asmrc point | bytes | PSNR-RGB dB | mean frame at that size, dB | margin dB | beats the mean frame | mean frame read from |");
            Line($"|---|--:|--:|--:|--:|---|---|");
            foreach (var c in clip.AgainstMeanFrame)
            {
                Line($"| {c.Point.Preset} {c.Point.RateParameter} | {c.Point.Bytes:N0} | {c.Point.PsnrRgb:0.00} | {c.MeanPsnrRgb:0.00} | {c.Margin:+0.00;-0.00} | {(c.Beats ? "yes" : "**no**")} | {c.Basis} |");
            }
        }

        var asmrc = clip.Points.Where(p => p.Codec == "asmrc").ToList();
        var h264 = clip.Points.Where(p => p.Codec == "x264" && p.Preset == "medium").ToList();
        if (asmrc.Count > 0)
        {
            Line($"");
            Line($"asmrc decoder cost, against ffmpeg decoding the x264 medium stream closest in size:");
            Line($"");
            Line($"| asmrc point | architecture | MAC/px | SIREN MAC/px | SIREN / asmrc | asmrc decode fps | x264 medium stream | ffmpeg decode fps | asmrc / ffmpeg speed |");
            Line($"|---|---|--:|--:|--:|--:|---|--:|--:|");
            foreach (var p in asmrc)
            {
                var closest = h264.OrderBy(h => Math.Abs(Math.Log((double)h.Bytes / p.Bytes))).FirstOrDefault();
                string stream = closest is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{closest.RateParameter}, {closest.Bytes:N0} B");
                string ffmpegFps = closest is null ? "—" : closest.DecodeFps.ToString("0.0", CultureInfo.InvariantCulture);
                string ratio = closest is null ? "—" : (p.DecodeFps / closest.DecodeFps).ToString("0.000", CultureInfo.InvariantCulture);
                Line($"| {p.Preset} {p.RateParameter} | {p.Architecture} | {p.MacsPerPixel:N0} | {p.SirenMacsPerPixel:N0} | {p.SirenMacsPerPixel / p.MacsPerPixel:0.00} | {p.DecodeFps:0.0} | {stream} | {ffmpegFps} | {ratio} |");
            }
        }

        Line($"");
        Line($"<details><summary>Commands run for {clip.Clip.Name} (in its work folder; <code>asmrc</code> is <code>dotnet asmrc.dll</code> from the benchmark's build output)</summary>");
        Line($"");
        Line($"```sh");
        Line($"{clip.ExtractCommand}");
        foreach (var p in clip.Points)
        {
            Line($"{p.EncodeCommand}");
        }

        Line($"```");
        Line($"");
        Line($"</details>");
    }
}
