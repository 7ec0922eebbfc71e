using Asmr.Experiments;
using System.Diagnostics;
using System.Text;
using Asmr.Codec;
using Asmr.Codec.Motion;
using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Motion;
using Asmr.Decoder.Video;

// End-to-end: AsmrEncoder → real payload writer/reader → real fixed-point SegmentDecoder → metrics + decoded y4m.
var opts = args.Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a.Length > 1 ? a[1] : "");
string Get(string k, string d) => opts.TryGetValue(k, out var v) ? v : d;
if (opts.ContainsKey("analyse"))
{
    FitInspection.Analyse(Get("analyse", ""));
    return;
}

var video = Clips.Read(Get("in", "akiyo32.y4m"), int.Parse(Get("frames", "32")));
if (opts.ContainsKey("compare"))
{
    var other = Clips.Read(Get("compare", ""), video.Frames.Count);
    Console.WriteLine($"compare {Get("compare", "")}: {VideoMetrics.Measure(video, [.. other.Frames.Select(f => f.Planes)])}");
    return;
}

if (opts.ContainsKey("motionoracle"))
{
    // Only the block-motion oracle, with its range and block size from the keys.
    MotionOracle.Print(video, int.Parse(Get("motionrange", "4")), [int.Parse(Get("motionblock", "16"))]);
    return;
}

if (opts.ContainsKey("oracle"))
{
    TemporalMeanOracle.Print(video);
    TemporalRankOracle.Print(video);
    MotionOracle.Print(video);
    return;
}

var header = new SequenceHeader { Width = video.Width, Height = video.Height, FrameCount = video.Frames.Count, FrameRate = new Rational(25, 1) };
var frames = video.Frames.ToList();
// Product defaults unless a key overrides them.
var defaults = new EncoderSettings();
var settings = defaults with
{
    Preset = Enum.Parse<EncoderPreset>(Get("preset", defaults.Preset.ToString()), ignoreCase: true),
    Seed = long.Parse(Get("seed", defaults.Seed.ToString())),
    Steps = opts.ContainsKey("steps") ? int.Parse(Get("steps", "0")) : null,
    Width = opts.ContainsKey("h") ? int.Parse(Get("h", "64")) : null,
    Levels = int.Parse(Get("levels", defaults.Levels.ToString())),
    BitsPerPixel = double.Parse(Get("bpp", "0.05")),
    LearningRate = double.Parse(Get("lr", defaults.LearningRate.ToString("R"))),
    LastTemporalBase = int.Parse(Get("lastt", defaults.LastTemporalBase.ToString())),
    TimeAtFinestSharedLevel = Get("tfine", "0") == "1",
    QuantizationAwareFraction = opts.ContainsKey("qat") ? double.Parse(Get("qat", "0")) : null,
    SegmentLength = int.Parse(Get("seg", defaults.SegmentLength.ToString())),
    GridTemporalCells = int.Parse(Get("gridt", defaults.GridTemporalCells.ToString())),
    GridLevels = int.Parse(Get("gridlevels", defaults.GridLevels.ToString())),
    GridRank = int.Parse(Get("rank", defaults.GridRank.ToString())),
    MinGridCell = opts.ContainsKey("mingrid") ? int.Parse(Get("mingrid", "4")) : null,
    LatentRoundingFraction = double.Parse(Get("ste", defaults.LatentRoundingFraction.ToString("R"))),
    LatentSoftRounding = opts.TryGetValue("sr", out var sr) ? (double.Parse(sr.Split(':')[0]), double.Parse(sr.Split(':')[1])) : defaults.LatentSoftRounding,
    LatentSteeringGain = double.Parse(Get("steergain", defaults.LatentSteeringGain.ToString("R"))),
    ContextHidden = opts.ContainsKey("ctxh") ? int.Parse(Get("ctxh", "0")) : null,
    TemporalDeltas = Get("tdelta", defaults.TemporalDeltas ? "1" : "0") == "1",
    OutputFilterRadius = int.Parse(Get("filter", defaults.OutputFilterRadius.ToString())),
    InterpolatedGrids = Get("interp", defaults.InterpolatedGrids ? "1" : "0") == "1",
    ContextFitOnIntegers = Get("cint", defaults.ContextFitOnIntegers ? "1" : "0") == "1",
    Threads = int.Parse(Get("threads", defaults.Threads.ToString())),
    FineTuneHoldsLatents = Get("qathold", "0") == "1",
    ErrorCompensatedWeights = Get("gptq", defaults.ErrorCompensatedWeights ? "1" : "0") == "1",
    InitialLatentRateFactor = double.Parse(Get("lambda0", "1")),
    MinLatentRateFactor = double.Parse(Get("lambdamin", defaults.MinLatentRateFactor.ToString("R"))),
    LatentBudgetHeadroom = double.Parse(Get("budgethead", defaults.LatentBudgetHeadroom.ToString("R"))),
    TimeLatentFrames = int.Parse(Get("timegrid", "0")),
    TimeLatentRank = int.Parse(Get("timerank", "4")),
    ResidualLatentRank = int.Parse(Get("resrank", "0")),
    ResidualPerSample = Get("resfine", "0") == "1",
    LastLevelAmplitude = Get("amp", "0") == "1",
    ContextTimeInput = Get("ctxtime", "0") == "1",
    ResidualRoundedForward = Get("resste", "0") == "1",
    LatentBudgetFallFraction = double.Parse(Get("budgetfall", defaults.LatentBudgetFallFraction.ToString("R"))),
    RateEvery = opts.ContainsKey("rateevery") ? int.Parse(Get("rateevery", "1")) : null,
    LastLevelCellFraction = opts.ContainsKey("cellfrac") ? double.Parse(Get("cellfrac", "1")) : null,
    SpikeBaselineRise = double.Parse(Get("spikerise", defaults.SpikeBaselineRise.ToString("R"))),
    LatentShare = opts.ContainsKey("share") ? double.Parse(Get("share", "0.25")) : null,
    MotionBlockLog2 = opts.ContainsKey("codecmotionblock") ? int.Parse(Get("codecmotionblock", "4")) : null,
    MotionPreimage = Get("codecpreimage", "1") == "1",
    MotionMaxShare = double.Parse(Get("codecmotionshare", defaults.MotionMaxShare.ToString("R"))),
};
if (Get("trace", "0") == "1")
{
    Trainer.Trace = line => { if (line.StartsWith("step ") && int.Parse(line.Split(' ')[1]) % 100 == 0) Console.WriteLine("trace " + line); };
}

AsmrEncoder.StepTrace = line => Console.WriteLine("step " + line);
if (opts.ContainsKey("save"))
{
    AsmrEncoder.FitInspector = (network, _) => { network.save(Get("save", "")); Console.WriteLine($"saved fit {Get("save", "")}"); };
}

if (opts.ContainsKey("profile"))
{
    AsmrEncoder.FitReplacement = network =>
    {
        StepProfile.Print(network, video, int.Parse(Get("profile", "10")), settings.Threads, settings.DefaultLastLevelCellFraction);
        Environment.Exit(0);
        return null!;
    };
}

if (opts.ContainsKey("load"))
{
    AsmrEncoder.FitReplacement = network => { network.load(Get("load", "")); return new TrainingReport(settings.Steps ?? 5000, 0, TimeSpan.Zero, 0, 0); };
}

if (opts.ContainsKey("inspect"))
{
    AsmrEncoder.FitInspector = (network, _) => FitInspection.Save(network, Get("inspect", ""));
}

// motion=1: the output warped per block and frame by the source's block motion against its middle frame, trained on
// whole frames of a few time digits (MotionWarp); framesample=1: the same frame sampling without the warp (control).
// motiontarget=1: the default training on the source moved back along the same vectors (MotionTarget), the real
// file decoded and then warped forward; reports the warped file's quality with the vectors' bytes added.
bool motionRun = Get("motion", "0") == "1" || Get("framesample", "0") == "1";
bool motionTarget = Get("motiontarget", "0") == "1";
// The encoder's own motion field (model_version 4) is the product default; codecmotion=off turns it off, and the
// experiments above, which move the clip themselves, turn it off too.
settings = settings with { Motion = motionRun || motionTarget || Get("codecmotion", "auto") == "off" ? false : null };
MotionWarp? warp = null;
BlockMotion? motion = null;
MotionTarget? mover = null;
MotionField? codecField = null;
double codecVectorBits = 0;
if (motionRun || motionTarget)
{
    if (Get("motion", "0") == "1" || (motionTarget && Get("motionsearch", "") != "codec"))
    {
        var luma = MotionOracle.Luma(video);
        motion = BlockMotion.Estimate(luma, video.Width, video.Height, int.Parse(Get("motionblock", "16")), f => luma[luma.Length / 2], double.Parse(Get("motionlambda", "500")), int.Parse(Get("motionrange", "4")));
        if (Get("motionpays", "1") == "1")
        {
            // The vectors' bytes (their order-0 entropy) come out of the same total: bpp is the whole file's rate.
            settings = settings with { BitsPerPixel = settings.BitsPerPixel - (motion.EntropyBits / ((double)video.Width * video.Height * video.Frames.Count)) };
            Console.WriteLine($"MOTION budget: {settings.BitsPerPixel:F5} bpp left for the network and latents");
        }

        Console.WriteLine($"MOTION {motion.Block}x{motion.Block} blocks: {motion.NonZero}/{motion.Vectors.Sum(v => v.Length)} vectors non-zero, {motion.EntropyBits / 8:F0} B (order-0 entropy), {motion.ExpGolombBits / 8:F0} B (Exp-Golomb)");
    }

    int digits = int.Parse(Get("motiondigits", "4"));
    if (motionTarget && Get("motionsearch", "") == "codec")
    {
        // The encoder's search (outward from the middle frame, windows centred on the nearer frame's vector) and
        // alignment (the decoder's warp with the field reversed).
        codecField = MotionSearch.Estimate([.. video.Frames.Select(f => f.Planes[0])], video.Width, video.Height, video.BitDepth, video.Frames.Count / 2, int.Parse(Get("motionblocklog2", "4")), int.Parse(Get("motionrange", "4")), double.Parse(Get("motionlambda", "500")));
        codecVectorBits = MotionTarget.EntropyBits(codecField);
        settings = settings with { BitsPerPixel = double.Parse(Get("bpp", "0.05")) - (codecVectorBits / ((double)video.Width * video.Height * video.Frames.Count)) };
        var aligned = Get("motionpreimage", "0") == "1"
            ? MotionPreimage.Solve(video, codecField, double.Parse(Get("preridge", MotionPreimage.Ridge.ToString("R"))), int.Parse(Get("preiters", MotionPreimage.Iterations.ToString())))
            : MotionAlignment.Align(video, codecField);
        var ideal = aligned.Frames.Select((f, t) => MotionCompensation.Apply(f, codecField, t).Planes).ToList();
        Console.WriteLine($"MOTIONSEARCH codec: {codecVectorBits / 8:F0} B of vectors (order-0 entropy of the frame-to-frame differences), record {MotionDecision.RecordBytes(codecField)} B; budget {settings.BitsPerPixel:F5} bpp; aligned source warped back (a perfect fit): {VideoMetrics.Measure(video, ideal)}");
        if (Get("motiondiag", "0") == "1")
        {
            // Where the round trip loses (the picture's border, where the aligned frame reads outside the picture, or
            // the interior) and how still the aligned clip is (Y PSNR of its frames against their mean).
            int border = int.Parse(Get("motionborder", "16"));
            double Interior(IReadOnlyList<ushort[]> a, IReadOnlyList<ushort[]> b, bool inner)
            {
                double sse = 0; long n = 0;
                for (int t = 0; t < a.Count; t++)
                    for (int y = 0; y < video.Height; y++)
                        for (int x = 0; x < video.Width; x++)
                        {
                            bool isInner = y >= border && y < video.Height - border && x >= border && x < video.Width - border;
                            if (isInner != inner) continue;
                            double d = a[t][y * video.Width + x] - b[t][y * video.Width + x]; sse += d * d; n++;
                        }
                return 10 * Math.Log10(255.0 * 255.0 / Math.Max(sse / n, 1e-9));
            }
            var srcY = video.Frames.Select(f => f.Planes[0]).ToList();
            var idealY = ideal.Select(p => p[0]).ToList();
            var alY = aligned.Frames.Select(f => f.Planes[0]).ToList();
            var mean = new ushort[srcY[0].Length];
            for (int i = 0; i < mean.Length; i++) mean[i] = (ushort)Math.Round(alY.Average(f => (double)f[i]));
            var srcMean = new ushort[srcY[0].Length];
            for (int i = 0; i < mean.Length; i++) srcMean[i] = (ushort)Math.Round(srcY.Average(f => (double)f[i]));
            var maxV = Enumerable.Range(0, codecField.FrameCount).Select(f => codecField.Frame(f).ToArray().Select(Math.Abs).DefaultIfEmpty(0).Max() / 4.0).ToList();
            Console.WriteLine($"MOTIONDIAG max |v| per frame (samples): {string.Join(' ', maxV)}");
            Console.WriteLine($"MOTIONDIAG round trip Y: interior {Interior(srcY, idealY, true):F2} dB, border {border} px {Interior(srcY, idealY, false):F2} dB; aligned clip vs its mean frame Y interior {Interior(alY, [.. alY.Select(_ => mean)], true):F2} dB (source vs its mean {Interior(srcY, [.. srcY.Select(_ => srcMean)], true):F2})");
        }

        frames = [.. aligned.Frames];
    }
    else if (motionTarget)
    {
        mover = new MotionTarget(motion!, Get("motionfilter", "bilinear") == "cubic", Get("motionfield", "block") == "smooth");
        var aligned = mover.Align(video);
        var ideal = mover.Warp(video, [.. aligned.Frames.Select(f => f.Planes)]);
        Console.WriteLine($"MOTIONTARGET aligned source warped back (a perfect fit): {VideoMetrics.Measure(video, ideal)}; aligned source against the source: {VideoMetrics.Measure(video, [.. aligned.Frames.Select(f => f.Planes)])}");
        frames = [.. aligned.Frames];
    }

    if (motionTarget && opts.ContainsKey("alignedout"))
    {
        // Only the aligned source, as y4m (for the oracles: oracle=1 in=that file).
        using var fs = File.Create(Get("alignedout", ""));
        fs.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{video.Width} H{video.Height} F25:1 Ip A0:0 C420mpeg2\n"));
        foreach (var f in frames)
        {
            fs.Write("FRAME\n"u8);
            foreach (var plane in f.Planes) fs.Write(plane.Select(v => (byte)v).ToArray());
        }

        return;
    }

    if (!motionTarget)
    {
        Trainer.DistortionOverride = (network, step) =>
        {
            warp ??= new MotionWarp(network.Architecture, video, motion, digits, settings.Seed, int.Parse(Get("motionwindows", "0")));
            return warp.StepLoss(network, Trainer.RgbWeights);
        };
    }
}

bool floatOnly = settings.TimeLatentFrames > 0 || settings.ResidualLatentRank > 0 || settings.LastLevelAmplitude || settings.ContextTimeInput || motionRun || Get("floatonly", "0") == "1";
if (floatOnly || opts.ContainsKey("floatregions") || motionTarget)
{
    // The time and residual grids, the last-level amplitudes and the context models' time input are not in the format:
    // report the float fit with rounded latents (as the encoder's floatLoss), each grid's estimated bits and the float
    // fit's still and moving regions, then stop (floatonly=1: the same for any run). With floatregions=1 the same
    // report for any run, which then goes on to quantize and export.
    AsmrEncoder.FitInspector = (network, fitted) =>
    {
        // The encoder rounds the latents right after this inspector too, so rounding them here changes nothing it does.
        SegmentExporter.RoundLatents(network);
        // The clip the network fitted: with a motion field, the plan's target rather than the source.
        using var target = new TrainingTarget(network.Architecture, fitted);
        double loss = StepSearch.EvaluateLoss(network, target, Trainer.RgbWeights);
        using (var noGrad = TorchSharp.torch.no_grad())
        {
            var bits = Enumerable.Range(0, network.GridLatents.Count).Select(i => network.GridBits(i).item<float>()).ToList();
            if (network.ResidualGridIndex >= 0)
            {
                var z = network.GridLatents[network.ResidualGridIndex];
                Console.WriteLine($"RESIDUAL latents zero {(z.eq(0).sum().item<long>() / (double)z.numel()):P1}, |z| max {z.abs().max().item<float>():F0}");
            }

            Console.WriteLine($"TIMEGRID floatLoss {loss:E3} ({Trainer.LossToPsnr(loss, 3):F2} dB) latent bits {string.Join(" + ", bits.Select(b => b.ToString("F0")))} = {bits.Sum():F0} ({bits.Sum() / 8:F0} B); cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F0} s");
            var output = SegmentEvaluation.Output(network, target);
            Console.Write("FLOAT ");
            RegionReport.Print(fitted, target.Reconstruct(output));
        }

        if (motionTarget && codecField is null)
        {
            warp = new MotionWarp(network.Architecture, video, motion, 1, settings.Seed);
        }

        if (warp is not null)
        {
            using var noGrad = TorchSharp.torch.no_grad();
            double warped = warp.FullLoss(network, Trainer.RgbWeights).item<float>();
            if (Get("motioncheck", "0") == "1")
            {
                // One window the size of the frame must give the whole-frame loss.
                var whole = new MotionWarp(network.Architecture, video, motion, 4, settings.Seed, 1, video.Height, video.Width);
                Console.WriteLine($"MOTIONCHECK whole-frame window {whole.StepLoss(network, Trainer.RgbWeights).item<float>():E6} frames {warped:E6}");
            }

            Console.WriteLine($"MOTIONWARP floatLoss {warped:E3} ({Trainer.LossToPsnr(warped, 3):F2} dB) Y {warp.LumaPsnr(network):F2} dB (the TIMEGRID line is the unwarped output)");
        }

        if (floatOnly)
        {
            Environment.Exit(0);
        }
    };
}

var clock = Stopwatch.StartNew();
var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
var reports = AsmrEncoder.EncodeWithReports(frames, header, settings,
    new Progress<EncodeProgress>(p => { if (p.Step % 500 == 0 || p.Stage != "train") Console.WriteLine($"seg {p.Segment} {p.Stage} {p.Step}/{p.TotalSteps} loss {p.Loss:E3} {p.Elapsed.TotalSeconds:F0}s"); }));
double encodeSecs = clock.Elapsed.TotalSeconds;
double cpuSecs = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
long bytes = 0;
var decoded = new List<ushort[][]>();
foreach (var r in reports)
{
    var payload = ModelPayloadWriter.Write(r.Model, out int[] tensorBytes);
    bytes += payload.Length;
    if (r.Model.Motion is { } field)
    {
        Console.WriteLine($"CODECMOTION blocks {1 << field.BlockLog2}: {tensorBytes[r.Model.Architecture.TensorLayout().Count]} B of vectors (record data)");
    }

    if (r.Model.Filter is { } outputFilter)
    {
        Console.WriteLine($"FILTER radius {outputFilter.Radius}: {tensorBytes[^1]} B (record data); planes {string.Join(" | ", Enumerable.Range(0, outputFilter.Planes).Select(p => string.Join(",", outputFilter.Plane(p).ToArray())))}");
    }

    if (r.Model.Architecture.ModelVersion >= ModelPayloadFormat.ContextModelVersion)
    {
        ContextCoding.ReportComponents(r.Model, tensorBytes);
        ContextCoding.Diagnose(r.Model, tensorBytes);
    }
    else if (int.Parse(Get("ctx", "8")) is > 0 and var hidden)
    {
        ContextCoding.Report(r.Model, tensorBytes, hidden);
    }

    var model = ModelPayloadReader.Read(payload, new ModelPayloadExpectations(r.Model.FirstFrame, r.Model.FrameCount, video.Width, video.Height, video.Chroma));
    Console.WriteLine($"segment {r.Model.FirstFrame}+{r.Model.FrameCount}: L={model.Architecture.Levels} H={model.Architecture.Width} bases t[{string.Join(",", Enumerable.Range(0, model.Architecture.Levels).Select(l => model.Architecture.Base(Axis.T, l)))}] y[{string.Join(",", Enumerable.Range(0, model.Architecture.Levels).Select(l => model.Architecture.Base(Axis.Y, l)))}] x[{string.Join(",", Enumerable.Range(0, model.Architecture.Levels).Select(l => model.Architecture.Base(Axis.X, l)))}] grids [{string.Join(",", model.Architecture.Grids.Select(g => $"l{g.Level}x{g.Rank}t{g.TemporalCells}"))}] params {model.Architecture.ParameterCount()} bytes {payload.Length} steps {r.Steps} floatLoss {r.FloatLoss:E3} quantLoss {r.QuantizedLoss:E3}");
    foreach (var f in new SegmentDecoder(model, video.Width, video.Height, video.Chroma, video.BitDepth).DecodeAll())
    {
        decoded.Add(f.Planes);
    }
}

double bpp = bytes * 8.0 / ((double)video.Width * video.Height * video.Frames.Count);
Console.WriteLine($"RESULT bytes {bytes} bpp {bpp:F4} encode {encodeSecs:F0}s wall / {cpuSecs:F0}s cpu | decoded (real fixed-point decoder): {VideoMetrics.Measure(video, decoded)}");
if (motionTarget)
{
    long vectorBytes = (long)Math.Ceiling((codecField is null ? motion!.EntropyBits : codecVectorBits) / 8);
    var warped = codecField is { } field
        ? decoded.Select((planes, t) => MotionCompensation.Apply(MotionTarget.Frame(video, planes), field, t).Planes).ToList()
        : mover!.Warp(video, decoded);
    Console.WriteLine($"MOTIONFILE bytes {bytes + vectorBytes} ({bytes} + {vectorBytes} vectors) bpp {(bytes + vectorBytes) * 8.0 / ((double)video.Width * video.Height * video.Frames.Count):F4} | decoded and warped: {VideoMetrics.Measure(video, warped)}");
    decoded = warped;
}

if (Get("regions", "0") == "1")
{
    RegionReport.Print(video, decoded);
}

if (opts.ContainsKey("out"))
{
    using var fs = File.Create(Get("out", Clips.RunFile("dec.y4m")));
    fs.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{video.Width} H{video.Height} F25:1 Ip A0:0 C420mpeg2\n"));
    foreach (var planes in decoded)
    {
        fs.Write("FRAME\n"u8);
        foreach (var p in planes) fs.Write(p.Select(v => (byte)v).ToArray());
    }
}
