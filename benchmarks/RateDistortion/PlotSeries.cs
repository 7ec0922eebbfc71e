namespace Asmr.Benchmarks.RateDistortion;

/// <summary>One curve of a plot: its legend name and its (x, y) points, drawn in the given order.</summary>
internal sealed record PlotSeries(string Name, IReadOnlyList<(double X, double Y)> Points);
