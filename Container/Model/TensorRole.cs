namespace Asmr.Container.Model;

/// <summary>What a quantized tensor is in the network. Spec §10.3 gives the order tensors appear in.</summary>
public enum TensorRole : byte
{
    /// <summary>Modulation parameters of a level (shape depends on <see cref="ModulationKind"/>); phase units.</summary>
    Modulation = 1,

    /// <summary>Phase bias of a level: 1 × H. Present for level 0 and for levels 2..L-1.</summary>
    Bias = 2,

    /// <summary>Hidden weight matrix of a level l ≥ 2: H × H (row = output unit). Phase units per Q14 activation.</summary>
    Weight = 3,

    /// <summary>Output weights: O × H, in units of 2^-28 of full scale per unit activation.</summary>
    OutputWeight = 4,

    /// <summary>Output bias: 1 × O, in units of 2^-28 of full scale.</summary>
    OutputBias = 5,

    /// <summary>Projection of a latent grid (model_version 2 and 3): k × H, phase units per latent unit.</summary>
    GridProjection = 6,

    /// <summary>
    /// A latent grid's integers, multiplier 1: one channel, 1 × cells (model_version 2), or the whole grid, cells × k
    /// and context-coded (model_version 3).
    /// </summary>
    GridLatents = 7,

    /// <summary>A grid's context model, first-layer weights: hidden × 6 (model_version 3), Q8 integers, multiplier 1.</summary>
    ContextWeight = 8,

    /// <summary>A grid's context model, first-layer biases: 1 × hidden (model_version 3), Q8, multiplier 1.</summary>
    ContextBias = 9,

    /// <summary>A grid's context model, second-layer weights: 2 × hidden (mean, log-scale; model_version 3), Q8, multiplier 1.</summary>
    ContextOutputWeight = 10,

    /// <summary>A grid's context model, output biases per latent channel: k × 2 (model_version 3), Q8, multiplier 1.</summary>
    ContextChannelBias = 11,

    /// <summary>
    /// The segment's motion field (model_version 4): frame_count·BY·BX × 2, the (y, x) vector of every block of every
    /// frame in quarter luma samples, each stored as its difference to the same block's vector in the frame before
    /// (§10.8); multiplier 1, coding 0 or 1.
    /// </summary>
    MotionVectors = 12,

    /// <summary>
    /// The segment's output filter (model_version 6): O × (T + 1), per plane the coefficients of the T taps of a
    /// diamond of radius R, then an offset, in units of 2^−12 (§10.9, §11.9); multiplier 1, coding 0 or 1.
    /// </summary>
    OutputFilter = 13,
}
