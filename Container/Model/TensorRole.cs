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

    /// <summary>Projection of a latent grid (model_version 2): k × H, phase units per latent unit.</summary>
    GridProjection = 6,

    /// <summary>One channel of a latent grid's integers (model_version 2): 1 × cells, multiplier 1.</summary>
    GridLatents = 7,
}
