namespace Asmr.Container.Model;

/// <summary>How a level's modulation pattern P_l (β_l × H phases) is obtained. Spec §10.</summary>
public enum ModulationKind : byte
{
    /// <summary>The paper's linear modulator: P_l[δ][r] = μ · Σ_a M[r][a] · digit_a (tensor H × 3).</summary>
    Linear = 0,

    /// <summary>A learned table with one H-vector per local digit tuple: P_l[δ][r] = μ · T[δ][r] (tensor β_l × H).</summary>
    Table = 1,
}
