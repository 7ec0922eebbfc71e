using System.Diagnostics;
using Asmr.Codec.Filtering;
using Asmr.Codec.Motion;
using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Entropy;
using Asmr.Container.Model;
using Asmr.Decoder.Video;
using static TorchSharp.torch;

namespace Asmr.Codec;

/// <summary>
/// The encoder: splits the sequence into segments, fits one ASMR network per segment (shared-activation training),
/// chooses quantization steps by measured rate and distortion, and returns the decodable segment models.
/// </summary>
internal static class AsmrEncoder
{
    /// <summary>For experiments: sees each segment's fitted network, and the clip it fitted (with motion, the plan's target), before its latents are rounded for export.</summary>
    internal static Action<AsmrNetwork, VideoClip>? FitInspector { get; set; }

    /// <summary>For experiments: hears each tensor's chosen step, bytes and added distortion.</summary>
    internal static Action<string>? StepTrace { get; set; }

    /// <summary>For experiments: replaces training (e.g. loads a fit saved through <see cref="FitInspector"/>) and gives its report.</summary>
    internal static Func<AsmrNetwork, TrainingReport>? FitReplacement { get; set; }

    public static IReadOnlyList<SegmentModel> Encode(
        IEnumerable<VideoFrame> frames,
        SequenceHeader header,
        EncoderSettings settings,
        IProgress<EncodeProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        [.. EncodeWithReports(frames, header, settings, progress, cancellationToken).Select(r => r.Model)];

    /// <summary>
    /// Encodes the segments of the plan for <paramref name="header"/>'s frame count, or only those from
    /// <paramref name="firstSegment"/> on, <paramref name="segmentCount"/> of them (a shard): the frames before them are
    /// read and skipped, and each segment is fitted exactly as in a whole encode, so its model is the same.
    /// </summary>
    public static IReadOnlyList<SegmentEncodeReport> EncodeWithReports(
        IEnumerable<VideoFrame> frames,
        SequenceHeader header,
        EncoderSettings settings,
        IProgress<EncodeProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        EncodeWithReports(frames, header, settings, 0, null, progress, cancellationToken);

    /// <inheritdoc cref="EncodeWithReports(IEnumerable{VideoFrame}, SequenceHeader, EncoderSettings, IProgress{EncodeProgress}?, CancellationToken)"/>
    public static IReadOnlyList<SegmentEncodeReport> EncodeWithReports(
        IEnumerable<VideoFrame> frames,
        SequenceHeader header,
        EncoderSettings settings,
        int firstSegment,
        int? segmentCount,
        IProgress<EncodeProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(settings);
        var segments = LevelPlanner.Segments(header.FrameCount, settings.SegmentLength);
        int end = segmentCount is { } wanted ? Math.Min(segments.Count, firstSegment + wanted) : segments.Count;
        var reports = new List<SegmentEncodeReport>(segments.Count);
        using var enumerator = frames.GetEnumerator();
        for (int skipped = 0; firstSegment > 0 && skipped < segments[firstSegment - 1].First + segments[firstSegment - 1].Count && enumerator.MoveNext(); skipped++)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        for (int s = firstSegment; s < end; s++)
        {
            var (first, count) = segments[s];
            var buffer = new List<VideoFrame>(count);
            while (buffer.Count < count && enumerator.MoveNext())
            {
                buffer.Add(Copy(enumerator.Current, header));
            }

            if (buffer.Count == 0)
            {
                break;
            }

            var video = new VideoClip(buffer);
            reports.Add(EncodeSegment(video, first, s, segments.Count, settings, progress, cancellationToken));
        }

        return reports;
    }

    /// <summary>
    /// Encodes the segments of the plan that <paramref name="wanted"/> asks for, reading the frames once, and hands each
    /// to <paramref name="finished"/> (with its index and source frames) as soon as it is done, so a resumable encode can keep it
    /// before the next one starts. Each segment is fitted exactly as in a whole encode, so its model is the same. Stops
    /// quietly when the frames end early.
    /// </summary>
    public static void EncodeSegments(
        IEnumerable<VideoFrame> frames,
        SequenceHeader header,
        EncoderSettings settings,
        Func<int, bool> wanted,
        Action<int, SegmentEncodeReport, IReadOnlyList<VideoFrame>> finished,
        IProgress<EncodeProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(finished);
        var segments = LevelPlanner.Segments(header.FrameCount, settings.SegmentLength);
        using var enumerator = frames.GetEnumerator();
        for (int s = 0; s < segments.Count; s++)
        {
            var (first, count) = segments[s];
            bool encode = wanted(s);
            var buffer = new List<VideoFrame>(encode ? count : 0);
            for (int read = 0; read < count; read++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!enumerator.MoveNext())
                {
                    // A source shorter than its header: the caller finds the segments that never came.
                    return;
                }

                if (encode)
                {
                    buffer.Add(Copy(enumerator.Current, header));
                }
            }

            if (encode)
            {
                finished(s, EncodeSegment(new VideoClip(buffer), first, s, segments.Count, settings, progress, cancellationToken), buffer);
            }
        }
    }

    /// <summary>Fits, quantizes and exports one segment.</summary>
    internal static SegmentEncodeReport EncodeSegment(
        VideoClip video,
        int firstFrame,
        int segmentIndex,
        int segmentCount,
        EncoderSettings settings,
        IProgress<EncodeProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        bool qualityTarget = settings.TargetPsnr is not null;
        long? budgetBits = !qualityTarget && settings.BitsPerPixel is { } rate ? (long)(rate * video.Width * video.Height * video.Frames.Count) : null;
        var motion = ChooseMotion(video, segmentIndex, segmentCount, settings, budgetBits, progress, clock);
        // The frames the decoder's output is compared with, whatever picture the network fits.
        var source = video;
        if (motion?.Field is not null)
        {
            // The network fits the picture the warp carries to the source (the plan's target); the vectors' bytes come out of
            // the same budget.
            video = motion.Aligned!;
            budgetBits -= 8L * motion.Bytes;
            settings = settings.ForMotion();
        }

        settings = settings.ForSegmentBudget(budgetBits);

        var architecture = PlanSegment(video.Frames.Count, video.Width, video.Height, video.Chroma, settings, budgetBits);
        using var network = NewNetwork(architecture, settings.Seed, settings);
        using var target = new TrainingTarget(architecture, video);
        var weights = architecture.OutputChannels == 3 ? Trainer.RgbWeights : [1.0];
        int steps = settings.Steps ?? settings.DefaultSteps;
        double latentRate = settings.TargetPsnr is { } quality
            ? settings.LatentRatePerLoss * Trainer.PsnrToLoss(quality, architecture.OutputChannels)
            : LatentRateAtReferenceRate * ReferenceBitsPerPixel / (settings.BitsPerPixel ?? ReferenceBitsPerPixel);
        var options = new TrainerOptions
        {
            Steps = steps,
            LearningRate = settings.LearningRate,
            ModulationLearningRate = settings.LearningRate * TrainerOptions.ModulationRateFactor,
            ChannelWeights = weights,
            Threads = settings.Threads,
            StopLoss = settings.TargetPsnr is { } psnr
                ? Trainer.PsnrToLoss(psnr + settings.QualityTargetMargin, architecture.OutputChannels)
                : null,
            StopPsnr = settings.TargetPsnr + settings.QualityTargetMargin,
            LatentRoundingFraction = settings.LatentRoundingFraction,
            LatentSoftRounding = settings.LatentSoftRounding,
            LatentSteeringGain = settings.LatentSteeringGain,
            LastLevelCellFraction = settings.DefaultLastLevelCellFraction,
            CellSampleSeed = settings.Seed,
            RateEvery = settings.DefaultRateEvery,
            LatentBudgetBits = budgetBits * settings.DefaultLatentShare,
            LatentRateWeight = latentRate,
            InitialLatentRateWeight = latentRate * settings.InitialLatentRateFactor,
            MinLatentRateFactor = settings.MinLatentRateFactor,
            LatentBudgetHeadroom = settings.LatentBudgetHeadroom,
            LatentBudgetFallFraction = settings.LatentBudgetFallFraction,
            SpikeBaselineRise = settings.SpikeBaselineRise,
        };
        network.HalfPrecisionLastLevel = settings.HalfPrecisionTraining ?? CpuFeatures.HasNativeBFloat16;
        network.ContextFitOnIntegers = settings.ContextFitOnIntegers;
        network.TemporalDeltas = settings.TemporalDeltas;
        // model_version 5 interpolates context-coded grids only.
        network.InterpolatedGrids = settings.InterpolatedGrids && network.GridContexts.Count > 0;
        network.ResidualRoundedForward = settings.ResidualRoundedForward;
        TrainingReport training = FitReplacement?.Invoke(network)!;
        for (int attempt = 0; FitReplacement is null; attempt++)
        {
            // A network that collapses at the start never leaves that state: start again from another initialisation
            // (deterministic: the seeds follow from --seed); the last attempt trains to the end whatever happens.
            bool last = attempt == MaxTrainingRestarts;
            training = Trainer.Train(
                network,
                target,
                last ? options with { StallLossFraction = 0 } : options,
                p => progress?.Report(new EncodeProgress(segmentIndex, segmentCount, "train", p.Step, p.TotalSteps, p.Loss, p.Elapsed)),
                cancellationToken: cancellationToken);
            if (!training.Stalled)
            {
                break;
            }

            using var fresh = NewNetwork(architecture, settings.Seed + ((attempt + 1) * RestartSeedStride), settings);
            network.CopyParametersFrom(fresh);
        }
        FitInspector?.Invoke(network, video);
        SegmentExporter.RoundLatents(network);
        double floatLoss = StepSearch.EvaluateLoss(network, target, weights);
        var fit = SegmentExporter.FloatTensors(network);
        var grams = settings.ErrorCompensatedWeights ? ErrorCompensatingRounding.InputGrams(network) : null;
        double maxQuantizedLoss = floatLoss * Math.Pow(10, MaxQuantizationLossDb / 10);

        progress?.Report(new EncodeProgress(segmentIndex, segmentCount, "quantize", 0, network.Architecture.TensorLayout().Count, floatLoss, clock.Elapsed));
        // With a context-model rate the latents are stored as model_version 3 codes them, by the models trained with them.
        IReadOnlyList<LatentContextModel>? contextModels = network.GridContexts.Count > 0 ? [.. network.GridContexts.Select(c => c.ToInteger())] : null;
        var candidates = StepSearch.Measure(
            network,
            target,
            weights,
            tensorDone: (done, count) => progress?.Report(new EncodeProgress(segmentIndex, segmentCount, "quantize", done, count, floatLoss, clock.Elapsed)),
            contextModels: contextModels,
            grams: grams);
        uint[] multipliers;
        long? budgetBytes = null;
        // Context-coded grids make the model a model_version 3 or later, which an output filter may follow (model_version 6).
        bool filtered = settings.OutputFilterRadius > 0 && contextModels is not null;
        int filterBytes = filtered ? settings.OutputFilterBytes(architecture.OutputChannels) : 0;
        if (settings.TargetPsnr is { } targetPsnr)
        {
            // The training loss only approximates the PSNR the decoded file measures: calibrate it on this fit, and aim a little higher.
            double offset = Math.Max(0, Trainer.LossToPsnr(floatLoss, architecture.OutputChannels) - Trainer.MeasuredPsnr(network, target));
            double targetLoss = Trainer.PsnrToLoss(targetPsnr + offset + QualityTargetHeadroom, architecture.OutputChannels);
            maxQuantizedLoss = Math.Max(maxQuantizedLoss, targetLoss);
            multipliers = ChooseForQuality(network, target, weights, candidates, floatLoss, targetLoss, grams);
        }
        else if (settings.BitsPerPixel is { } bpp)
        {
            budgetBytes = Math.Max(1, (long)(bpp * video.Width * video.Height * video.Frames.Count / 8) - StepSearch.OverheadBytes(architecture, contextModels is not null) - (motion?.Field is null ? 0 : motion.Bytes) - filterBytes);
            multipliers = StepSearch.ChooseForBudget(candidates, budgetBytes.Value, maxQuantizedLoss - floatLoss, out _);
        }
        else
        {
            // No target: distortion alone decides, which picks the finest steps.
            multipliers = StepSearch.Choose(candidates, lambda: 0, out _, out _);
        }

        if (StepTrace is { } trace)
        {
            var layout = architecture.TensorLayout();
            for (int i = 0; i < layout.Count; i++)
            {
                var c = candidates[i].First(c => c.Multiplier == multipliers[i]);
                trace($"tensor {i + 1} {layout[i].Role} l{layout[i].Level} {layout[i].Rows}x{layout[i].Columns}: mu {c.Multiplier} bytes {c.Bytes} dD {c.Distortion:E3}");
            }
        }

        (SegmentModel Model, double Loss)? beforeFineTuning = null;
        if (settings.DefaultQuantizationAwareFraction > 0)
        {
            var chosen = SegmentExporter.Export(network, firstFrame, video.Frames.Count, multipliers, contextModels, grams);
            beforeFineTuning = (chosen, QuantizedLoss(network, chosen, target, weights));
            int qatSteps = Math.Max(1, (int)(training.Steps * settings.DefaultQuantizationAwareFraction));
            var qatOptions = options with
            {
                Steps = qatSteps,
                LearningRate = options.LearningRate * 0.1,
                ModulationLearningRate = options.ModulationLearningRate * 0.1,
                LatentLearningRate = settings.FineTuneHoldsLatents ? 0 : options.LatentLearningRate * 0.1,
                // A quality target fixed the steps for its distortion: fine-tuning must not trade quality for latent bits.
                LatentRateWeight = qualityTarget || settings.FineTuneHoldsLatents ? 0 : training.LatentRateWeight,
                LatentBudgetBits = null,
                LatentNoise = false,
                StallLossFraction = 0,
                WarmupFraction = 0,
            };
            Trainer.Train(
                network,
                target,
                qatOptions,
                p => progress?.Report(new EncodeProgress(segmentIndex, segmentCount, "quantization-aware", p.Step, p.TotalSteps, p.Loss, p.Elapsed)),
                new StraightThroughQuantization(network, multipliers),
                cancellationToken);
        }

        network.HalfPrecisionLastLevel = false;
        // Fine-tuning trained the weights against plain rounding (and moved them off the fit the Gram matrices
        // describe), so its model is rounded plainly.
        var exportGrams = beforeFineTuning is null ? grams : null;
        var model = SegmentExporter.Export(network, firstFrame, video.Frames.Count, multipliers, contextModels, exportGrams);
        if (budgetBytes is { } modelBudget && settings.DefaultQuantizationAwareFraction > 0 && contextModels is null)
        {
            model = FitBudgetAfterFineTuning(network, model, candidates, multipliers, modelBudget, maxQuantizedLoss - floatLoss, exportGrams);
        }

        SegmentExporter.Load(network, model);
        double quantizedLoss = StepSearch.EvaluateLoss(network, target, weights);
        long? payloadLimit = budgetBytes + StepSearch.OverheadBytes(architecture, contextModels is not null);
        if (beforeFineTuning is { } before
            && KeepsModelBeforeFineTuning(before.Loss, PayloadBytes(before.Model), quantizedLoss, PayloadBytes(model), payloadLimit))
        {
            model = before.Model;
            SegmentExporter.Load(network, model);
            quantizedLoss = before.Loss;
        }

        if (quantizedLoss > maxQuantizedLoss)
        {
            // Per-tensor distortions do not add up exactly and fine-tuning can drift, so the quantized model may still be
            // far below the fit: go back to the fit before fine-tuning and take steps checked on the whole quantized model.
            for (int i = 0; i < fit.Count; i++)
            {
                SegmentExporter.SetTensor(network, i, fit[i]);
            }

            model = SegmentExporter.Export(network, firstFrame, video.Frames.Count, ChooseForQuality(network, target, weights, candidates, floatLoss, maxQuantizedLoss, grams), contextModels, grams);
            SegmentExporter.Load(network, model);
            quantizedLoss = StepSearch.EvaluateLoss(network, target, weights);
        }

        if (network.InterpolatedGrids)
        {
            model = model.WithInterpolatedGrids([.. Enumerable.Range(0, architecture.Grids.Count).Select(network.IsInterpolated)]);
        }

        if (motion?.Field is { } field)
        {
            model = model.WithMotion(field);
        }

        if (filtered)
        {
            progress?.Report(new EncodeProgress(segmentIndex, segmentCount, "filter", 0, 1, quantizedLoss, clock.Elapsed));
            var filter = OutputFilterFit.Fit(model, source, settings.OutputFilterRadius, settings.Threads);
            if (filter is not null)
            {
                model = model.WithFilter(filter);
            }

            progress?.Report(new EncodeProgress(segmentIndex, segmentCount, "filter", 1, 1, quantizedLoss, clock.Elapsed, filter is null ? "none" : $"radius {filter.Radius}"));
        }

        int bytes = ModelPayloadWriter.Write(model).Length;
        return new SegmentEncodeReport(model, bytes, floatLoss, quantizedLoss, training.Steps, clock.Elapsed);
    }

    /// <summary>
    /// The segment's motion plan when its settings allow motion (a rate target, context-coded grids), else null; the
    /// decision is reported as the "motion" stage.
    /// </summary>
    private static MotionPlan? ChooseMotion(
        VideoClip video, int segmentIndex, int segmentCount, EncoderSettings settings, long? budgetBits, IProgress<EncodeProgress>? progress, Stopwatch clock)
    {
        if (!settings.DefaultMotion || budgetBits is not { } bits || !settings.AffordsMotion(bits))
        {
            return null;
        }

        progress?.Report(new EncodeProgress(segmentIndex, segmentCount, "motion", 0, 1, 0, clock.Elapsed, "searching"));
        var plan = MotionDecision.Choose(video, bits, settings.MotionBlockLog2, settings.MotionPreimage, settings.MotionMaxShare, settings.Threads);
        // The search's per-frame work arrays are garbage now (gigabytes of managed heap at 1080p): hand their pages back
        // to the system before the fit's native tensors, which cannot reuse them, need the room.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (plan?.Field is not null && !settings.AffordsMotion(bits - (8L * plan.Bytes)))
        {
            plan = new MotionPlan(null, plan.Bytes, double.NaN, $"the context-coded grids would not fit beside the vectors ({plan.Bytes:N0} B)");
        }
        progress?.Report(new EncodeProgress(segmentIndex, segmentCount, "motion", 1, 1, 0, clock.Elapsed, plan is null ? "off" : (plan.Used ? "on: " : "off: ") + plan.Reason));
        return plan;
    }

    /// <summary>
    /// Fine-tuning moves the values (latents included), so the coded sizes drift from what the step search measured, by
    /// several per cent either way: choose the steps again with each tensor's candidate sizes rescaled to what it now
    /// codes to, and keep a new choice only when it fits (or the model it replaces did not). At most three rounds; a
    /// round that would overshoot a model that already fits ends the search, since repeating it changes nothing.
    /// </summary>
    private static SegmentModel FitBudgetAfterFineTuning(
        AsmrNetwork network, SegmentModel model, IReadOnlyList<IReadOnlyList<StepCandidate>> candidates, uint[] multipliers, long budget, double maxDistortion, IReadOnlyList<double[]?>? grams)
    {
        int[] sizes = CodedSizes(model);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long total = sizes.Sum(b => (long)b);
            if (total <= budget && total >= budget * 0.98)
            {
                break;
            }

            var refit = StepSearch.ChooseForBudget(StepSearch.Rescale(candidates, multipliers, sizes), budget - (Math.Max(0, total - budget) * attempt), maxDistortion, out _);
            var again = SegmentExporter.Export(network, model.FirstFrame, model.FrameCount, refit, grams: grams);
            int[] againSizes = CodedSizes(again);
            bool fits = againSizes.Sum(b => (long)b) <= budget;
            if (!fits && total <= budget)
            {
                break;
            }

            (model, multipliers, sizes) = (again, refit, againSizes);
            if (fits)
            {
                break;
            }
        }

        return model;
    }

    /// <summary>A freshly initialised network; the seed fixes both its initialisation and libtorch's global generator.</summary>
    private static AsmrNetwork NewNetwork(ModelArchitecture architecture, long seed, EncoderSettings settings)
    {
        manual_seed(seed);
        return new AsmrNetwork(architecture, new NetworkInit(), seed, settings.DefaultContextHidden, settings.TimeLatentFrames, settings.TimeLatentRank, settings.ResidualLatentRank, settings.ResidualPerSample, settings.LastLevelAmplitude, settings.ContextTimeInput);
    }

    /// <summary>
    /// The loss of <paramref name="model"/> decoded by the network in full precision; leaves the network's float values
    /// and its precision setting as they were.
    /// </summary>
    private static double QuantizedLoss(AsmrNetwork network, SegmentModel model, TrainingTarget target, IReadOnlyList<double> weights)
    {
        bool half = network.HalfPrecisionLastLevel;
        network.HalfPrecisionLastLevel = false;
        double loss = LossKeepingFloats(network, model, target, weights);
        network.HalfPrecisionLastLevel = half;
        return loss;
    }

    /// <summary>The loss of <paramref name="model"/> decoded by the network as it is set; leaves the network's float values as they were.</summary>
    private static double LossKeepingFloats(AsmrNetwork network, SegmentModel model, TrainingTarget target, IReadOnlyList<double> weights)
    {
        var floats = SegmentExporter.FloatTensors(network);
        SegmentExporter.Load(network, model);
        double loss = StepSearch.EvaluateLoss(network, target, weights);
        for (int i = 0; i < floats.Count; i++)
        {
            SegmentExporter.SetTensor(network, i, floats[i]);
        }

        return loss;
    }

    /// <summary>
    /// Fine-tuning can end worse than it started (straight-through steps on a converged fit raised akiyo's quantized loss
    /// by 6 %, experiments/NOTES.md): the model from before it is kept when it measures better and costs no more than
    /// the fine-tuned one or fits the payload limit.
    /// </summary>
    internal static bool KeepsModelBeforeFineTuning(double beforeLoss, long beforeBytes, double afterLoss, long afterBytes, long? payloadLimit) =>
        beforeLoss < afterLoss && (beforeBytes <= afterBytes || payloadLimit is not { } limit || beforeBytes <= limit);

    private static long PayloadBytes(SegmentModel model) => ModelPayloadWriter.Write(model).Length;

    private static int[] CodedSizes(SegmentModel model) => [.. model.Tensors.Select(t => AdaptiveIntegerCoder.Encode(t.Values).Length)];

    /// <summary>
    /// The coarsest steps whose quantized model still meets <paramref name="targetLoss"/> (almost lossless steps when
    /// the fit itself misses it). Per-tensor distortions do not add up exactly, so the choice is checked by quantizing
    /// the whole model and tightened until the measured loss meets the target. Leaves the float weights in place.
    /// </summary>
    private static uint[] ChooseForQuality(
        AsmrNetwork network,
        TrainingTarget target,
        IReadOnlyList<double> weights,
        IReadOnlyList<IReadOnlyList<StepCandidate>> candidates,
        double floatLoss,
        double targetLoss,
        IReadOnlyList<double[]?>? grams)
    {
        double allowance = Math.Max(targetLoss - floatLoss, floatLoss * 0.02);
        uint[] multipliers = StepSearch.ChooseForDistortion(candidates, allowance, out _);
        for (int attempt = 0; attempt < 6; attempt++)
        {
            double quantized = LossKeepingFloats(network, SegmentExporter.Export(network, 0, 1, multipliers, grams: grams), target, weights);
            double added = quantized - floatLoss;
            if (quantized <= Math.Max(targetLoss, floatLoss * 1.02) || added <= 0)
            {
                break;
            }

            allowance *= Math.Clamp(0.9 * allowance / added, 0.05, 0.9);
            multipliers = StepSearch.ChooseForDistortion(candidates, allowance, out _);
        }

        return multipliers;
    }

    /// <summary>The latents' rate λ measured best at <see cref="ReferenceBitsPerPixel"/> (akiyo CIF); other rates scale it inversely.</summary>
    internal const double LatentRateAtReferenceRate = 4e-3;

    internal const double ReferenceBitsPerPixel = 0.05;

    /// <summary>
    /// dB the quantized model may lose against the float fit whatever the rate target (a <c>--quality</c> target may
    /// allow more). Quantization at a rate the planner sized the network for costs 0.2–1 dB (experiments/NOTES.md); a rate
    /// that cannot be met without losing more is missed instead (the latents of a short fit can alone overshoot it).
    /// </summary>
    internal const double MaxQuantizationLossDb = 3;

    /// <summary>dB the quantized model aims above a <c>--quality</c> target, for the loss-to-PSNR approximation.</summary>
    internal const double QualityTargetHeadroom = 0.1;

    /// <summary>
    /// Bits a context model's parameter takes in the file, records included: two models of 16 hidden units (304
    /// parameters) took 417–439 B on akiyo and foreman CIF. Counting them at the network's rate instead let akiyo at 0.025
    /// bpp plan H = 16, whose weights, left 4.4–5.1 bits each, lost 2.3 dB to quantization (experiments/NOTES.md).
    /// </summary>
    internal const double ContextBitsPerParameter = 11;

    /// <summary>Bits per stored parameter at which quantization loss and model size balanced best (akiyo CIF, 0.05 bpp: H = 80).</summary>
    internal const double BitsPerParameter = 7.0;

    /// <summary>
    /// Bits per network parameter next to latent grids: at akiyo CIF, 0.05 bpp, the widths that quantized best were
    /// H = 64 for 4×4 blocks (17.5 k parameters), H = 56 for 2×2 blocks with a linear last level (17.4 k) and H = 48
    /// with a last-level table (16.3 k); one more step of 8 lost 1 dB or more to quantization each time.
    /// </summary>
    internal const double GridNetworkBitsPerParameter = 6.5;

    /// <summary>
    /// Fresh initialisations tried when training collapses at the start (<see cref="TrainerOptions.StallLossFraction"/>).
    /// A stalled attempt costs only the steps to the check, and some shapes collapse often: akiyo at 176×144, 8 frames,
    /// fast (L = 4, H = 24) stalled for 5 of 14 seeds, and with two restarts one encode in eight still came out a flat
    /// picture (14.5 dB).
    /// </summary>
    internal const int MaxTrainingRestarts = 5;

    /// <summary>Seed offset between those initialisations.</summary>
    internal const long RestartSeedStride = 7919;

    /// <summary>
    /// Decoding cost a budget-chosen width stays within, in multiply-accumulates per pixel (context models included):
    /// the decoder's speed follows it (at 1080p, H = 128 costs about 1,230 and decodes under 30 frames a second on two
    /// cores). An explicit width is not capped.
    /// </summary>
    internal const double MaxMacsPerPixel = 1000;

    /// <summary>Hidden width for a quality target without an explicit width (the measured best at 0.05 bpp on CIF).</summary>
    internal const int QualityTargetWidth = 80;

    internal static ModelArchitecture PlanSegment(int frames, int width, int height, ChromaFormat chroma, EncoderSettings settings, long? budgetBits = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new PlannerOptions
        {
            Width = settings.Width ?? 64,
            Levels = settings.Levels,
            SegmentLength = settings.SegmentLength,
            LastModulation = settings.DefaultLastModulation,
            LastSpatialBase = settings.DefaultLastSpatialBase,
            LastTemporalBase = settings.LastTemporalBase,
            TimeAtFinestSharedLevel = settings.TimeAtFinestSharedLevel,
            GridLevels = settings.GridLevels,
            GridRank = settings.GridRank,
            MinGridCell = settings.DefaultMinGridCell,
            GridTemporalCells = settings.GridTemporalCells,
        };
        if (settings.Width is null && settings.TargetPsnr is not null)
        {
            options = options with { Width = settings.GridLevels > 0 ? 64 : QualityTargetWidth };
        }

        var plan = LevelPlanner.Plan(frames, height, width, chroma, options);
        if (settings.Width is not null || budgetBits is null)
        {
            return plan;
        }

        // Widest network whose parameters fit the budget at about BitsPerParameter bits each and whose decoding costs
        // at most MaxMacsPerPixel.
        foreach (int h in new[] { 128, 112, 96, 80, 72, 64, 56, 48, 40, 32, 24, 16, 12 })
        {
            plan = LevelPlanner.Plan(frames, height, width, chroma, options with { Width = h });
            bool grids = plan.Grids.Count > 0;
            // The grids' context models come out of the network's share too.
            var coded = grids && settings.DefaultContextHidden > 0
                ? plan.WithContextModels([.. Enumerable.Repeat(settings.DefaultContextHidden, plan.Grids.Count)])
                : plan;
            long contextParameters = coded.ParameterCount() - plan.ParameterCount();
            double networkBits = (grids ? budgetBits.Value * (1 - settings.DefaultLatentShare) : budgetBits.Value)
                - (8.0 * UnplannedBytes(coded, settings));
            double plannedBits = (plan.ParameterCount() * (grids ? GridNetworkBitsPerParameter : BitsPerParameter))
                + (contextParameters * ContextBitsPerParameter);
            if (plannedBits <= networkBits && coded.MacsPerSample() <= MaxMacsPerPixel)
            {
                break;
            }
        }

        return plan;
    }

    /// <summary>
    /// Typical bytes of a model_version 7 record header (μ, coding and byte_length): 222 B of headers for 31 records and
    /// a 68 B payload header on akiyo CIF at 0.05 bpp.
    /// </summary>
    internal const int PlannedCompactRecordHeaderBytes = 5;

    /// <summary>
    /// Bytes of a context-coded plan's payload that neither its parameters nor its latents account for and that the
    /// network's share pays: the payload header, the compact record headers and the output filter's record. Without
    /// context models 0: <see cref="BitsPerParameter"/> was calibrated with the 19-byte headers inside it, and taking
    /// them off narrowed fast at 0.0125 bpp from H = 24 to 16 for a loss (akiyo 24.53 → 24.25 dB, 436 B unspent).
    /// </summary>
    internal static int UnplannedBytes(ModelArchitecture plan, EncoderSettings settings)
    {
        if (!plan.HasContextModels)
        {
            return 0;
        }

        return StepSearch.OverheadBytes(plan, contextCoded: true)
            + (plan.TensorLayout().Count * PlannedCompactRecordHeaderBytes)
            + settings.OutputFilterBytes(plan.OutputChannels);
    }

    /// <summary>A copy of a source frame, which sources may reuse for the next one.</summary>
    private static VideoFrame Copy(VideoFrame frame, SequenceHeader header)
    {
        if (frame.Width != header.Width || frame.Height != header.Height || frame.Chroma != header.ChromaFormat || frame.BitDepth != header.BitDepth)
        {
            throw new ArgumentException("Frame geometry differs from the sequence header.", nameof(frame));
        }

        var copy = new VideoFrame(frame.Width, frame.Height, frame.Chroma, frame.BitDepth);
        for (int p = 0; p < frame.PlaneCount; p++)
        {
            frame.Planes[p].CopyTo(copy.Planes[p], 0);
        }

        return copy;
    }
}
