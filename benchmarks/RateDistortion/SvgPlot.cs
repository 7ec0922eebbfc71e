using System.Globalization;
using System.Security;
using System.Text;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// A hand-written SVG line chart (no packages): logarithmic x axis (bpp spans two orders of magnitude between the
/// anchors' CRF 18 and asmrc's low rates), linear y axis, one polyline with markers per series, ticks, grid, axis
/// labels, title and legend. Plain SVG 1.1 with inline attributes, so browsers and GitHub's image view render it alike.
/// </summary>
internal static class SvgPlot
{
    private const int Width = 800;
    private const int Height = 520;
    private const int Left = 70;
    private const int Right = 200;
    private const int Top = 50;
    private const int Bottom = 60;

    /// <summary>Mantissas of the 1-2-5 tick sequence.</summary>
    private static readonly double[] Mantissas = [1.0, 2.0, 5.0];

    /// <summary>Candidate linear tick steps, as multiples of a power of ten.</summary>
    private static readonly double[] Steps = [1.0, 2.0, 5.0, 10.0];

    private static readonly string[] Colors = ["#d62728", "#ff7f0e", "#1f77b4", "#17becf", "#2ca02c", "#98df8a", "#9467bd", "#8c564b"];

    /// <summary>The SVG document.</summary>
    /// <param name="title">Title line.</param>
    /// <param name="xLabel">x axis label (the axis is logarithmic).</param>
    /// <param name="yLabel">y axis label.</param>
    /// <param name="series">Curves; points with x ≤ 0 or non-finite values are left out.</param>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<PlotSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var all = series.SelectMany(s => s.Points).Where(Drawable).ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException("Nothing to plot: no series has a drawable point.", nameof(series));
        }

        var (xMin, xMax, xTicks) = LogTicks(all.Min(p => p.X), all.Max(p => p.X));
        var (yMin, yMax, yTicks) = LinearTicks(all.Min(p => p.Y), all.Max(p => p.Y));
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double x) => Left + (plotW * (Math.Log10(x) - Math.Log10(xMin)) / (Math.Log10(xMax) - Math.Log10(xMin)));
        double Y(double y) => Top + plotH - (plotH * (y - yMin) / (yMax - yMin));

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">{Escape(title)}</text>\n"));

        // Grid, ticks and tick labels.
        foreach (double t in xTicks)
        {
            double x = X(t);
            svg.Append(Invariant($"<line x1=\"{x:0.0}\" y1=\"{Top}\" x2=\"{x:0.0}\" y2=\"{Top + plotH:0.0}\" stroke=\"#e0e0e0\"/>\n"));
            svg.Append(Invariant($"<text x=\"{x:0.0}\" y=\"{Top + plotH + 18:0.0}\" text-anchor=\"middle\">{FormatTick(t)}</text>\n"));
        }

        foreach (double t in yTicks)
        {
            double y = Y(t);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:0.0}\" x2=\"{Left + plotW:0.0}\" y2=\"{y:0.0}\" stroke=\"#e0e0e0\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{y + 4:0.0}\" text-anchor=\"end\">{FormatTick(t)}</text>\n"));
        }

        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW:0.0}\" height=\"{plotH:0.0}\" fill=\"none\" stroke=\"#000000\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Left + (plotW / 2):0.0}\" y=\"{Height - 18}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n"));
        svg.Append(Invariant($"<text x=\"18\" y=\"{Top + (plotH / 2):0.0}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {Top + (plotH / 2):0.0})\">{Escape(yLabel)}</text>\n"));

        // Curves, markers and the legend (right of the plot).
        for (int i = 0; i < series.Count; i++)
        {
            string color = Colors[i % Colors.Length];
            var points = series[i].Points.Where(Drawable).Select(p => (X: X(p.X), Y: Y(p.Y))).ToList();
            svg.Append(Invariant($"<g stroke=\"{color}\" fill=\"{color}\">\n"));
            if (points.Count > 1)
            {
                string path = string.Join(' ', points.Select(p => Invariant($"{p.X:0.0},{p.Y:0.0}")));
                svg.Append(Invariant($"<polyline points=\"{path}\" fill=\"none\" stroke-width=\"2\"/>\n"));
            }

            foreach (var (x, y) in points)
            {
                svg.Append(Marker(i, x, y));
            }

            svg.Append("</g>\n");
            double ly = Top + 10 + (i * 22);
            double lx = Left + plotW + 16;
            svg.Append(Invariant($"<g stroke=\"{color}\" fill=\"{color}\"><line x1=\"{lx:0.0}\" y1=\"{ly:0.0}\" x2=\"{lx + 28:0.0}\" y2=\"{ly:0.0}\" stroke-width=\"2\"/>{Marker(i, lx + 14, ly).TrimEnd()}</g>\n"));
            svg.Append(Invariant($"<text x=\"{lx + 36:0.0}\" y=\"{ly + 4:0.0}\">{Escape(series[i].Name)}</text>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Ticks at 1, 2 and 5 × 10^k covering [min, max]; the axis ends on ticks.</summary>
    internal static (double Min, double Max, IReadOnlyList<double> Ticks) LogTicks(double min, double max)
    {
        var candidates = new List<double>();
        for (int k = (int)Math.Floor(Math.Log10(min)) - 1; k <= (int)Math.Ceiling(Math.Log10(max)) + 1; k++)
        {
            foreach (double m in Mantissas)
            {
                candidates.Add(m * Math.Pow(10, k));
            }
        }

        double low = candidates.Where(c => c <= min * (1 + 1e-9)).Max();
        double high = candidates.Where(c => c >= max * (1 - 1e-9)).Min();
        if (high <= low)
        {
            high = candidates.First(c => c > low);
        }

        return (low, high, [.. candidates.Where(c => c >= low * (1 - 1e-9) && c <= high * (1 + 1e-9))]);
    }

    /// <summary>About 5–10 ticks at a step of 1, 2 or 5 × 10^k; the axis ends on ticks.</summary>
    internal static (double Min, double Max, IReadOnlyList<double> Ticks) LinearTicks(double min, double max)
    {
        if (max - min < 1e-9)
        {
            min -= 1;
            max += 1;
        }

        double raw = (max - min) / 6;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = Steps.Select(m => m * magnitude).First(s => s >= raw);
        double low = Math.Floor(min / step) * step;
        double high = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (double t = low; t <= high + (step / 2); t += step)
        {
            ticks.Add(Math.Round(t / step) * step);
        }

        return (low, high, ticks);
    }

    private static bool Drawable((double X, double Y) p) => p.X > 0 && double.IsFinite(p.X) && double.IsFinite(p.Y);

    /// <summary>Circle, square, triangle, diamond, … by series index.</summary>
    private static string Marker(int index, double x, double y) => (index % 4) switch
    {
        0 => Invariant($"<circle cx=\"{x:0.0}\" cy=\"{y:0.0}\" r=\"4.5\"/>\n"),
        1 => Invariant($"<rect x=\"{x - 4:0.0}\" y=\"{y - 4:0.0}\" width=\"8\" height=\"8\"/>\n"),
        2 => Invariant($"<polygon points=\"{x:0.0},{y - 5.5:0.0} {x + 5:0.0},{y + 4:0.0} {x - 5:0.0},{y + 4:0.0}\"/>\n"),
        _ => Invariant($"<polygon points=\"{x:0.0},{y - 5.5:0.0} {x + 5.5:0.0},{y:0.0} {x:0.0},{y + 5.5:0.0} {x - 5.5:0.0},{y:0.0}\"/>\n"),
    };

    private static string FormatTick(double t) => t.ToString(t >= 1 ? "0.##" : "0.####", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
