// Latent-grid experiment: ASMR + rate-penalised integer latent grids (Cool-chic-like) vs plain ASMR at equal bytes.
using Asmr.Experiments;
using System.Diagnostics;
using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container.Entropy;
using Asmr.Container.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

if (args.Length > 0 && args[0] == "plan")
{
    foreach (var (f, hh, ww) in new[] { (32, 288, 352), (32, 720, 1280), (32, 1080, 1920), (8, 144, 176), (3, 16, 24), (32, 480, 640) })
    {
        foreach (int hw in new[] { 64, 72, 80 })
        {
            var a = LevelPlanner.Plan(f, hh, ww, Asmr.Container.ChromaFormat.Yuv420, new PlannerOptions { Width = hw, LastSpatialBase = args.Length > 1 ? int.Parse(args[1]) : 4 });
            Console.WriteLine($"{f}x{hh}x{ww} H={hw} grids [{string.Join(",", a.Grids.Select(g => g.Level))}]: t[{string.Join(",", Enumerable.Range(0, a.Levels).Select(l => a.Base(Axis.T, l)))}] y[{string.Join(",", Enumerable.Range(0, a.Levels).Select(l => a.Base(Axis.Y, l)))}] x[{string.Join(",", Enumerable.Range(0, a.Levels).Select(l => a.Base(Axis.X, l)))}] params {a.ParameterCount()} MAC {a.MacsPerSample():F0}");
        }
    }
    return;
}
if (args.Length > 0 && args[0] == "ops")
{
    // Elementwise cost on the 2×2 plan's penultimate level ([50688, 64]), threads=args[1].
    torch.set_num_threads(int.Parse(args[1]));
    var xa = randn(50688, 64);
    var xb = randn(50688, 128);
    var wm = randn(64, 64);
    foreach (var (name, f) in new (string, Func<Tensor>)[] {
        ("sin 64", () => xa.sin()), ("cos 64", () => xa.cos()), ("mul 64", () => xa * xa), ("add 64", () => xa + xa),
        ("cat sin cos", () => cat([xa.sin(), xa.cos()], 1)), ("linear 64x64", () => nn.functional.linear(xa, wm)),
        ("bf16 128", () => xb.to(ScalarType.BFloat16)), ("mm 128x96 bf16", () => xb.to(ScalarType.BFloat16).mm(randn(128, 96).to(ScalarType.BFloat16))) })
    {
        var sw = Stopwatch.StartNew();
        for (int r = 0; r < 50; r++) { using var sc = NewDisposeScope(); f(); }
        Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds / 50:F2} ms");
    }
    return;
}
if (args.Length > 0 && args[0] == "bcast")
{
    // Backward of the level-4 broadcast add (2×2 plan, H=56): raster layout against parent-major layout.
    torch.set_num_threads(int.Parse(args[1]));
    long hb = 56;
    var parent = randn(72 * 88, hb).requires_grad_(true);
    var pat = randn(8, hb).requires_grad_(true);
    var g = randn(2 * 144 * 176, hb);
    foreach (var (name, f) in new (string, Func<Tensor>)[] {
        ("raster", () => (parent.view(1, 1, 72, 1, 88, 1, hb) + pat.view(1, 2, 1, 2, 1, 2, hb)).reshape(-1, hb)),
        ("parent-major", () => (parent.view(-1, 1, hb) + pat.view(1, 8, hb)).reshape(-1, hb)),
        ("sum rows only", () => g.sum(0).view(1,hb) + parent.sum()),
        ("bias-like linear", () => nn.functional.linear(g, randn(hb, hb), randn(hb).requires_grad_(true))) })
    {
        var sw = Stopwatch.StartNew();
        for (int r = 0; r < 30; r++) { using var sc = NewDisposeScope(); var y = f(); (y * 1f).sum().backward(); }
        Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds / 30:F2} ms fwd+bwd");
    }
    return;
}
if (args.Length > 0 && args[0] == "mm")
{
    // GEMM speed of the last level's shape, forward and backward, fp32 against bf16 (threads=args[1]).
    torch.set_num_threads(int.Parse(args[1]));
    foreach (var dtype in new[] { ScalarType.Float32, ScalarType.BFloat16 })
    {
        var xa = randn(12672, 128).requires_grad_(true);
        var ka = randn(128, 384).requires_grad_(true);
        var sw = Stopwatch.StartNew();
        int reps = 20;
        for (int r = 0; r < reps + 3; r++)
        {
            if (r == 3) sw.Restart();
            using var sc = NewDisposeScope();
            var y = xa.to(dtype).mm(ka.to(dtype)).to(ScalarType.Float32);
            y.square().sum().backward();
        }
        Console.WriteLine($"{dtype}: {sw.Elapsed.TotalMilliseconds / reps:F1} ms per fwd+bwd");
    }
    return;
}
var opts = args.Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a.Length > 1 ? a[1] : "");
string Get(string k, string d) => opts.TryGetValue(k, out var v) ? v : d;
double D(string k, string d) => double.Parse(Get(k, d));
torch.set_num_threads(int.Parse(Get("threads", "2")));
var video = Clips.Read(Get("in", "akiyo32.y4m"), int.Parse(Get("frames", "32")));
int[][] bases = Get("bases", "2,2,2,4;4,3,3,8;11,2,2,8").Split(';').Select(s => s.Split(',').Select(int.Parse).ToArray()).ToArray();
int h = int.Parse(Get("h", "64"));
string kinds = Get("kinds", new string('T', bases[0].Length - 1) + "L");
// grids=level:rank:tcells,...
var grids = Get("grids", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => g.Split(':'))
    .Select(p => new LatentGrid(int.Parse(p[0]), int.Parse(p[1]), p.Length > 2 ? int.Parse(p[2]) : 1)).OrderBy(g => g.Level).ToList();
var arch = new ModelArchitecture(bases, h, 3, kinds.Select(c => c == 'T' ? ModulationKind.Table : ModulationKind.Linear).ToArray(), grids);
long seed = long.Parse(Get("seed", "1"));
torch.manual_seed(seed);
using var net = new AsmrNetwork(arch, new NetworkInit { CoarseTableBound = D("cb", "3.14159"), TableBound = D("tb", "1"), WeightGain = D("wg", "1"), OutputGain = D("og", "0.05"), GridProjectionBound = D("pb", "0.3") }, seed);
net.HalfPrecisionLastLevel = Get("bf16", "0") == "1";
long latentCount = net.GridLatents.Sum(z => z.shape[0] * z.shape[1]);
Console.WriteLine($"params {arch.ParameterCount()} latents {latentCount} MAC/sample {arch.MacsPerSample():F0}");
using var target = new TrainingTarget(arch, video);
var weights = Trainer.RgbWeights;
double pixels = (double)video.Width * video.Height * video.Frames.Count;
double lambda = D("lambda", "4e-3"); // loss per bit-per-pixel
double lr = D("lr", "1e-2"), mlr = D("mlr", "6e-2"), zlr = D("zlr", "3e-2");
var mods = Enumerable.Range(0, arch.Levels).Select(net.ModulationParameter).ToList();
var lat = net.GridLatents.Cast<Parameter>().ToList();
var rest = net.parameters().Where(p => !mods.Any(m => ReferenceEquals(m, p)) && !lat.Any(m => ReferenceEquals(m, p))).ToList();
var groups = new List<Adam.ParamGroup> { new(mods, new Adam.Options { LearningRate = mlr }), new(rest, new Adam.Options { LearningRate = lr }) };
if (lat.Count > 0) groups.Add(new(lat, new Adam.Options { LearningRate = zlr }));
double[] baseRates = [mlr, lr, zlr];
using var opt = optim.Adam(groups, lr);
double secs = D("secs", "200");
double frac = D("frac", "1");
double clip = D("clip", "0"); // > 0: clip the gradient norm to clip × its running mean
double normEma = 0; int clipped = 0;
var allParams = net.parameters().ToList();
int fixedSteps = int.Parse(Get("steps", "0"));
int total = fixedSteps > 0 ? fixedSteps : 100000; var clock = Stopwatch.StartNew();
net.LatentNoise = true;
int step = 0;
if (Get("prof", "0") == "1")
{
    // Phase times of a training step (the Trainer's own sequence), averaged over 20 steps after 5 warm-up steps.
    var adam = optim.Adam(net.parameters(), 1e-4);
    var names = new[] { "sharedpre", "pooled", "loss+bits", "backward", "adam" };
    var acc = new double[names.Length];
    for (int r = 0; r < 25; r++)
    {
        using var sc = NewDisposeScope();
        var sw = Stopwatch.StartNew();
        var times = new double[names.Length];
        adam.zero_grad();
        var pre = net.SharedPre(); times[0] = sw.Elapsed.TotalMilliseconds;
        var outp = net.ForwardPooled(pre, target.Pooling); times[1] = sw.Elapsed.TotalMilliseconds;
        var obj = target.Loss(outp, weights) + net.LatentBits() * 1e-9; times[2] = sw.Elapsed.TotalMilliseconds;
        obj.backward(); times[3] = sw.Elapsed.TotalMilliseconds;
        adam.step(); times[4] = sw.Elapsed.TotalMilliseconds;
        if (r >= 5) for (int i = 0; i < names.Length; i++) acc[i] += (times[i] - (i > 0 ? times[i - 1] : 0)) / 20;
    }
    Console.WriteLine(string.Join("  ", names.Select((n, i) => $"{n} {acc[i]:F1} ms")) + $"  total {acc.Sum():F1} ms");
    return;
}
if (Get("trainer", "0") == "1")
{
    // The encoder's own training loop (Trainer.Train), with its λ controller when budget= is given (bits).
    var rep = Trainer.Train(net, target, new TrainerOptions
    {
        Steps = total, LearningRate = lr, ModulationLearningRate = mlr, LatentLearningRate = zlr, ChannelWeights = weights,
        Threads = int.Parse(Get("threads", "2")), LatentRateWeight = lambda, SpikeRecoverySteps = int.Parse(Get("recover", "200")), SpikeRateFactor = D("ceil", "0.5"), SpikeRestartScale = D("restart", "0.1"), WarmupFraction = D("warm", "0.02"), SpikeFactor = D("spike", "1.5"),
        LatentBudgetBits = opts.ContainsKey("budget") ? D("budget", "0") : null,
    }, p => { if (p.Step % 200 == 0) Console.WriteLine($"step {p.Step}/{p.TotalSteps} loss {p.Loss:E3} spikes {p.Spikes} latentKB {net.LatentBits().item<float>() / 8192:F2} t={p.Elapsed.TotalSeconds:F0}"); });
    Console.WriteLine($"trainer: final lambda {rep.LatentRateWeight:E2} spikes {rep.Spikes}");
    step = total;
}
for (; step < total; step++)
{
    double warm = 0.02 * total;
    double factor = step < warm ? (step + 1) / warm : 0.02 + 0.98 * 0.5 * (1 + Math.Cos(Math.PI * (step - warm) / Math.Max(1, total - warm)));
    int gi = 0; foreach (var g in opt.ParamGroups) g.LearningRate = baseRates[gi++] * factor;
    using var scope = NewDisposeScope();
    opt.zero_grad();
    var pre = net.SharedPre();
    Tensor? cells = null;
    if (frac < 1) { cells = randperm(pre.shape[0]).narrow(0, 0, Math.Max(1, (long)(pre.shape[0] * frac))); pre = pre.index_select(0, cells); }
    var outp = net.ForwardPooled(pre, target.Pooling);
    var mse = target.Loss(outp, weights, cells);
    var loss = mse;
    Tensor? bits = null;
    if (lat.Count > 0) { bits = net.LatentBits(); loss = mse + (lambda / pixels) * bits; }
    loss.backward();
    if (clip > 0)
    {
        double norm = torch.nn.utils.clip_grad_norm_(allParams, step < 20 || normEma == 0 ? 1e9 : clip * normEma);
        normEma = normEma == 0 ? norm : (0.98 * normEma) + (0.02 * Math.Min(norm, clip * normEma));
        if (norm > clip * normEma) clipped++;
    }
    opt.step();
    if (fixedSteps > 0) total = fixedSteps;
    else if (step == 4 || (step > 4 && step % 50 == 0)) { double el = clock.Elapsed.TotalSeconds; total = Math.Max(step + 2, (int)((secs - el) / (el / (step + 1))) + step + 1); }
    if (step % 200 == 0) Console.WriteLine($"step {step}/{total} mse {mse.item<float>():E3} latentKB {(bits is null ? 0 : bits.item<float>() / 8192):F2} t={clock.Elapsed.TotalSeconds:F0} gradEma {normEma:E2} clipped {clipped}");
}
net.LatentNoise = false;
// Round the latents, then the real step search over every stored tensor (latents included, μ = 1) to the byte total.
SegmentExporter.RoundLatents(net);
using (no_grad())
{
    var rec = target.Reconstruct(net.ForwardPooled(net.SharedPre(), target.Pooling));
    Console.WriteLine($"steps {step} float(rounded latents) {VideoMetrics.Measure(target.Video, rec)}");
}
long bytesTotal = long.Parse(Get("bytes", "20000"));
var cands = StepSearch.Measure(net, target, weights);
var mus = StepSearch.ChooseForBudget(cands, bytesTotal - StepSearch.OverheadBytes(arch), double.PositiveInfinity, out double lam);
// qat=lrFactor:steps[:noise],... : from the same float network, straight-through fine-tuning as the encoder does it.
var floatSnapshot = net.parameters().Select(p => p.detach().clone()).ToList();
foreach (var variant in Get("qat", "").Split(',', StringSplitOptions.RemoveEmptyEntries))
{
    var parts = variant.Split(':');
    double f = double.Parse(parts[0]);
    int qsteps = int.Parse(parts[1]);
    using (no_grad()) { var ps = net.parameters().ToList(); for (int i = 0; i < ps.Count; i++) ps[i].copy_(floatSnapshot[i]); }
    var qclock = Stopwatch.StartNew();
    net.HalfPrecisionLastLevel = Get("bf16", "0") == "1";
    var qrep = Trainer.Train(net, target, new TrainerOptions
    {
        Steps = qsteps, LearningRate = lr * f, ModulationLearningRate = mlr * f, LatentLearningRate = zlr * f, ChannelWeights = weights,
        Threads = int.Parse(Get("threads", "2")), LatentRateWeight = lambda, LatentNoise = false, WarmupFraction = 0,
    }, null, parts.Length > 2 && parts[2] == "n" ? new Latent.QuantizationNoise(net, mus, 7) : new Asmr.Codec.Quantization.StraightThroughQuantization(net, mus));
    net.HalfPrecisionLastLevel = false;
    var qm = SegmentExporter.Export(net, 0, video.Frames.Count, mus);
    SegmentExporter.Load(net, qm);
    using (no_grad())
    {
        var rec = target.Reconstruct(net.ForwardPooled(net.SharedPre(), target.Pooling));
        Console.WriteLine($"qat {variant}: payload {ModelPayloadWriter.Write(qm).Length} B spikes {qrep.Spikes} t={qclock.Elapsed.TotalSeconds:F0}s: {VideoMetrics.Measure(target.Video, rec)}");
    }
}
using (no_grad()) { var ps = net.parameters().ToList(); for (int i = 0; i < ps.Count; i++) ps[i].copy_(floatSnapshot[i]); }
var model = SegmentExporter.Export(net, 0, video.Frames.Count, mus);
if (Get("blame", "0") == "1")
{
    // Which tensors' quantization costs the PSNR: quantize one role at a time (the rest float).
    var floats = SegmentExporter.FloatTensors(net);
    var layout = arch.TensorLayout();
    var payloadSizes = model.Tensors.Select(t => AdaptiveIntegerCoder.Encode(t.Values).Length).ToArray();
    foreach (var role in layout.Select(l => l.Item1).Distinct())
    {
        SegmentExporter.Load(net, model);
        var q = SegmentExporter.FloatTensors(net);
        for (int i = 0; i < layout.Count; i++) if (layout[i].Item1 != role) SegmentExporter.SetTensor(net, i, floats[i]);
        using (no_grad())
        {
            var rec = target.Reconstruct(net.ForwardPooled(net.SharedPre(), target.Pooling));
            int bytesOfRole = Enumerable.Range(0, layout.Count).Where(i => layout[i].Item1 == role).Sum(i => payloadSizes[i]);
            Console.WriteLine($"only {role} quantized ({bytesOfRole} B): {VideoMetrics.Measure(target.Video, rec)}");
        }
    }
    for (int i = 0; i < layout.Count; i++) SegmentExporter.SetTensor(net, i, floats[i]);
}
SegmentExporter.Load(net, model);
var payload = ModelPayloadWriter.Write(model);
long latentBytes = 0;
for (int i = 0; i < model.Tensors.Count; i++) if (model.Tensors[i].Role == TensorRole.GridLatents) latentBytes += AdaptiveIntegerCoder.Encode(model.Tensors[i].Values).Length;
using (no_grad())
{
    var rec = target.Reconstruct(net.ForwardPooled(net.SharedPre(), target.Pooling));
    Console.WriteLine($"quantized: payload {payload.Length} B (latents {latentBytes}) bpp {payload.Length * 8 / pixels:F4}: {VideoMetrics.Measure(target.Video, rec)}");
}
