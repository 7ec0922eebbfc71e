namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// A parsed model payload (spec §10.1): header fields, the latent grid descriptors (model_version 2 to 6; empty for
/// model_version 1), the tensors in stored order, the motion field (model_version 4, and 5 and 6 with
/// motion_block_log2 ≠ 0; else null) and the output filter (model_version 6; else null).
/// </summary>
internal sealed record SpecModel(
    int FirstFrame, int FrameCount, int L, int O, int H, int[][] B, int[] ModulationKind, IReadOnlyList<SpecTensor> Tensors, IReadOnlyList<SpecGrid>? Grids = null,
    SpecMotion? Motion = null, SpecOutputFilter? Filter = null)
{
    /// <summary>The latent grids in descriptor order (none in a model_version 1 payload).</summary>
    public IReadOnlyList<SpecGrid> GridList => Grids ?? [];

    /// <summary>β_l = B[t][l]·B[y][l]·B[x][l].</summary>
    public int Beta(int l) => B[0][l] * B[1][l] * B[2][l];

    /// <summary>§11.1: C[a][l] = Π_{k≤l} B[a][k].</summary>
    public long C(int a, int l)
    {
        long c = 1;
        for (int k = 0; k <= l; k++)
        {
            c *= B[a][k];
        }

        return c;
    }

    public SpecTensor Find(int role, int level) => Tensors.Single(t => t.Role == role && t.Level == level);

    /// <summary>Every tensor of a role and level, in stored order (the k latent tensors of a grid).</summary>
    public IReadOnlyList<SpecTensor> FindAll(int role, int level) => [.. Tensors.Where(t => t.Role == role && t.Level == level)];
}
