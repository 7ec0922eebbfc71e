namespace Asmr.Conformance.Tests.Reference;

/// <summary>A parsed model payload (spec §10.1): header fields and the tensors in stored order.</summary>
internal sealed record SpecModel(int FirstFrame, int FrameCount, int L, int O, int H, int[][] B, int[] ModulationKind, IReadOnlyList<SpecTensor> Tensors)
{
    /// <summary>β_l = B[t][l]·B[y][l]·B[x][l].</summary>
    public int Beta(int l) => B[0][l] * B[1][l] * B[2][l];

    public SpecTensor Find(int role, int level) => Tensors.Single(t => t.Role == role && t.Level == level);
}
