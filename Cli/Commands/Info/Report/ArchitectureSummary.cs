using Asmr.Container.Model;

namespace Asmr.Cli.Commands.Info.Report;

/// <summary>A segment network's shape and cost.</summary>
/// <param name="Bases">Bases per axis ("t", "y", "x"), one per level.</param>
/// <param name="Modulation">Modulation kind per level ("linear" or "table").</param>
/// <param name="MacsPerPixel">Multiply-accumulates per output pixel with shared activations.</param>
/// <param name="SirenMacsPerPixel">The same for a plain SIREN of the same depth and width.</param>
/// <param name="Grids">Latent grids (format 2), in level order; empty for a format 1 model.</param>
/// <param name="Latents">Latent integers of all grids.</param>
/// <param name="MotionBlockSize">The motion field's block size in luma samples (format 4), or 0 without one.</param>
/// <param name="FilterRadius">The output filter's radius (format 6), or 0 without one.</param>
internal sealed record ArchitectureSummary(
    int Levels,
    IReadOnlyDictionary<string, IReadOnlyList<int>> Bases,
    int Width,
    int OutputChannels,
    IReadOnlyList<string> Modulation,
    long Parameters,
    double MacsPerPixel,
    double SirenMacsPerPixel,
    IReadOnlyList<LatentGrid> Grids,
    long Latents,
    int MotionBlockSize = 0,
    int FilterRadius = 0)
{
    /// <summary>The axis keys, in format order.</summary>
    public static IReadOnlyList<string> AxisNames { get; } = ["t", "y", "x"];

    public static ArchitectureSummary From(ModelArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var bases = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (Axis axis in new[] { Axis.T, Axis.Y, Axis.X })
        {
            bases[AxisNames[(int)axis]] = [.. Enumerable.Range(0, architecture.Levels).Select(l => architecture.Base(axis, l))];
        }

        return new ArchitectureSummary(
            architecture.Levels,
            bases,
            architecture.Width,
            architecture.OutputChannels,
            [.. Enumerable.Range(0, architecture.Levels).Select(l => InfoNames.Modulation(architecture.Modulation(l)))],
            architecture.ParameterCount(),
            architecture.MacsPerSample(),
            architecture.SirenMacsPerSample(),
            architecture.Grids,
            architecture.LatentCount(),
            architecture.MotionBlockLog2 == 0 ? 0 : 1 << architecture.MotionBlockLog2,
            architecture.FilterRadius);
    }
}
