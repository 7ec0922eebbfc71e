using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>A test network's shape (with optional latent grids, model_version 2) plus the sequence it decodes to.</summary>
internal sealed record ModelConfig(
    int[][] Bases,
    int Width,
    ModulationKind[] Kinds,
    ChromaFormat Chroma,
    int BitDepth,
    int PictureWidth,
    int PictureHeight,
    int FrameCount,
    LatentGrid[]? Grids = null)
{
    public int Levels => Bases[0].Length;

    public int Channels => Chroma == ChromaFormat.Mono400 ? 1 : 3;

    public int GridSize(int axis) => Bases[axis].Aggregate(1, (a, b) => a * b);

    public ModelArchitecture Architecture() => new(Bases, Width, Channels, Kinds, Grids);

    /// <summary>C[axis][level] = Π_{k≤level} B[axis][k].</summary>
    public int CumulativeSize(int axis, int level) => Bases[axis].Take(level + 1).Aggregate(1, (a, b) => a * b);

    public override string ToString() =>
        $"L={Levels} H={Width} t=[{string.Join(',', Bases[0])}] y=[{string.Join(',', Bases[1])}] x=[{string.Join(',', Bases[2])}] " +
        $"mod=[{string.Join(',', Kinds.Select(k => k == ModulationKind.Linear ? 'L' : 'T'))}] {Chroma} D={BitDepth} " +
        $"{PictureWidth}x{PictureHeight}x{FrameCount}" +
        (Grids is { Length: > 0 } ? $" grids=[{string.Join(',', Grids.Select(g => $"g{g.Level}k{g.Rank}τ{g.TemporalCells}"))}]" : "");
}
