using Asmr.Codec.Training;
using Asmr.Container.Entropy;
using Asmr.Container.Model;
using static TorchSharp.torch;

namespace Asmr.Codec.Quantization;

/// <summary>
/// Chooses a quantization step per tensor by measured rate and distortion: for each tensor and candidate step, the
/// coded size (the real adaptive coder) and the loss increase when only that tensor is quantized; then per tensor the
/// step minimising ΔD + λ·bits, with λ found by bisection to meet a byte budget (or given).
/// </summary>
internal static class StepSearch
{
    /// <summary>
    /// Bytes of a model payload that no step choice changes. With <paramref name="contextCoded"/> grids the payload is
    /// model_version 7: its header (the motion_block_log2 and filter_radius bytes included), while each record's
    /// compact header is counted with the record's candidates. Otherwise the header and 19 bytes per record.
    /// </summary>
    public static int OverheadBytes(ModelArchitecture architecture, bool contextCoded)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return contextCoded
            ? ModelPayloadFormat.HeaderLength(architecture.Levels, architecture.Grids.Count, ModelPayloadFormat.CompactRecordModelVersion)
            : ModelPayloadFormat.HeaderLength(architecture.Levels, architecture.Grids.Count, architecture.ModelVersion)
                + (ModelPayloadFormat.RecordHeaderLength * architecture.TensorLayout().Count);
    }

    /// <summary>A grid's context model records, in stored order (§10.3).</summary>
    private static readonly TensorRole[] ContextRoles =
        [TensorRole.ContextWeight, TensorRole.ContextBias, TensorRole.ContextOutputWeight, TensorRole.ContextChannelBias];

    /// <summary>
    /// Bytes of grid latents tensor <paramref name="index"/> as model_version 7 stores them: for a grid's first channel,
    /// its whole context-coded record and its context model's four records, each with its compact header; 0 for the
    /// other channels, which share that stream.
    /// </summary>
    private static int ContextCodedBytes(AsmrNetwork network, IReadOnlyList<LatentContextModel> contextModels, IReadOnlyList<(TensorRole Role, int Level, int Rows, int Columns)> layout, int index)
    {
        if (index > 0 && layout[index - 1].Role == TensorRole.GridLatents)
        {
            return 0;
        }

        var a = network.Architecture;
        int g = a.GridIndex(layout[index].Level);
        var grid = a.Grids[g];
        int rows = a.CumulativeSize(Axis.Y, grid.Level), columns = a.CumulativeSize(Axis.X, grid.Level);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int[] latents = [.. network.LatentIntegers(g).to_type(ScalarType.Int32).contiguous().data<int>()];
        var model = contextModels[g];
        int stream = LatentPlaneCoding.Encode(model, latents, grid.TemporalCells, rows, columns, grid.Rank).Length;
        // Each parameter record as the writer codes it: adaptive, with fresh contexts (one stream for all four would
        // come out about 25 bytes short).
        int parameters = ContextRoles.Sum(role =>
            ModelPayloadFormat.CompactRecordLength(1, AdaptiveIntegerCoder.Encode(SegmentModel.ContextParameters(model, role, grid.Rank)).Length));
        return ModelPayloadFormat.CompactRecordLength(1, stream) + parameters;
    }

    /// <summary>The training loss of the network; <paramref name="cellStride"/> &gt; 1 evaluates every n-th last-level parent cell only.</summary>
    public static double EvaluateLoss(AsmrNetwork network, TrainingTarget target, IReadOnlyList<double> weights, int cellStride = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(target);
        return CollectionPause.Run(() => Loss(network, target, weights, cellStride));
    }

    private static double Loss(AsmrNetwork network, TrainingTarget target, IReadOnlyList<double> weights, int cellStride)
    {
        using var scope = NewDisposeScope();
        var cells = cellStride > 1 ? arange(0, target.CellCount, cellStride, dtype: ScalarType.Int64) : null;
        return SegmentEvaluation.Loss(network, target, weights, cells);
    }

    /// <summary>Samples the step search evaluates per candidate at most (every n-th cell), so that it costs about the same
    /// for a 720p segment as for a CIF one.</summary>
    public const double MeasuredSamples = 1.5e6;

    /// <summary>Every third last-level parent cell, or sparser so that about <see cref="MeasuredSamples"/> samples are evaluated.</summary>
    public static int DefaultCellStride(TrainingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return (int)Math.Max(3, Math.Ceiling(target.CellCount * (double)target.SamplesPerCell / MeasuredSamples));
    }

    /// <summary>
    /// The coarsest phase step: the coarsest candidates (4 × the tensor's RMS) of a phase table spread over the whole turn
    /// would be a turn or more, where every value rounds to 0 (μ clamped to 2^32 − 1), and beyond half a turn the lattice
    /// q·μ modulo a turn only folds back towards 0.
    /// </summary>
    public const uint HalfTurn = 1u << 31;

    /// <summary>
    /// Candidate (μ, bytes, ΔD) per tensor; <paramref name="tensorDone"/> hears (tensors measured, tensor count). With
    /// <paramref name="contextModels"/> (one per grid) the payload is model_version 7: every candidate's bytes include its
    /// record's compact header, and a grid's latents are sized as context-coded: the whole stream plus the context
    /// model's records, counted on the grid's first latent channel.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<StepCandidate>> Measure(
        AsmrNetwork network,
        TrainingTarget target,
        IReadOnlyList<double> weights,
        int candidatesPerOctave = 2,
        int octaves = 8,
        int? cellStride = null,
        Action<int, int>? tensorDone = null,
        IReadOnlyList<LatentContextModel>? contextModels = null,
        IReadOnlyList<double[]?>? grams = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(target);
        int stride = cellStride ?? DefaultCellStride(target);
        var layout = network.Architecture.TensorLayout();
        var floats = SegmentExporter.FloatTensors(network);
        double baseLoss = EvaluateLoss(network, target, weights, stride);
        var result = new List<IReadOnlyList<StepCandidate>>();
        for (int i = 0; i < layout.Count; i++)
        {
            var (role, _, rows, columns) = layout[i];
            var values = floats[i];
            if (TensorUnits.IsFixedInteger(role))
            {
                // Latents and context model parameters are integers already (training rounds them): one candidate,
                // μ = 1, no added distortion.
                var q = SegmentExporter.Quantize(role, values, 1);
                int size = contextModels is null ? AdaptiveIntegerCoder.Encode(q).Length : ContextCodedBytes(network, contextModels, layout, i);
                result.Add([new StepCandidate(1, size, 0)]);
                tensorDone?.Invoke(i + 1, layout.Count);
                continue;
            }

            double units = TensorUnits.UnitsPerFloat(role);
            double rms = Math.Sqrt(values.Select(v => TensorUnits.IsPhase(role) ? TensorUnits.WrapPhase(v) : v).Average(v => v * v)) + 1e-12;
            var seen = new HashSet<uint>();
            var list = new List<StepCandidate>();
            for (int k = -4; k <= octaves * candidatesPerOctave; k++)
            {
                double step = rms * Math.Pow(2, -k / (double)candidatesPerOctave);
                uint mu = (uint)Math.Clamp(Math.Round(step * units), 1, TensorUnits.IsPhase(role) ? HalfTurn : uint.MaxValue);
                if (!seen.Add(mu))
                {
                    continue;
                }

                var q = SegmentExporter.Quantize(role, rows, columns, values, mu, grams?[i]);
                int bytes = AdaptiveIntegerCoder.Encode(q).Length;
                if (contextModels is not null)
                {
                    bytes = ModelPayloadFormat.CompactRecordLength(mu, bytes);
                }

                var deq = q.Select(v => SegmentExporter.Dequantize(role, v, mu)).ToArray();
                SegmentExporter.SetTensor(network, i, deq);
                double loss = EvaluateLoss(network, target, weights, stride);
                list.Add(new StepCandidate(mu, bytes, Math.Max(0, loss - baseLoss)));
            }

            SegmentExporter.SetTensor(network, i, values);
            result.Add(list);
            tensorDone?.Invoke(i + 1, layout.Count);
        }

        return result;
    }

    /// <summary>
    /// The candidates with each tensor's sizes scaled by how its coded size at the <paramref name="chosen"/> step turned
    /// out (<paramref name="actualBytes"/>), e.g. after fine-tuning moved its values.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<StepCandidate>> Rescale(
        IReadOnlyList<IReadOnlyList<StepCandidate>> candidates, IReadOnlyList<uint> chosen, IReadOnlyList<int> actualBytes)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(actualBytes);
        var result = new List<IReadOnlyList<StepCandidate>>(candidates.Count);
        for (int i = 0; i < candidates.Count; i++)
        {
            int measured = candidates[i].First(c => c.Multiplier == chosen[i]).Bytes;
            double ratio = actualBytes[i] / (double)Math.Max(1, measured);
            result.Add([.. candidates[i].Select(c => c with { Bytes = (int)Math.Ceiling(c.Bytes * ratio) })]);
        }

        return result;
    }

    /// <summary>Per tensor, the candidate minimising ΔD + λ·8·bytes.</summary>
    public static uint[] Choose(IReadOnlyList<IReadOnlyList<StepCandidate>> candidates, double lambda, out long bytes, out double distortion)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var chosen = new uint[candidates.Count];
        bytes = 0;
        distortion = 0;
        for (int i = 0; i < candidates.Count; i++)
        {
            var best = candidates[i].MinBy(c => c.Distortion + (lambda * 8 * c.Bytes));
            chosen[i] = best.Multiplier;
            bytes += best.Bytes;
            distortion += best.Distortion;
        }

        return chosen;
    }

    /// <summary>The smallest choice whose added distortion stays within <paramref name="allowance"/> (loss units).</summary>
    public static uint[] ChooseForDistortion(IReadOnlyList<IReadOnlyList<StepCandidate>> candidates, double allowance, out double lambda)
    {
        lambda = Bisect(l => { Choose(candidates, l, out _, out double d); return d > allowance; }).Below;
        return Choose(candidates, lambda, out _, out _);
    }

    /// <summary>
    /// The smallest-distortion choice whose tensor data fits <paramref name="budgetBytes"/>, but never one that adds more
    /// than <paramref name="maxDistortion"/> (loss units). The latents have a single candidate each, so when they alone
    /// overshoot the budget no slope meets it, and the bisection would end at its steepest, where every tensor takes its
    /// fewest bytes whatever they cost: modulations quantized to all zeros and a flat grey picture, to save a few bytes
    /// of a budget that is missed anyway.
    /// </summary>
    public static uint[] ChooseForBudget(IReadOnlyList<IReadOnlyList<StepCandidate>> candidates, long budgetBytes, double maxDistortion, out double lambda)
    {
        double fits = Bisect(l => { Choose(candidates, l, out long b, out _); return b <= budgetBytes; }).Above;
        double bounded = Bisect(l => { Choose(candidates, l, out _, out double d); return d > maxDistortion; }).Below;
        lambda = Math.Min(fits, bounded);
        return Choose(candidates, lambda, out _, out _);
    }

    /// <summary>
    /// The slope where <paramref name="isAbove"/> (false for small λ, true for large) turns true, bisected on a log
    /// scale over 10^−14…10^−2: the largest λ tried for which it is false and the smallest for which it is true.
    /// </summary>
    private static (double Below, double Above) Bisect(Func<double, bool> isAbove)
    {
        double lo = 1e-14, hi = 1e-2;
        for (int it = 0; it < 60; it++)
        {
            double mid = Math.Sqrt(lo * hi);
            if (isAbove(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return (lo, hi);
    }
}
