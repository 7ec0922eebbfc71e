using System.Globalization;
using Asmr.Decoder.Files;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// One asmrc point through the real command line, as a user runs it: <c>asmrc encode</c> with <c>--size</c> from the
/// target bpp (timed as a child process, start-up included), <c>asmrc decode</c> to y4m for the quality, the
/// decoder's speed in-process, and the architecture (MAC/pixel next to a SIREN of the same shape) read from the file.
/// </summary>
internal sealed class AsmrcPointRunner
{
    private readonly string _cli;
    private readonly int _threads;
    private readonly int _decodeRepeats;

    /// <param name="cli">Path of asmrc.dll (run with <c>dotnet</c>).</param>
    /// <param name="threads">asmrc's --threads and the in-process decoder's threads.</param>
    /// <param name="decodeRepeats">Timed decode runs (after one warm-up).</param>
    public AsmrcPointRunner(string cli, int threads, int decodeRepeats)
    {
        _cli = cli;
        _threads = threads;
        _decodeRepeats = decodeRepeats;
    }

    /// <summary>asmrc.dll next to this assembly (the benchmarks project references the CLI project), or null.</summary>
    public static string? LocateCli()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "asmrc.dll");
        return File.Exists(dll) && File.Exists(Path.Combine(AppContext.BaseDirectory, "asmrc.runtimeconfig.json")) ? dll : null;
    }

    /// <summary>asmrc's arguments (after <c>asmrc</c>) for one encode.</summary>
    public IReadOnlyList<string> EncodeArguments(AsmrcRatePoint rate, long targetBytes, string source, string output) =>
    [
        "encode", source, output, "--size", targetBytes.ToString(CultureInfo.InvariantCulture), "--preset", rate.Preset,
        "--threads", _threads.ToString(CultureInfo.InvariantCulture), "-y", "--quiet",
    ];

    /// <summary>The version line of <c>asmrc --version</c>.</summary>
    public string Version() => RunCli(["--version"], Environment.CurrentDirectory).Stdout.Split('\n')[0].Trim();

    /// <summary>Encodes, decodes and measures one point; <paramref name="workDirectory"/> holds the source and the outputs.</summary>
    /// <param name="rate">Preset and target bpp.</param>
    /// <param name="sourceY4m">The source's file name inside <paramref name="workDirectory"/>.</param>
    /// <param name="workDirectory">The clip's work folder (the commands run there).</param>
    /// <param name="pixels">width·height·frames of the source.</param>
    public RdPoint Run(AsmrcRatePoint rate, string sourceY4m, string workDirectory, double pixels)
    {
        long target = rate.TargetBytes(pixels);
        string output = string.Create(CultureInfo.InvariantCulture, $"asmrc-{rate.Preset}-{rate.BitsPerPixel:0.####}bpp.asmr");
        var args = EncodeArguments(rate, target, sourceY4m, output);
        ProcessResult encode = RunCli(args, workDirectory);
        string path = Path.Combine(workDirectory, output);
        long bytes = new FileInfo(path).Length;

        RunCli(["decode", output, "decoded.y4m", "-y", "--quiet", "--threads", _threads.ToString(CultureInfo.InvariantCulture)], workDirectory);
        string decoded = Path.Combine(workDirectory, "decoded.y4m");
        var quality = QualityMeasurer.Measure(Path.Combine(workDirectory, sourceY4m), decoded);
        File.Delete(decoded);

        var (macs, siren, architecture) = ReadArchitecture(path);
        string parameter = string.Create(CultureInfo.InvariantCulture, $"{rate.BitsPerPixel:0.####} bpp (--size {target})");
        double fps = AsmrDecodeTimer.FramesPerSecond(path, _threads, _decodeRepeats);
        return RdPoint.Measured("asmrc", rate.Preset, parameter, bytes, pixels, quality, encode.Elapsed.TotalSeconds, fps, ExternalProcess.Format("asmrc", args)) with
        {
            TargetBpp = rate.BitsPerPixel,
            MacsPerPixel = macs,
            SirenMacsPerPixel = siren,
            Architecture = architecture,
        };
    }

    /// <summary>MAC/pixel of the decoder and of a SIREN of the same shape, frame-weighted over the file's segments.</summary>
    private static (double Macs, double Siren, string Architecture) ReadArchitecture(string path)
    {
        using var decoder = AsmrFileDecoder.Open(path);
        double macs = 0, siren = 0;
        int frames = 0;
        string? first = null;
        for (int s = 0; s < decoder.Reader.Segments.Count; s++)
        {
            var model = decoder.ReadModel(s);
            var a = model.Architecture;
            macs += a.MacsPerSample() * model.FrameCount;
            siren += a.SirenMacsPerSample() * model.FrameCount;
            frames += model.FrameCount;
            first ??= string.Create(CultureInfo.InvariantCulture, $"L={a.Levels} H={a.Width}, {a.ParameterCount():N0} params");
        }

        string shape = decoder.Reader.Segments.Count > 1 ? $"{first} (segment 0 of {decoder.Reader.Segments.Count})" : first ?? "";
        return (macs / frames, siren / frames, shape);
    }

    private ProcessResult RunCli(IReadOnlyList<string> args, string workDirectory) =>
        ExternalProcess.RunChecked("dotnet", [_cli, .. args], workDirectory);
}
