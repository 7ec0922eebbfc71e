using System.Diagnostics;
using Asmr.Codec.Training;
using Asmr.Container.Model;
using TorchSharp;
using static TorchSharp.torch;

var opts = args.Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a.Length > 1 ? a[1] : "");
string Get(string k, string d) => opts.TryGetValue(k, out var v) ? v : d;
var video = Y4mReader.Read(Get("in", "/tmp/akiyo32.y4m"), int.Parse(Get("frames", "32")));
int[][] bases = Get("bases", "2,2,2,4;9,2,2,8;11,2,2,8").Split(';').Select(s => s.Split(',').Select(int.Parse).ToArray()).ToArray();
int h = int.Parse(Get("h", "64"));
string kinds = Get("kinds", new string('T', bases[0].Length));
var arch = new ModelArchitecture(bases, h, 3, kinds.Select(c => c == 'T' ? ModulationKind.Table : ModulationKind.Linear).ToArray());
Console.WriteLine($"params {arch.ParameterCount()} MAC/sample {arch.MacsPerSample():F0} grid {arch.GridSize(Axis.T)}x{arch.GridSize(Axis.Y)}x{arch.GridSize(Axis.X)}");
var init = new NetworkInit {
  CoarseTableBound = double.Parse(Get("cb", "3.14159")), TableBound = double.Parse(Get("tb", "1")),
  WeightGain = double.Parse(Get("wg", "1")), OutputGain = double.Parse(Get("og", "0.05")) };
torch.manual_seed(1);
LatentGridOptions? grid = opts.ContainsKey("grid") ? new LatentGridOptions { Level = int.Parse(Get("grid", "1")), Rank = int.Parse(Get("rank", "4")), SpatialOnly = Get("gridt", "0") == "0" } : null;
using var net = new AsmrNetwork(arch, init, 1, grid);
if (grid is not null) Console.WriteLine($"grid latents {net.GridLatents!.shape[0]}x{grid.Rank}");
using var target = new TrainingTarget(arch, video);
var sw = Stopwatch.StartNew();
var topts = new TrainerOptions { Steps = int.Parse(Get("steps", "300")), LearningRate = double.Parse(Get("lr", "2e-3")),
  ModulationLearningRate = double.Parse(Get("mlr", "1e-2")), ReportEvery = int.Parse(Get("every", "100")), CellFraction = double.Parse(Get("frac", "1")),
  TimeBudget = opts.ContainsKey("secs") ? TimeSpan.FromSeconds(double.Parse(Get("secs", "60"))) : null };
var rep = Trainer.Train(net, target, topts, p => Console.WriteLine($"step {p.Step}/{p.TotalSteps} loss {p.Loss:E3} psnr~{-10*Math.Log10(p.Loss/3.0)+0:F2} t={p.Elapsed.TotalSeconds:F1}s"));
using (no_grad()) {
  var outp = net.ForwardPooled(net.SharedPre(), target.Pooling);
  var rec = target.Reconstruct(outp);
  Console.WriteLine($"steps {rep.Steps} time {rep.Elapsed.TotalSeconds:F1}s float: {VideoMetrics.Measure(video, rec)}");
}
if (opts.ContainsKey("bytes"))
{
  var sw2 = Stopwatch.StartNew();
  var weights = Trainer.RgbWeights;
  if (grid is not null) { GridRate(); return; }
  var cands = Asmr.Codec.Quantization.StepSearch.Measure(net, target, weights);
  long budget = long.Parse(Get("bytes", "20000")) - Asmr.Codec.Quantization.StepSearch.OverheadBytes(arch);
  var mus = Asmr.Codec.Quantization.StepSearch.ChooseForBudget(cands, budget, double.PositiveInfinity, out double lam);
  var model = Asmr.Codec.Quantization.SegmentExporter.Export(net, 0, video.Frames.Count, mus);
  var payload = Asmr.Container.Model.ModelPayloadWriter.Write(model, out var lens);
  Asmr.Codec.Quantization.SegmentExporter.Load(net, model);
  using (no_grad()) {
    var rec = target.Reconstruct(net.ForwardPooled(net.SharedPre(), target.Pooling));
    double bpp = payload.Length * 8.0 / ((double)video.Width * video.Height * video.Frames.Count);
    Console.WriteLine($"quantized: {payload.Length} bytes {bpp:F4} bpp lambda {lam:E2} search {sw2.Elapsed.TotalSeconds:F1}s: {VideoMetrics.Measure(video, rec)}");
    for (int i = 0; i < model.Tensors.Count; i++) Console.WriteLine($"  {model.Tensors[i]} bytes {lens[i]}");
  }
  if (opts.ContainsKey("save")) File.WriteAllBytes(Get("save", "/tmp/model.bin"), payload);
}

void GridRate()
{
  // Quantize the latent grid alone at a few steps: bytes (real adaptive coder) and PSNR.
  var g = net.GridLatents!;
  var orig = g.detach().clone();
  foreach (double step in new[] { 0.05, 0.1, 0.2, 0.4 })
  {
    using (no_grad()) { g.copy_((orig / step).round() * step); }
    var q = ((orig / step).round()).to_type(ScalarType.Int32).data<int>().ToArray();
    int bytes = Asmr.Container.Entropy.AdaptiveIntegerCoder.Encode(q).Length;
    using (no_grad()) {
      var rec = target.Reconstruct(net.ForwardPooled(net.SharedPre(), target.Pooling));
      Console.WriteLine($"grid step {step}: latent bytes {bytes}: {VideoMetrics.Measure(video, rec)}");
    }
  }
  using (no_grad()) { g.copy_(orig); }
}
