using System.Globalization;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// What an <c>rd</c> run measures. The lists below are the defaults of a full run and of <c>--quick</c>; edit them here
/// to change what the benchmark covers.
/// </summary>
internal sealed record RdOptions
{
    /// <summary>The usage text of <c>rd</c>.</summary>
    public const string Usage = """
        usage: dotnet run -c Release --project benchmarks -- rd [options]

          --quick              a short run (a few minutes): 8 frames of akiyo at 176x144, asmrc fast at 2 rates,
                               x264/x265 medium at 3 CRFs; writes to --out or a new temporary folder, never docs/
          --clips P[,P...]     clips to use (any file ffmpeg reads; a bare name is looked up in ../shared/media);
                               default: akiyo and foreman CIF (32 frames) and webcam_talk 720p (8 frames)
          --frames N           frames per clip (default: the clip table in ClipSpec, else 32)
          --out DIR            where BENCHMARKS.md and rd-<clip>.svg go (default: docs/; --quick: a temporary folder)
          --bpp B[,B...]       asmrc target rates in bits per pixel (default 0.0125,0.025,0.05,0.1; --quick 0.1,0.2)
          --presets P[,P...]   asmrc presets, each run at every --bpp (default: medium, the default preset, at every
                               rate, whose curve the BD-rates judge; fast at 0.05 for its speed)
          --crfs C[,C...]      anchor CRFs (default 18,23,28,33,38,43,47,51; --quick 30,40,51)
          --threads N          threads for asmrc and ffmpeg, encoding and decoding (default: all cores)
          --keep               keep the work folder (sources, streams, .asmr files) and print its path
        """;

    /// <summary>
    /// asmrc points of a full run: the default preset's curve, which is what users get and what the BD-rates judge, and
    /// fast at the default rate for its speed (a fast curve as well would add about a third to the run).
    /// </summary>
    public static IReadOnlyList<AsmrcRatePoint> DefaultAsmrcPoints { get; } =
        [new("medium", 0.0125), new("medium", 0.025), new("medium", 0.05), new("medium", 0.1), new("fast", 0.05)];

    /// <summary>asmrc points of <c>--quick</c> (a QCIF clip pays the container's fixed bytes, so the rates are higher).</summary>
    public static IReadOnlyList<AsmrcRatePoint> QuickAsmrcPoints { get; } = [new("fast", 0.1), new("fast", 0.2)];

    /// <summary>Anchor CRFs of a full run: very high quality down to CRF 51, where the curves reach asmrc's PSNR range.</summary>
    public static IReadOnlyList<int> DefaultCrfs { get; } = [18, 23, 28, 33, 38, 43, 47, 51];

    /// <summary>Anchor CRFs of <c>--quick</c>.</summary>
    public static IReadOnlyList<int> QuickCrfs { get; } = [30, 40, 51];

    /// <summary>Anchor curves of a full run.</summary>
    public static IReadOnlyList<AnchorSpec> DefaultAnchors { get; } =
        [new(AnchorCodec.X264, "medium"), new(AnchorCodec.X264, "veryslow"), new(AnchorCodec.X265, "medium"), new(AnchorCodec.X265, "veryslow")];

    /// <summary>Anchor curves of <c>--quick</c>.</summary>
    public static IReadOnlyList<AnchorSpec> QuickAnchors { get; } = [new(AnchorCodec.X264, "medium"), new(AnchorCodec.X265, "medium")];

    /// <summary>Whether this is a <c>--quick</c> run.</summary>
    public bool Quick { get; init; }

    /// <summary>The clips.</summary>
    public required IReadOnlyList<ClipSpec> Clips { get; init; }

    /// <summary>Where the report goes; null = docs/ (full run) or a new temporary folder (<c>--quick</c>).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>asmrc encodes per clip.</summary>
    public required IReadOnlyList<AsmrcRatePoint> AsmrcPoints { get; init; }

    /// <summary>Anchor curves per clip.</summary>
    public required IReadOnlyList<AnchorSpec> Anchors { get; init; }

    /// <summary>CRFs of every anchor curve.</summary>
    public required IReadOnlyList<int> Crfs { get; init; }

    /// <summary>Threads for every encoder and decoder.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Timed decode runs per point (after one warm-up).</summary>
    public int DecodeRepeats { get; init; } = 3;

    /// <summary>Keep the work folder.</summary>
    public bool KeepWork { get; init; }

    /// <summary>Parses the arguments after <c>rd</c>.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static RdOptions Parse(IReadOnlyList<string> args, RepositoryPaths paths)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(paths);
        bool quick = false, keep = false;
        string? clips = null, output = null, bpp = null, presets = null, crfs = null;
        int? frames = null, threads = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--quick":
                    quick = true;
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--clips":
                    clips = Value(args, ref i);
                    break;
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--bpp":
                    bpp = Value(args, ref i);
                    break;
                case "--presets":
                    presets = Value(args, ref i);
                    break;
                case "--crfs":
                    crfs = Value(args, ref i);
                    break;
                case "--frames":
                    frames = PositiveInt(arg, Value(args, ref i));
                    break;
                case "--threads":
                    threads = PositiveInt(arg, Value(args, ref i));
                    break;
                default:
                    throw new ArgumentException($"unknown option '{arg}'");
            }
        }

        var asmrcPoints = quick ? QuickAsmrcPoints : DefaultAsmrcPoints;
        if (bpp is not null || presets is not null)
        {
            double[] rates = bpp is null
                ? [.. asmrcPoints.Select(p => p.BitsPerPixel).Distinct().Order()]
                : [.. List(bpp).Select(b => PositiveDouble("--bpp", b))];
            string[] names = presets is null ? ["fast"] : [.. List(presets)];
            foreach (string name in names)
            {
                if (name is not ("fast" or "medium" or "slow"))
                {
                    throw new ArgumentException($"--presets: '{name}' is not an asmrc preset (fast, medium, slow)");
                }
            }

            asmrcPoints = [.. names.SelectMany(p => rates.Select(r => new AsmrcRatePoint(p, r)))];
        }

        IReadOnlyList<ClipSpec> clipList;
        if (clips is not null)
        {
            clipList = [.. List(clips).Select(c => ClipSpec.FromPath(ResolveClip(c, paths), frames))];
        }
        else if (quick)
        {
            var q = ClipSpec.Quick(paths.Media);
            clipList = [frames is { } n ? q with { Frames = n } : q];
        }
        else
        {
            clipList = [.. ClipSpec.DefaultTable.Select(c => ClipSpec.FromPath(Path.Combine(paths.Media, c.File), frames))];
        }

        return new RdOptions
        {
            Quick = quick,
            Clips = clipList,
            OutputDirectory = output is null ? null : Path.GetFullPath(output),
            AsmrcPoints = asmrcPoints,
            Anchors = quick ? QuickAnchors : DefaultAnchors,
            Crfs = crfs is null ? (quick ? QuickCrfs : DefaultCrfs) : [.. List(crfs).Select(c => Crf(c))],
            Threads = threads ?? Environment.ProcessorCount,
            DecodeRepeats = quick ? 1 : 3,
            KeepWork = keep,
        };
    }

    private static string ResolveClip(string clip, RepositoryPaths paths)
    {
        if (File.Exists(clip))
        {
            return Path.GetFullPath(clip);
        }

        string inMedia = Path.Combine(paths.Media, clip);
        return File.Exists(inMedia)
            ? inMedia
            : throw new ArgumentException($"--clips: '{clip}' is neither a file nor a clip in {paths.Media}");
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{args[i]} needs a value");
        }

        return args[++i];
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"{name}: '{value}' is not a positive integer");

    private static double PositiveDouble(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d > 0 && double.IsFinite(d)
            ? d
            : throw new ArgumentException($"{name}: '{value}' is not a positive number");

    private static int Crf(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n <= 51
            ? n
            : throw new ArgumentException($"--crfs: '{value}' is not a CRF from 0 to 51");
}
