using Asmr.Codec.Training;
using Asmr.Container.Model;

namespace Asmr.Codec;

/// <summary>What <see cref="AsmrEncoder"/> does. Unset values follow <see cref="Preset"/>.</summary>
internal sealed record EncoderSettings
{
    /// <summary>The preset of an encode that names none.</summary>
    public const EncoderPreset DefaultPreset = EncoderPreset.Medium;

    /// <summary>The seed of an encode that names none.</summary>
    public const long DefaultSeed = 0;

    public EncoderPreset Preset { get; init; } = DefaultPreset;

    /// <summary>Seed of the initialisation and the latent noise: same input + settings + seed → identical models on the
    /// same machine and thread count.</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>Training steps per segment (deterministic). Overrides the preset.</summary>
    public int? Steps { get; init; }

    /// <summary>Hidden width H; null = the widest of 16…128 whose parameter count fits the rate budget at about
    /// 7 bits per parameter (measured best on akiyo CIF at 0.05 bpp: H = 80), or 64 without a budget.</summary>
    public int? Width { get; init; }

    /// <summary>Levels L; 0 = planner's choice.</summary>
    public int Levels { get; init; }

    /// <summary>Frames per segment.</summary>
    public int SegmentLength { get; init; } = DefaultSegmentLength;

    /// <summary>Frames per segment unless told otherwise.</summary>
    public const int DefaultSegmentLength = 32;

    /// <summary>Target rate in bits per luma pixel (model payload bytes · 8 / (W·H·frames)); null (and no
    /// <see cref="TargetPsnr"/>) = the finest quantization steps, rate unconstrained.</summary>
    public double? BitsPerPixel { get; init; } = 0.05;

    /// <summary>Target quality as RGB PSNR in dB (Y PSNR for monochrome); when set it replaces the rate target: training
    /// stops once the fit is <see cref="QualityTargetMargin"/> dB above it and quantization is as coarse as the target
    /// allows.</summary>
    public double? TargetPsnr { get; init; }

    /// <summary>Headroom (dB) the float fit must have over <see cref="TargetPsnr"/> before training stops early, to be
    /// spent by quantization.</summary>
    public double QualityTargetMargin { get; init; } = 0.6;

    public int Threads { get; init; } = 2;

    /// <summary>
    /// Modulation kind of the last level (the others are tables); null = the preset's: a linear modulator for fast,
    /// a table (one phase vector per 2×2×16 position) for medium and slow, which fit akiyo CIF 0.5 dB better at equal
    /// bytes with H = 48 than the linear modulator with H = 56 (experiments/NOTES.md).
    /// </summary>
    public ModulationKind? LastModulation { get; init; }

    internal ModulationKind DefaultLastModulation => LastModulation ?? (Preset == EncoderPreset.Fast ? ModulationKind.Linear : ModulationKind.Table);

    /// <summary>Base of the last level on y and x; null = the preset's (fast 4, medium and slow 2).</summary>
    public int? LastSpatialBase { get; init; }

    /// <summary>Base of the last level on t.</summary>
    public int LastTemporalBase { get; init; } = 16;

    /// <summary><see cref="Training.PlannerOptions.TimeAtFinestSharedLevel"/>.</summary>
    public bool TimeAtFinestSharedLevel { get; init; }

    /// <summary>Adam learning rate of weights (modulation tables use <see cref="TrainerOptions.ModulationRateFactor"/>×).</summary>
    public double LearningRate { get; init; } = TrainerOptions.DefaultLearningRate;

    /// <summary>
    /// Train the last level's GEMM in bfloat16 (about 1.4× more steps per second at the same quality per step). Null:
    /// when the CPU multiplies bfloat16 natively (<see cref="Training.CpuFeatures"/>), since emulated bfloat16 is slower.
    /// Files are identical for a given machine, not across machines that differ in this.
    /// </summary>
    public bool? HalfPrecisionTraining { get; init; }

    /// <summary>
    /// Whether a segment may be coded with a motion field (model_version 4), which the encoder then uses only where it
    /// pays (<see cref="Motion.MotionDecision"/>); null = the preset's: medium and slow yes, fast no (its short fits
    /// gained nothing from it at 0.05 bpp and lost 1.8 dB at 0.0125, experiments/NOTES.md). Only for a rate target with
    /// context-coded grids: a quality target calibrates its stopping on the plain fit.
    /// </summary>
    public bool? Motion { get; init; }

    internal bool DefaultMotion => Motion ?? Preset != EncoderPreset.Fast;

    /// <summary>Block size exponent of the motion field (3..6); null = the first of <see cref="Motion.MotionDecision.BlockLog2s"/> that pays.</summary>
    public int? MotionBlockLog2 { get; init; }

    /// <summary>
    /// Fit the least-squares pre-image of the warp (<see cref="Motion.MotionPreimage"/>); false: the source moved back
    /// along the field (<see cref="Motion.MotionAlignment"/>).
    /// </summary>
    public bool MotionPreimage { get; init; } = true;

    /// <summary>Largest share of a segment's bits the motion vectors may take.</summary>
    public double MotionMaxShare { get; init; } = Asmr.Codec.Motion.MotionDecision.MaxBudgetShare;

    /// <summary>Latent grids on this many levels above the last (0 = none: the file stays readable by format 1 readers).</summary>
    public int GridLevels { get; init; } = 2;

    /// <summary>Latent channels per grid cell.</summary>
    public int GridRank { get; init; } = 4;

    /// <summary>
    /// Hidden units of each grid's context model (model_version 3), whose estimated bits are the latents' rate while
    /// training and whose integer form codes them; 0 = a factorised Laplace per channel (model_version 2). Null = the
    /// preset's (<see cref="DefaultContextHidden"/>).
    /// </summary>
    public int? ContextHidden { get; init; }

    /// <summary>
    /// Medium and slow: 16, with a grid of 2×2-sample cells (<see cref="DefaultMinGridCell"/>) taking
    /// <see cref="DefaultLatentShare"/> of the budget: on 32 CIF frames at 0.05 bpp this gained 1.2 dB on akiyo and
    /// 0.47 dB on foreman over factorised 4×4-sample grids, and 0.9 / 0.3 dB over those given as much CPU time
    /// (experiments/NOTES.md). Fast: 0 (its 4×4 blocks and short fits were not measured with one).
    /// </summary>
    internal int DefaultContextHidden => ContextHidden ?? (Preset == EncoderPreset.Fast ? 0 : 16);

    /// <summary>
    /// Latent bytes per grid below which the preset's context models give way to small ones
    /// (<see cref="SmallContextHidden"/>): each costs about 220 bytes with its records (akiyo CIF: 426 B for two), which
    /// should stay near a tenth of the latents it codes. At 0.025 bpp on 32 CIF frames a third of the budget is under
    /// it; 60 % of it, a motion field's share, is not, and there the context-coded grids with motion gained 1.6 dB on
    /// akiyo, while foreman (no motion) lost 0.2 dB with them (experiments/NOTES.md). At 0.0125 bpp they lost on both.
    /// </summary>
    internal const int MinContextLatentBytesPerGrid = 2000;

    /// <summary>
    /// Hidden units of the context models of a segment whose budget is under <see cref="MinContextLatentBytesPerGrid"/>
    /// a grid: about 95 bytes each, on grids of 4×4-sample cells (the order-0 grids' cells), without a motion field. Over
    /// order-0 grids this gained 1.8 dB on akiyo and 1.0 dB on foreman at 0.0125 bpp, the coarser grid entering the
    /// finer one interpolated (model_version 5), which only context-coded grids can (experiments/NOTES.md).
    /// </summary>
    internal const int SmallContextHidden = 4;

    /// <summary>
    /// <see cref="DefaultContextHidden"/> for a segment of <paramref name="budgetBits"/> bits (null: no size target):
    /// <see cref="SmallContextHidden"/> when the preset's context-coded grids' share of the budget would be under
    /// <see cref="MinContextLatentBytesPerGrid"/> a grid. An explicit <see cref="ContextHidden"/> is kept.
    /// </summary>
    internal int ContextHiddenFor(long? budgetBits)
    {
        if (ContextHidden is not null || DefaultContextHidden == 0 || budgetBits is not { } bits)
        {
            return DefaultContextHidden;
        }

        return AffordsFullContextModels(bits) ? DefaultContextHidden : Math.Min(SmallContextHidden, DefaultContextHidden);
    }

    /// <summary>Whether the preset's context models fit a segment of <paramref name="budgetBits"/> bits (<see cref="MinContextLatentBytesPerGrid"/>); a motion field needs them.</summary>
    internal bool AffordsFullContextModels(long budgetBits) =>
        ContextHidden is not null || budgetBits / 8.0 * DefaultLatentShare >= GridLevels * MinContextLatentBytesPerGrid;

    /// <summary>
    /// Whether a segment of <paramref name="budgetBits"/> bits (after any vectors) may be coded with a motion field: it
    /// needs grids with the preset's context models, which a motion-coded segment affords at a lower rate than one
    /// without, since its latents get the larger share (<see cref="ForMotion"/>).
    /// </summary>
    internal bool AffordsMotion(long budgetBits) =>
        GridLevels > 0 && DefaultContextHidden > 0 && ForMotion().AffordsFullContextModels(budgetBits);

    /// <summary>
    /// These settings as a segment of <paramref name="budgetBits"/> bits encodes with: <see cref="ContextHidden"/> from
    /// <see cref="ContextHiddenFor"/>, and small context models on 4×4-sample cells.
    /// </summary>
    internal EncoderSettings ForSegmentBudget(long? budgetBits)
    {
        int hidden = ContextHiddenFor(budgetBits);
        bool small = hidden < DefaultContextHidden;
        return this with { ContextHidden = hidden, MinGridCell = MinGridCell ?? (small ? 4 : null) };
    }

    /// <summary>Context models learn from the rounded latents the coder will see (<see cref="Training.AsmrNetwork.ContextFitOnIntegers"/>).</summary>
    public bool ContextFitOnIntegers { get; init; } = true;

    /// <summary>Samples a grid cell spans at least on y and x (<see cref="Training.PlannerOptions.MinGridCell"/>); null = 2 with a context model, else 4.</summary>
    public int? MinGridCell { get; init; }

    internal int DefaultMinGridCell => MinGridCell ?? (DefaultContextHidden > 0 ? 2 : 4);

    /// <summary>
    /// Final fraction of the training steps that round the latents straight-through instead of noising them
    /// (<see cref="TrainerOptions.LatentRoundingFraction"/>): the last fifth gained 0.15 dB on akiyo and 0.04 dB on
    /// foreman at equal bytes over noise to the end (experiments/NOTES.md).
    /// </summary>
    public double LatentRoundingFraction { get; init; } = 0.2;

    /// <summary>Soft-rounding temperatures over the noise phase (<see cref="TrainerOptions.LatentSoftRounding"/>); null = plain noise.</summary>
    public (double Start, double End)? LatentSoftRounding { get; init; }

    /// <summary><see cref="TrainerOptions.LatentSteeringGain"/>.</summary>
    public double LatentSteeringGain { get; init; } = 1;

    /// <summary>Time cells per latent grid, at most (<see cref="Training.PlannerOptions.GridTemporalCells"/>).</summary>
    public int GridTemporalCells { get; init; } = 1;

    /// <summary>Later time cells of a context-coded grid are trained as differences from the one before (<see cref="Training.AsmrNetwork.TemporalDeltas"/>).</summary>
    public bool TemporalDeltas { get; init; }

    /// <summary>
    /// Context-coded latent grids above the finest shared level enter the level below theirs, bilinearly interpolated
    /// (<see cref="Training.AsmrNetwork.InterpolatedGrids"/>, model_version 5): smooth shading from fewer latents,
    /// +0.6 to +0.7 dB at equal bytes on akiyo and foreman (experiments/NOTES.md). Grids without context models (fast,
    /// the lowest rates) stay on their levels.
    /// </summary>
    public bool InterpolatedGrids { get; init; } = true;

    /// <summary>
    /// Radius of the output filter fitted to each segment whose grids have context models (model_version 6, spec §11.9),
    /// or 0 for none: a least-squares diamond per plane on the decoded frames, for about 140 bytes; in the rd benchmark
    /// +0.38 dB RGB on akiyo and +0.18 dB on foreman at 0.05 bpp, +0.60 and +0.38 dB at 0.0125 (experiments/NOTES.md).
    /// </summary>
    public int OutputFilterRadius { get; init; } = 3;

    /// <summary>
    /// Bytes a segment's budget keeps for its output filter: the record's compact header (model_version 7) and about
    /// 1.6 bytes a value coded; the header's filter_radius byte is part of the payload's fixed overhead.
    /// </summary>
    public int OutputFilterBytes(int outputChannels) =>
        OutputFilterRadius == 0 ? 0 : ModelPayloadFormat.CompactRecordLength(1, (int)Math.Ceiling(1.6 * outputChannels * (OutputFilter.TapCount(OutputFilterRadius) + 1)));

    /// <summary>Share of the rate budget the latents are steered to while training (the step search then fits the
    /// network's tensors into what they leave).</summary>
    public double? LatentShare { get; init; }

    /// <summary>A third of the budget (0.35) for context-coded fine grids, a quarter otherwise (experiments/NOTES.md); see also <see cref="ForMotion"/>.</summary>
    internal double DefaultLatentShare => LatentShare ?? (DefaultContextHidden > 0 ? ContextLatentShare : 0.25);

    private const double ContextLatentShare = 0.35;

    /// <summary>
    /// With a motion field the network fits a clip that changes little over time, whose picture the fine latents describe
    /// well: 0.6 of the budget to the latents (a narrower network, whose weights lose less to quantization) gained over
    /// 0.5 on akiyo (+0.34 dB) and foreman (+0.15), 0.5 over 0.35 (akiyo +0.30/+0.42 at two seeds, foreman +0.82), and
    /// 0.7 lost to 0.6 on both (its network quantized too coarsely: −0.91 / −1.50 dB). Without motion a larger share
    /// lost (akiyo 0.45: −0.25 dB; foreman 0.5: −0.22 dB; experiments/NOTES.md).
    /// </summary>
    private const double MotionLatentShare = 0.6;

    /// <summary>These settings for a segment coded with a motion field: <see cref="MotionLatentShare"/> unless a share was asked for.</summary>
    internal EncoderSettings ForMotion() => LatentShare is null && DefaultContextHidden > 0 ? this with { LatentShare = MotionLatentShare } : this;

    /// <summary>Latents' rate λ per unit of target loss under a <see cref="TargetPsnr"/>.</summary>
    public double LatentRatePerLoss { get; init; } = 3.0;

    /// <summary>
    /// Fraction of the training steps used for quantization-aware fine-tuning after the step search. Null = the
    /// preset's: 0.2 for fast (4×4 blocks: +0.2 dB), none for medium and slow, where it moved the 2×2 network's bytes
    /// more than its quality (+0.15 dB for +5 % bytes, experiments/NOTES.md) and the steps are better spent
    /// training.
    /// </summary>
    public double? QuantizationAwareFraction { get; init; }

    internal double DefaultQuantizationAwareFraction => QuantizationAwareFraction ?? (Preset == EncoderPreset.Fast ? 0.2 : 0);

    /// <summary>
    /// Quantization-aware fine-tuning trains only the network: the latents stay the integers the rate was steered to
    /// (their context models are already fixed for the file), so the latents' bytes cannot drift.
    /// </summary>
    public bool FineTuneHoldsLatents { get; init; }

    /// <summary>
    /// Hidden weights are rounded with their rounding errors compensated on the fit's inputs
    /// (<see cref="Quantization.ErrorCompensatingRounding"/>) instead of value by value: slightly better files at equal
    /// bytes on akiyo and foreman (experiments/NOTES.md).
    /// </summary>
    public bool ErrorCompensatedWeights { get; init; } = true;

    /// <summary>λ at the first step as a multiple of its floor (<see cref="Training.TrainerOptions.InitialLatentRateWeight"/>); 1 = start at the floor.</summary>
    public double InitialLatentRateFactor { get; init; } = 1;

    /// <summary>
    /// <see cref="Training.TrainerOptions.MinLatentRateFactor"/>: a quarter. With λ held at its floor the latents of akiyo
    /// at 0.1 bpp stayed at 13 KB of a 23 KB share and the file at 35.5 of its 40.5 KB; letting λ fall (after the bits
    /// target has settled) filled it and gained 0.34 dB. At 0.05 bpp (akiyo) and on foreman at 0.1, whose latents fill
    /// their share at the floor, it changes little or nothing (experiments/NOTES.md).
    /// </summary>
    public double MinLatentRateFactor { get; init; } = 0.25;

    /// <summary>Experiment (not in the format): frames per time cell of a latent grid entering the last level (<see cref="Training.AsmrNetwork"/>'s timeCellFrames); 0 = none.</summary>
    public int TimeLatentFrames { get; init; }

    /// <summary>Channels of that grid.</summary>
    public int TimeLatentRank { get; init; } = 4;

    /// <summary>Experiment (not in the format): channels of a residual grid whose channels, scaled per frame, add to the output (<see cref="Training.AsmrNetwork"/>'s residualRank); 0 = none.</summary>
    public int ResidualLatentRank { get; init; }

    /// <summary>Experiment: the residual grid holds one map value per pixel (the last level's spatial cells) instead of per 2×2-pixel cell.</summary>
    public bool ResidualPerSample { get; init; }

    /// <summary>Experimental, float only (no file can hold it): <see cref="Training.AsmrNetwork.LastLevelAmplitude"/>.</summary>
    public bool LastLevelAmplitude { get; init; }

    /// <summary>Experimental, float only (no file can hold it): <see cref="Training.LatentContextNetwork.TimeInput"/> for every grid's context model.</summary>
    public bool ContextTimeInput { get; init; }

    /// <summary>Experiment: the residual grid's latents are rounded in the forward from the first step (<see cref="Training.AsmrNetwork.ResidualRoundedForward"/>).</summary>
    public bool ResidualRoundedForward { get; init; }

    /// <summary>
    /// Every preset: the latents' bits target starts at twice their share and falls to it over the first third of the
    /// steps. Steered to the share from the first step, the latents outgrew it within a few hundred steps, λ rose
    /// 40-fold and the fit went backwards for a thousand steps; with the falling target λ rises smoothly. At equal
    /// steps and bytes, medium: akiyo +0.49 dB (three seeds; their spread 1.2 → 0.34 dB), foreman +0.08 dB (two);
    /// fast: akiyo +0.28 dB, foreman +0.11 dB (three seeds each) (experiments/NOTES.md).
    /// </summary>
    public double LatentBudgetHeadroom { get; init; } = 1;

    /// <summary><see cref="Training.TrainerOptions.LatentBudgetFallFraction"/>.</summary>
    public double LatentBudgetFallFraction { get; init; } = 1.0 / 3;

    /// <summary>
    /// <see cref="Training.TrainerOptions.SpikeBaselineRise"/>: 3 % per report. Against the lowest loss of the whole run
    /// the guard took the rate's slow pull on the distortion for spikes on easy targets and "restored" early many-bit
    /// parameters, after which λ ran away: a still clip at 0.05 bpp went from 6 spikes and 37.57 dB Y to none and
    /// 39.57 dB; runs without spikes are unchanged (experiments/NOTES.md).
    /// </summary>
    public double SpikeBaselineRise { get; init; } = 0.03;

    /// <summary><see cref="Training.TrainerOptions.RateEvery"/>; null = the preset's (<see cref="DefaultRateEvery"/>).</summary>
    public int? RateEvery { get; init; }

    /// <summary>
    /// With a context model (medium, slow) the latents' rate is most of a sampled step's time: entering every other
    /// step it buys 10900 steps in the time of 7300, +0.38 dB on akiyo (three seeds) and +0.21 dB on foreman (two) at
    /// equal bytes; every third or fifth step lost (experiments/NOTES.md). Fast's factorised rate costs little.
    /// </summary>
    internal int DefaultRateEvery => RateEvery ?? (Preset == EncoderPreset.Fast ? 1 : 2);

    /// <summary><see cref="Training.TrainerOptions.LastLevelCellFraction"/>; null = the preset's.</summary>
    public double? LastLevelCellFraction { get; init; }

    /// <summary>
    /// A step on a quarter of the cells (2×2 blocks) costs about 0.68 of a step on all of them and teaches a little
    /// less: 7300 such steps took the time of 5000 whole steps and fitted slightly better (akiyo +0.05 dB,
    /// foreman +0.12 dB at equal bytes). The fast preset's 4×4 blocks have four times fewer cells: half of them over
    /// 1600 steps gained 0.2–0.3 dB at equal time, a quarter stalled (experiments/NOTES.md).
    /// </summary>
    internal double DefaultLastLevelCellFraction => LastLevelCellFraction ?? (Preset == EncoderPreset.Fast ? 0.5 : 0.25);

    /// <summary>
    /// 2×2 blocks fit akiyo CIF about 1 dB better than 4×4 at equal bytes and equal training time, but a step costs
    /// 2.2× as much, so the fast preset, which stops early, keeps 4×4 (experiments/NOTES.md).
    /// </summary>
    internal int DefaultLastSpatialBase => LastSpatialBase ?? (Preset == EncoderPreset.Fast ? 4 : 2);

    internal int DefaultSteps => Preset switch
    {
        EncoderPreset.Fast => 1600,
        EncoderPreset.Slow => 21800,
        _ => 10900,
    };
}
