using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Asmr.Media.IO;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// The <c>rd</c> verb: per clip, extracts the first frames to y4m once, encodes them with the anchors (x264/x265 over
/// the CRF list) and with asmrc (at the rate points), measures every point the same way, computes BD-rates, and
/// writes BENCHMARKS.md and one SVG plot per clip.
/// </summary>
internal static class RdRunner
{
    /// <summary>Entry point of <c>rd</c>; returns the process exit code (0 ok, 1 usage, 2 missing input or tool, 3 failure).</summary>
    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Contains("--help") || args.Contains("-h"))
        {
            output.WriteLine(RdOptions.Usage);
            return 0;
        }

        RepositoryPaths paths;
        RdOptions options;
        try
        {
            paths = RepositoryPaths.Locate();
            options = RdOptions.Parse(args, paths);
        }
        catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"rd: error: {e.Message}");
            Console.Error.WriteLine(RdOptions.Usage);
            return 1;
        }

        string commandLine = "dotnet run -c Release --project benchmarks -- rd" + (args.Length > 0 ? " " + string.Join(' ', args) : string.Empty);
        try
        {
            var (report, folder) = Execute(options, paths, commandLine, output);
            output.WriteLine($"rd: report written to {Path.Combine(folder, "BENCHMARKS.md")} (plots: {string.Join(", ", report.Clips.Select(c => c.PlotFile))})");
            return 0;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"rd: error: {e.Message}");
            return 2;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"rd: error: {e.Message}");
            return 3;
        }
    }

    /// <summary>Runs the benchmark and writes the report; returns it and the folder it went to.</summary>
    /// <exception cref="FileNotFoundException">A clip, ffmpeg or asmrc.dll is missing.</exception>
    /// <exception cref="InvalidOperationException">A tool failed.</exception>
    public static (RdReport Report, string Folder) Execute(RdOptions options, RepositoryPaths paths, string commandLine, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(log);
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        foreach (var clip in options.Clips)
        {
            if (!File.Exists(clip.Path))
            {
                throw new FileNotFoundException($"Clip not found: {clip.Path} (the shared media folder is {paths.Media}; set ASMR_MEDIA to move it).", clip.Path);
            }
        }

        string cli = AsmrcPointRunner.LocateCli()
            ?? throw new FileNotFoundException($"asmrc.dll is not next to the benchmark ({AppContext.BaseDirectory}); build the benchmarks project, which references the CLI.");
        var asmrc = new AsmrcPointRunner(cli, options.Threads, options.DecodeRepeats);
        var anchorEncoder = new AnchorEncoder(options.Threads, options.DecodeRepeats);
        var notes = new List<string>();
        var anchors = SelectAnchors(options.Anchors, notes, log);
        var tools = new ToolVersions
        {
            DotnetSdk = FirstLine("dotnet", ["--version"]),
            Runtime = RuntimeInformation.FrameworkDescription,
            Ffmpeg = FirstLine("ffmpeg", ["-hide_banner", "-version"]),
            Asmrc = asmrc.Version(),
            Commit = GitDescribe(paths.Root),
        };

        string work = Directory.CreateTempSubdirectory("asmrc-rd-").FullName;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rd: {options.Clips.Count} clip(s), asmrc {string.Join(' ', options.AsmrcPoints)}, anchors {string.Join(", ", anchors.Select(a => a.Series))} at CRF {string.Join(',', options.Crfs)}, {options.Threads} threads; work folder {work}"));
        var clips = new List<ClipResult>();
        try
        {
            foreach (var clip in options.Clips)
            {
                clips.Add(RunClip(clip, options, paths, anchors, anchorEncoder, asmrc, tools, notes, Path.Combine(work, clip.Name), log));
            }
        }
        finally
        {
            if (options.KeepWork)
            {
                log.WriteLine($"rd: work folder kept: {work}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }

        var report = new RdReport
        {
            Machine = MachineInfo.Detect(),
            StartedUtc = started,
            Duration = clock.Elapsed,
            Tools = tools,
            CommandLine = commandLine,
            Options = options,
            Clips = clips,
            Notes = notes,
        };
        string folder = options.OutputDirectory ?? (options.Quick ? Directory.CreateTempSubdirectory("asmrc-rd-quick-").FullName : paths.Docs);
        Directory.CreateDirectory(folder);
        foreach (var clip in clips)
        {
            File.WriteAllText(Path.Combine(folder, clip.PlotFile), Plot(clip));
        }

        File.WriteAllText(Path.Combine(folder, "BENCHMARKS.md"), MarkdownReport.Render(report));
        return (report, folder);
    }

    /// <summary>The plot of one clip: RGB PSNR against bpp, asmrc curves first, then the anchors.</summary>
    public static string Plot(ClipResult clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var series = clip.Points
            .GroupBy(p => p.Series)
            .OrderBy(g => g.First().Codec == "asmrc" ? 0 : 1)
            .Select(g => new PlotSeries(g.Key, [.. g.OrderBy(p => p.Bpp).Select(p => (p.Bpp, p.PsnrRgb))]))
            .ToList();
        return SvgPlot.Render(
            string.Create(CultureInfo.InvariantCulture, $"{clip.Clip.Name}, first {clip.Frames} frames: asmrc vs x264 and x265"),
            "bits per pixel (file size, log scale)",
            "RGB PSNR (dB)",
            series);
    }

    /// <summary>BD-rates of every asmrc curve (by preset) against every anchor curve, on RGB and YUV PSNR.</summary>
    public static IReadOnlyList<BdRateRow> BdRates(IReadOnlyList<RdPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var rows = new List<BdRateRow>();
        var tests = points.Where(p => p.Codec == "asmrc").GroupBy(p => p.Series).ToList();
        var anchors = points.Where(p => p.Codec is not "asmrc" and not MeanFrameAnchor.Codec).GroupBy(p => p.Series).ToList();
        foreach (var test in tests)
        {
            foreach (var anchor in anchors)
            {
                rows.Add(new BdRateRow(
                    test.Key,
                    anchor.Key,
                    BjontegaardDelta.Rate([.. anchor.Select(p => new CurvePoint(p.Bpp, p.PsnrRgb))], [.. test.Select(p => new CurvePoint(p.Bpp, p.PsnrRgb))], test.Key),
                    BjontegaardDelta.Rate([.. anchor.Select(p => new CurvePoint(p.Bpp, p.PsnrYuv))], [.. test.Select(p => new CurvePoint(p.Bpp, p.PsnrYuv))], test.Key)));
            }
        }

        return rows;
    }

    private static ClipResult RunClip(
        ClipSpec clip,
        RdOptions options,
        RepositoryPaths paths,
        IReadOnlyList<AnchorSpec> anchors,
        AnchorEncoder anchorEncoder,
        AsmrcPointRunner asmrc,
        ToolVersions tools,
        List<string> notes,
        string work,
        TextWriter log)
    {
        Directory.CreateDirectory(work);
        const string source = "src.y4m";
        var extract = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", clip.Path, "-frames:v", clip.Frames.ToString(CultureInfo.InvariantCulture) };
        if (clip.ScaleWidth is { } w && clip.ScaleHeight is { } h)
        {
            extract.AddRange(["-vf", string.Create(CultureInfo.InvariantCulture, $"scale={w}:{h}")]);
        }

        extract.AddRange(["-an", "-pix_fmt", "yuv420p", "-f", "yuv4mpegpipe", source]);
        ExternalProcess.RunChecked("ffmpeg", extract, work);
        int width, height, frames;
        using (var reader = Y4mReader.Open(Path.Combine(work, source)))
        {
            (width, height, frames) = (reader.Header.Width, reader.Header.Height, reader.Header.FrameCount);
        }

        if (frames < clip.Frames)
        {
            notes.Add($"{clip.Name} has only {frames} frames; {clip.Frames} were asked for.");
        }

        double pixels = (double)width * height * frames;
        log.WriteLine($"rd: {clip.Name}: {frames} frames {width}x{height}");
        var points = new List<RdPoint>();
        foreach (var anchor in anchors)
        {
            foreach (int crf in options.Crfs)
            {
                var (point, stream) = anchorEncoder.Encode(anchor, crf, source, work, pixels, frames);
                if (anchor.Codec == AnchorCodec.X264)
                {
                    tools.X264 ??= AnchorEncoder.ReadEncoderVersion(stream, anchor.Codec);
                }
                else
                {
                    tools.X265 ??= AnchorEncoder.ReadEncoderVersion(stream, anchor.Codec) ?? AnchorEncoder.ProbeX265Version();
                }

                points.Add(point);
                log.WriteLine(Describe(clip, point));
            }
        }

        var meanFrame = new MeanFrameAnchor(anchorEncoder);
        var uncodedMean = MeanFrameAnchor.MeasureUncoded(Path.Combine(work, source), work, frames);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rd: {clip.Name}: the uncoded mean frame shown for every frame: PSNR Y {uncodedMean.PsnrY:0.00} YUV {uncodedMean.PsnrYuv:0.00} RGB {uncodedMean.PsnrRgb:0.00} dB"));
        foreach (int crf in MeanFrameAnchor.ExtraCrfs.Concat(options.Crfs).Distinct().Order())
        {
            var point = meanFrame.Encode(crf, source, work, pixels, frames);
            points.Add(point);
            log.WriteLine(Describe(clip, point));
        }

        foreach (var rate in options.AsmrcPoints)
        {
            var point = asmrc.Run(rate, source, work, pixels);
            points.Add(point);
            log.WriteLine(Describe(clip, point) + string.Create(CultureInfo.InvariantCulture, $", {point.MacsPerPixel:0} MAC/px (SIREN {point.SirenMacsPerPixel:0})"));
        }

        var bd = BdRates(points);
        foreach (var row in bd)
        {
            log.WriteLine($"rd: {clip.Name}: BD-rate {row.TestSeries} vs {row.AnchorSeries}: RGB {row.Rgb.Format()}, YUV {row.Yuv.Format()}");
        }

        var againstMean = MeanFrameComparison.Compare(points, uncodedMean.PsnrRgb);
        foreach (var c in againstMean)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rd: {clip.Name}: {c.Point.Series} {c.Point.RateParameter} against the mean frame at {c.Point.Bytes:N0} B: {c.Point.PsnrRgb:0.00} vs {c.MeanPsnrRgb:0.00} dB RGB ({(c.Beats ? "beats it" : "loses")} by {Math.Abs(c.Margin):0.00} dB; {c.Basis})"));
        }

        return new ClipResult
        {
            Clip = clip,
            Width = width,
            Height = height,
            Frames = frames,
            ExtractCommand = ExternalProcess.Format("ffmpeg", extract.Select(a => a == clip.Path ? paths.Display(clip.Path) : a)),
            Points = points,
            BdRates = bd,
            UncodedMeanPsnrRgb = uncodedMean.PsnrRgb,
            AgainstMeanFrame = againstMean,
        };
    }

    private static List<AnchorSpec> SelectAnchors(IReadOnlyList<AnchorSpec> wanted, List<string> notes, TextWriter log)
    {
        var encoders = AnchorEncoder.AvailableEncoders();
        var selected = new List<AnchorSpec>();
        foreach (var anchor in wanted)
        {
            if (encoders.Contains(anchor.Encoder))
            {
                selected.Add(anchor);
            }
            else if (!notes.Any(n => n.Contains(anchor.Encoder, StringComparison.Ordinal)))
            {
                string note = $"this ffmpeg has no {anchor.Encoder} encoder, so the {anchor.CodecName} anchors were skipped (install an ffmpeg built with --enable-{anchor.Encoder}).";
                notes.Add(note);
                log.WriteLine($"rd: warning: {note}");
            }
        }

        return selected;
    }

    private static string Describe(ClipSpec clip, RdPoint p) => string.Create(CultureInfo.InvariantCulture,
        $"rd: {clip.Name}: {p.Series} {p.RateParameter}: {p.Bytes:N0} B, {p.Bpp:0.0000} bpp, PSNR Y {p.PsnrY:0.00} YUV {p.PsnrYuv:0.00} RGB {p.PsnrRgb:0.00} dB, SSIM {p.Ssim:0.0000}, encode {p.EncodeSeconds:0.0} s, decode {p.DecodeFps:0.0} fps");

    private static string FirstLine(string tool, IReadOnlyList<string> args)
    {
        try
        {
            return ExternalProcess.RunChecked(tool, args).Stdout.Split('\n')[0].Trim();
        }
        catch (InvalidOperationException e)
        {
            throw new FileNotFoundException($"{tool} is needed: {e.Message}", tool, e);
        }
    }

    private static string GitDescribe(string root)
    {
        try
        {
            var result = ExternalProcess.Run("git", ["describe", "--always", "--dirty"], root);
            return result.ExitCode == 0 ? result.Stdout.Trim() : "unknown";
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }
}
