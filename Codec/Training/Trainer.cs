using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Asmr.Codec.Training;

/// <summary>Adam + warm-up + cosine decay on whole-grid shared-activation forwards.</summary>
internal static class Trainer
{
    /// <summary>Weights that make Σ w·MSE approximate the RGB MSE of BT.601 YCbCr (independent errors).</summary>
    public static readonly IReadOnlyList<double> RgbWeights = [1.0, 1.0867, 0.8254];

    /// <summary>Experiments only: receives a line per report with the loss, the latents' estimated bits and λ.</summary>
    internal static Action<string>? Trace { get; set; }

    /// <summary>
    /// Experiments only: replaces a step's distortion (the sampled cells' loss) by its own, given the network and the
    /// step; the rate term, the schedules and the guards are unchanged.
    /// </summary>
    internal static Func<AsmrNetwork, int, Tensor>? DistortionOverride { get; set; }

    public static TrainingReport Train(
        AsmrNetwork network,
        TrainingTarget target,
        TrainerOptions options,
        Action<TrainingProgress>? progress = null,
        IStepHook? hook = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        torch.set_num_threads(options.Threads);
        GlibcHeap.KeepFreedMemory();
        var weights = options.ChannelWeights ?? (network.Architecture.OutputChannels == 3 ? RgbWeights : [1.0]);
        var modulation = Enumerable.Range(0, network.Architecture.Levels).Select(network.ModulationParameter).ToList();
        var latents = network.GridLatents.ToList();
        var rest = network.parameters()
            .Where(p => !modulation.Any(m => ReferenceEquals(m, p)) && !latents.Any(z => ReferenceEquals(z, p))).ToList();
        List<double> baseRates = [options.ModulationLearningRate, options.LearningRate];
        if (latents.Count > 0)
        {
            baseRates.Add(options.LatentLearningRate);
        }

        Adam NewOptimizer()
        {
            var groups = new List<Adam.ParamGroup>
            {
                new(modulation, new Adam.Options { LearningRate = options.ModulationLearningRate }),
                new(rest, new Adam.Options { LearningRate = options.LearningRate }),
            };
            if (latents.Count > 0)
            {
                groups.Add(new(latents, new Adam.Options { LearningRate = options.LatentLearningRate }));
            }

            return optim.Adam(groups, options.LearningRate);
        }

        double samples = target.Video.Width * (double)target.Video.Height * target.Video.Frames.Count;
        double lambda = Math.Max(options.LatentRateWeight, options.InitialLatentRateWeight ?? 0);
        network.LatentNoise = options.LatentNoise;
        var parameters = network.parameters().ToList();
        Tensor[]? best = null;
        var reference = new SpikeReference(options.SpikeFactor, options.SpikeBaselineRise);
        double rateScale = 1.0;
        double restartCeiling = 1.0;
        bool stalled = false;
        double stallLoss = options.StallLossFraction > 0 ? Math.Max(1e-3, options.StallLossFraction * target.ConstantLoss(weights)) : double.PositiveInfinity;
        int stallCheckStep = Math.Max(100, options.Steps / 20);
        // A second, stricter look later: a collapsed network can sit just under the first bound (0.4–0.5 of the constant
        // picture's loss) and stay there, while a healthy one is far below a quarter of it by then.
        int lateStallCheckStep = Math.Max(200, options.Steps / 10);
        double lowestLoss = double.PositiveInfinity;
        int spikes = 0;
        var optimizer = NewOptimizer();
        var sampled = options.LastLevelCellFraction < 1 && target.CellCount > options.MinSampledCells
            ? new CellSampler(target.CellCount, options.LastLevelCellFraction, options.CellSampleSeed, options.MinSampledCells)
            : null;
        var clock = Stopwatch.StartNew();
        int total = options.Steps;
        int roundingFrom = options.LatentRoundingFraction > 0 ? (int)Math.Round(total * (1 - options.LatentRoundingFraction)) : int.MaxValue;
        double loss = double.NaN;
        double? lastBits = null;
        int rateEvery = Math.Max(1, options.RateEvery);
        int step = 0;
        try
        {
            for (; step < total; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (rateScale < restartCeiling && options.SpikeRecoverySteps > 0)
                {
                    rateScale = Math.Min(restartCeiling, rateScale * Math.Pow(1 / options.SpikeRestartScale, 1.0 / options.SpikeRecoverySteps));
                }

                if (step == roundingFrom)
                {
                    network.LatentNoise = false;
                    network.LatentStraightThrough = true;
                }

                if (options.LatentSoftRounding is { } soft && network.LatentNoise)
                {
                    double through = step / (double)Math.Max(1, Math.Min(total, roundingFrom));
                    network.LatentSoftRoundTemperature = soft.Start + ((soft.End - soft.Start) * through);
                }

                double factor = Schedule(step, total, options) * rateScale;
                int g = 0;
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = baseRates[g++] * factor;
                }

                using (var scope = NewDisposeScope())
                {
                    Tensor l = null!;
                    Tensor? bits = null;
                    CollectionPause.Run(() =>
                    {
                        optimizer.zero_grad();
                        hook?.BeforeForward();
                        Tensor objective;
                        if (DistortionOverride is { } distortion)
                        {
                            l = distortion(network, step);
                            objective = l;
                        }
                        else
                        {
                            (l, objective) = SampledDistortion(network, target, weights, sampled?.Draw(), options.LastLevelChunkElements);
                        }

                        if (latents.Count > 0 && step % rateEvery == 0)
                        {
                            bits = network.LatentBits();
                            using var rate = (lambda * rateEvery / samples).ToScalar(); // held: see AsmrNetwork's scalar fields
                            objective = objective + (bits * rate);
                        }

                        objective.backward();
                        hook?.BeforeOptimizerStep();
                        optimizer.step();
                    });
                    if (step % options.ReportEvery == 0 || step == total - 1)
                    {
                        loss = l.item<float>();
                        lowestLoss = Math.Min(lowestLoss, loss);
                        progress?.Invoke(new TrainingProgress(step, total, loss, clock.Elapsed, spikes));
                        if (bits is not null)
                        {
                            lastBits = bits.item<float>();
                        }

                        double? estimatedBits = lastBits;
                        if (Trace is { } trace)
                        {
                            trace($"step {step} loss {loss:E4} bits {estimatedBits ?? 0:F0} lambda {lambda:E3} spikes {spikes} T {network.LatentSoftRoundTemperature} rounding {network.LatentStraightThrough}");
                        }

                        if (estimatedBits is { } latentBits && options.LatentBudgetAt(step) is { } budgetBits)
                        {
                            // Raise λ while the latents' estimated size is over their share of the budget. Lowering it below
                            // the floor while the target still falls buys bits the latents do not use well and destabilises
                            // training; after that it may fall as far as the options allow.
                            lambda = Math.Max(options.LatentRateFloorAt(step), lambda * Math.Pow(Math.Clamp(latentBits / budgetBits, 0.7, 1.4), options.LatentSteeringGain));
                        }
                    }
                }

                if (options.SpikeFactor > 0 && step % options.ReportEvery == 0)
                {
                    // Sine networks at a high learning rate sometimes jump out of a good basin and take hundreds of
                    // steps to come back (or never do): go back to the best parameters and slow down instead.
                    var verdict = reference.Observe(loss);
                    if (verdict == SpikeVerdict.NewReference)
                    {
                        best = Snapshot(parameters, best);
                    }
                    else if (verdict == SpikeVerdict.Spike && best is not null)
                    {
                        // Adam's second moments now hold the spike's huge gradients and would shrink every step for
                        // about 1/(1−β₂) = 1000 steps (a run that kept them plateaued 2 dB short): start Adam afresh.
                        Restore(parameters, best);
                        optimizer.Dispose();
                        optimizer = NewOptimizer();
                        // A fresh Adam takes steps of the full learning rate at once: warm up again, from a small
                        // fraction to SpikeRateFactor of the rate the spike came at (or stay there without recovery).
                        restartCeiling *= options.SpikeRateFactor;
                        rateScale = options.SpikeRecoverySteps > 0 ? options.SpikeRestartScale * restartCeiling : restartCeiling;
                        spikes++;
                    }
                }

                if (StallCheck(ref stallCheckStep, step, options.ReportEvery, lowestLoss, stallLoss)
                    || StallCheck(ref lateStallCheckStep, step, options.ReportEvery, lowestLoss, stallLoss / 2))
                {
                    stalled = true;
                    step++;
                    break;
                }

                if (options.StopLoss is { } stop && step % options.ReportEvery == 0 && step > 0 && loss <= stop
                    && MeasuredPsnr(network, target) >= (options.StopPsnr ?? double.NegativeInfinity))
                {
                    step++;
                    break;
                }
            }
        }
        finally
        {
            optimizer.Dispose();
        }

        network.LatentNoise = false;
        network.LatentStraightThrough = false;
        network.LatentSoftRoundTemperature = null;
        if (best is not null)
        {
            foreach (var t in best)
            {
                t.Dispose();
            }
        }

        return new TrainingReport(step, loss, clock.Elapsed, lambda, spikes, stalled);
    }

    /// <summary>
    /// A step's distortion on the cells <paramref name="cells"/> lists (null: all), pre computed for those only: the
    /// loss, and the objective whose gradient is the loss's. A large segment's last level runs in blocks of cells,
    /// since its activations dominate the memory; each block's backward is then done at once on a copy of pre, and
    /// pre's gradient carried into the shared levels through a surrogate objective whose gradient it is.
    /// </summary>
    private static (Tensor Loss, Tensor Objective) SampledDistortion(
        AsmrNetwork network, TrainingTarget target, IReadOnlyList<double> weights, Tensor? cells, long chunkElements)
    {
        var pre = network.SharedPre(cells);
        long active = cells?.shape[0] ?? target.CellCount;
        long chunkRows = LastLevelChunkRows(active, network.Architecture.Width, chunkElements);
        if (chunkRows >= active)
        {
            var loss = target.Loss(network.ForwardPooled(pre, target.Pooling, cells), weights, cells);
            return (loss, loss);
        }

        if (network.TimeGridIndex >= 0 || network.ResidualGridIndex >= 0)
        {
            throw new NotSupportedException("The experimental time and residual grids do not train the last level in blocks.");
        }

        var (chunked, preGradient) = LastLevelInChunks(network, target, weights, pre, chunkRows, cells);
        return (chunked, (pre * preGradient).sum());
    }

    /// <summary>Cells per block of the last level for a segment of <paramref name="cells"/> last-level parent cells (<see cref="TrainerOptions.LastLevelChunkElements"/>).</summary>
    internal static long LastLevelChunkRows(long cells, int width, long chunkElements)
    {
        long chunks = Math.Max(1, ((cells * width) + chunkElements - 1) / chunkElements);
        return (cells + chunks - 1) / chunks;
    }

    /// <summary>
    /// The distortion loss of the last level run on blocks of <paramref name="rows"/> cells of a detached copy of
    /// <paramref name="pre"/> (row i is the cell <paramref name="cells"/>[i], ascending, the loss scaled as if all were
    /// present; null = every cell, row i cell i), each block's backward done at once (the last level's parameters
    /// accumulate their gradients): returns the loss (no graph) and the gradient it sends to <paramref name="pre"/>.
    /// </summary>
    private static (Tensor Loss, Tensor PreGradient) LastLevelInChunks(
        AsmrNetwork network, TrainingTarget target, IReadOnlyList<double> weights, Tensor pre, long rows, Tensor? cells = null)
    {
        var leaf = pre.detach().requires_grad_(true);
        var total = zeros(1);
        long active = cells?.shape[0] ?? target.CellCount;
        double scale = target.CellCount / (double)active;
        for (long first = 0; first < active; first += rows)
        {
            long count = Math.Min(rows, active - first);
            using var scope = NewDisposeScope();
            Tensor part;
            if (cells is null)
            {
                part = target.PartialLoss(network.ForwardPooled(leaf.narrow(0, first, count), target.Pooling), weights, first, count);
            }
            else
            {
                var block = cells.narrow(0, first, count);
                using var blockScale = scale.ToScalar(); // held until the product is computed: see AsmrNetwork's scalar fields
                part = target.PartialLoss(network.ForwardPooled(leaf.narrow(0, first, count), target.Pooling), weights, block) * blockScale;
            }

            part.backward();
            total.add_(part.detach());
        }

        return (total, leaf.grad!);
    }

    /// <summary>
    /// Whether the stall check due at <paramref name="checkStep"/> (−1 once made) finds the network stalled: at the
    /// first report from that step, the lowest reported loss so far (not the current one: a spike at the check step is
    /// the spike guard's business) above <paramref name="bound"/>.
    /// </summary>
    private static bool StallCheck(ref int checkStep, int step, int reportEvery, double lowestLoss, double bound)
    {
        if (checkStep < 0 || step < checkStep || step % reportEvery != 0)
        {
            return false;
        }

        checkStep = -1;
        return lowestLoss > bound;
    }

    /// <summary>RGB MSE (full scale) per unit of the YCbCr-weighted training loss: the (255/219)² of limited-range luma.</summary>
    public const double RgbMsePerLoss = 255.0 * 255.0 / (219.0 * 219.0);

    /// <summary>The RGB PSNR (dB) a training loss corresponds to (Y PSNR for a one-channel loss with weight 1).</summary>
    public static double LossToPsnr(double loss, int outputChannels) =>
        -10 * Math.Log10(Math.Max(1e-30, loss * (outputChannels == 3 ? RgbMsePerLoss : 1.0)));

    /// <summary>The training loss at which the fit reaches <paramref name="psnr"/> dB (inverse of <see cref="LossToPsnr"/>).</summary>
    public static double PsnrToLoss(double psnr, int outputChannels) =>
        Math.Pow(10, -psnr / 10) / (outputChannels == 3 ? RgbMsePerLoss : 1.0);

    /// <summary>
    /// The PSNR the decoder's pictures would measure (RGB; Y for one channel) with the latents rounded to the integers
    /// the file stores and no training noise. The training loss only approximates it (by up to half a dB on some clips).
    /// </summary>
    internal static double MeasuredPsnr(AsmrNetwork network, TrainingTarget target) =>
        CollectionPause.Run(() => MeasurePsnr(network, target));

    private static double MeasurePsnr(AsmrNetwork network, TrainingTarget target)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var saved = network.GridLatents.Select(z => z.detach().clone()).ToList();
        bool noise = network.LatentNoise;
        network.LatentNoise = false;
        foreach (var z in network.GridLatents)
        {
            z.copy_(z.round());
        }

        var metrics = VideoMetrics.Measure(target.Video, target.Reconstruct(SegmentEvaluation.Output(network, target)));
        for (int i = 0; i < saved.Count; i++)
        {
            network.GridLatents[i].copy_(saved[i]);
        }

        network.LatentNoise = noise;
        return network.Architecture.OutputChannels == 3 ? metrics.PsnrRgb : metrics.PsnrY;
    }

    private static Tensor[] Snapshot(List<Parameter> parameters, Tensor[]? into)
    {
        using var noGrad = no_grad();
        if (into is null)
        {
            return [.. parameters.Select(p => p.detach().clone())];
        }

        for (int i = 0; i < parameters.Count; i++)
        {
            into[i].copy_(parameters[i]);
        }

        return into;
    }

    private static void Restore(List<Parameter> parameters, Tensor[] from)
    {
        using var noGrad = no_grad();
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i].copy_(from[i]);
        }
    }

    private static double Schedule(int step, int total, TrainerOptions options)
    {
        int warm = (int)(options.WarmupFraction * total);
        if (step < warm)
        {
            return (step + 1.0) / warm;
        }

        double progress = (step - warm) / (double)Math.Max(1, total - warm);
        double min = options.FinalLearningRateFraction;
        return min + ((1 - min) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }
}
