namespace Asmr.Codec.Training;

/// <summary>How <see cref="Trainer"/> fits a network.</summary>
internal sealed record TrainerOptions
{
    /// <summary>The learning rate the encoder trains with unless told otherwise.</summary>
    public const double DefaultLearningRate = 1e-2;

    /// <summary>Modulation tables' learning rate as a multiple of the weights'.</summary>
    public const double ModulationRateFactor = 6;

    /// <summary>Optimiser steps.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Adam learning rate of hidden weights, biases and output layer.</summary>
    public double LearningRate { get; init; } = DefaultLearningRate;

    /// <summary>Adam learning rate of modulation tables / linear modulators: tables move faster than weights.</summary>
    public double ModulationLearningRate { get; init; } = DefaultLearningRate * ModulationRateFactor;

    /// <summary>Adam learning rate of the latent grids' latents.</summary>
    public double LatentLearningRate { get; init; } = 3e-2;

    /// <summary>
    /// λ of the latents' rate term: the loss adds λ × (estimated latent bits per luma sample of the segment). With
    /// <see cref="LatentBudgetBits"/> set this is the smallest value; λ rises while the latents are over that budget.
    /// </summary>
    public double LatentRateWeight { get; init; } = 4e-3;

    /// <summary>
    /// λ at the first step (null: <see cref="LatentRateWeight"/>), for a fit steered to <see cref="LatentBudgetBits"/>:
    /// the latents' bits answer λ hundreds of steps late, so starting near the λ a fit settles at spares the overshoot.
    /// </summary>
    public double? InitialLatentRateWeight { get; init; }

    /// <summary>When set, λ is raised (never lowered below <see cref="LatentRateWeight"/>) while the latents' estimated bits exceed this budget.</summary>
    public double? LatentBudgetBits { get; init; }

    /// <summary>
    /// Once the bits target has reached <see cref="LatentBudgetBits"/> (after the headroom's fall), λ may also fall, to
    /// this multiple of <see cref="LatentRateWeight"/>, while the latents stay under their budget (1 = λ never falls
    /// below its floor). At high rates the floor prices latents so dearly that they never reach their share.
    /// </summary>
    public double MinLatentRateFactor { get; init; } = 1;

    /// <summary>The smallest λ the controller may set at <paramref name="step"/> (<see cref="MinLatentRateFactor"/>).</summary>
    public double LatentRateFloorAt(int step) =>
        step >= LatentBudgetFallFraction * Steps ? LatentRateWeight * MinLatentRateFactor : LatentRateWeight;

    /// <summary>
    /// Experiment: the latents' bits target starts at (1 + this) × <see cref="LatentBudgetBits"/> and falls linearly to
    /// the budget over the first <see cref="LatentBudgetFallFraction"/> of the steps (0 = the budget throughout), so
    /// that λ rises gradually as the target falls instead of chasing latents that grew faster than it could price them.
    /// </summary>
    public double LatentBudgetHeadroom { get; init; }

    /// <summary>The fraction of the steps over which the bits target falls to the budget (<see cref="LatentBudgetHeadroom"/>).</summary>
    public double LatentBudgetFallFraction { get; init; } = 1.0 / 3;

    /// <summary>The latents' bits target at <paramref name="step"/>: <see cref="LatentBudgetBits"/> with the headroom of the early steps.</summary>
    public double? LatentBudgetAt(int step)
    {
        if (LatentBudgetBits is not { } budget)
        {
            return null;
        }

        double fall = Math.Max(1, LatentBudgetFallFraction * Steps);
        return budget * (1 + (LatentBudgetHeadroom * Math.Max(0, 1 - (step / fall))));
    }

    /// <summary>Train latents with additive U(−½, ½) noise (the usual proxy for rounding); off for fine-tuning.</summary>
    public bool LatentNoise { get; init; } = true;

    /// <summary>
    /// Final fraction of the steps in which the latents are rounded with straight-through gradients instead of
    /// noised, so that the fit ends on the integers the file stores (0 = noise to the end, then rounding once).
    /// </summary>
    public double LatentRoundingFraction { get; init; }

    /// <summary>
    /// Soft-rounding temperatures at the start and the end of the noise phase (linear between them): the noised
    /// latents are sr(sr(z, T) + u, T), which moves the forward gradually from noise towards the rounded values the
    /// straight-through phase and the file use. Null: plain additive noise.
    /// </summary>
    public (double Start, double End)? LatentSoftRounding { get; init; }

    /// <summary>
    /// How hard λ follows <see cref="LatentBudgetBits"/>: per report λ is multiplied by (bits / budget)^gain, the ratio
    /// clamped to [0.7, 1.4]. The latents' bits answer λ hundreds of steps late, so a high gain overshoots.
    /// </summary>
    public double LatentSteeringGain { get; init; } = 1;

    /// <summary>
    /// A reported loss this many times the best so far counts as a spike: training returns to the parameters of the
    /// best report, starts Adam afresh and warms up again to a lower rate (<see cref="SpikeRateFactor"/>,
    /// <see cref="SpikeRecoverySteps"/>). 0 turns the guard off.
    /// </summary>
    public double SpikeFactor { get; init; } = 1.5;

    /// <summary>
    /// The loss a spike is measured against may rise by this fraction per report (the best loss so far, raised at each
    /// report, or a lower report): as the bits target falls the rate pulls the distortion up for thousands of steps,
    /// which is no spike. 0 compares with the best loss of the whole run.
    /// </summary>
    public double SpikeBaselineRise { get; init; }

    /// <summary>
    /// After a spike the learning rate climbs geometrically from <see cref="SpikeRestartScale"/> of its new ceiling to
    /// the ceiling over this many steps; 0 goes straight to the ceiling.
    /// </summary>
    public int SpikeRecoverySteps { get; init; } = 200;

    /// <summary>After a spike the learning rate's ceiling is multiplied by this.</summary>
    public double SpikeRateFactor { get; init; } = 0.5;

    /// <summary>With <see cref="SpikeRecoverySteps"/>: the fraction of the ceiling the warm-up after a spike starts from.</summary>
    public double SpikeRestartScale { get; init; } = 0.1;

    /// <summary>
    /// Stall check: at the first report from step max(100, 5 % of the steps), a loss still above this fraction of
    /// the best constant picture's loss (and above 1e-3), or at the first from step max(200, 10 % of the steps) one
    /// above half of it, means the network collapsed at the start (some seeds do at a high learning rate, and never
    /// leave); training then stops with <see cref="TrainingReport.Stalled"/> so the caller can start again from another
    /// initialisation. 0 turns the check off.
    /// </summary>
    public double StallLossFraction { get; init; } = 0.5;

    /// <summary>Fraction of steps with a linear warm-up.</summary>
    public double WarmupFraction { get; init; } = 0.02;

    /// <summary>Final learning rate as a fraction of the initial one (cosine decay).</summary>
    public double FinalLearningRateFraction { get; init; } = 0.02;

    /// <summary>Loss weight per output channel (Y/Cb/Cr); null = weights that approximate RGB MSE for BT.601.</summary>
    public IReadOnlyList<double>? ChannelWeights { get; init; }

    public int Threads { get; init; } = 2;

    /// <summary>Stop as soon as a reported training loss is at or below this (a quality target); null = run all steps.</summary>
    public double? StopLoss { get; init; }

    /// <summary>With <see cref="StopLoss"/>: stop only once the measured PSNR (<see cref="Trainer.MeasuredPsnr"/>) also reaches this.</summary>
    public double? StopPsnr { get; init; }

    /// <summary>Report progress every this many steps.</summary>
    public int ReportEvery { get; init; } = 50;

    /// <summary>
    /// Elements of the last level's input [cells, H] a training step holds at once, at most: a segment with more runs
    /// the last level in blocks of cells, each block's backward before the next block's forward. The activations of
    /// the last level dominate a large segment's memory; CIF segments fit in one block, so their steps compute exactly
    /// as a single pass, and a 1080p segment of 32 frames takes four.
    /// </summary>
    public long LastLevelChunkElements { get; init; } = 1L << 25;

    /// <summary>
    /// Fraction of the last level's parent cells whose pixels a training step fits (drawn afresh each step, seeded by
    /// <see cref="CellSampleSeed"/>); 1 = every cell. The last level is most of a step's time, and neighbouring frames
    /// say much the same, so a step on part of the cells costs less and teaches almost as much.
    /// </summary>
    public double LastLevelCellFraction { get; init; } = 1.0;

    /// <summary>
    /// With <see cref="LastLevelCellFraction"/> below 1, a step still fits at least this many cells (all of a smaller
    /// segment): on a few hundred cells the sampled steps made a QCIF fit collapse at its start from every seed tried.
    /// </summary>
    public int MinSampledCells { get; init; } = 4096;

    /// <summary>Seed of the cells drawn for <see cref="LastLevelCellFraction"/> (the same seed gives the same file).</summary>
    public long CellSampleSeed { get; init; }

    /// <summary>
    /// The latents' rate enters every this many steps, weighted by it (the same rate on average): with a quarter of
    /// the cells the rate over every latent is most of a step's time, and it changes slowly. 1 = every step.
    /// </summary>
    public int RateEvery { get; init; } = 1;
}
