using System.Xml.Linq;
using Asmr.Benchmarks.RateDistortion;

namespace Asmr.Benchmarks.Tests.RateDistortion;

public class SvgPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_TwoSeries_IsWellFormedSvgWithOneLinePerSeriesAndALegend()
    {
        PlotSeries[] series =
        [
            new("asmrc fast", [(0.025, 22.1), (0.05, 24.0), (0.1, 25.2)]),
            new("x264 medium", [(0.03, 28.0), (0.2, 35.5), (1.6, 44.0)]),
        ];

        var doc = XDocument.Parse(SvgPlot.Render("akiyo <32 frames>", "bpp", "RGB PSNR (dB)", series));

        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal(2, doc.Descendants(Svg + "polyline").Count());
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("akiyo <32 frames>", texts);
        Assert.Contains("asmrc fast", texts);
        Assert.Contains("x264 medium", texts);
        Assert.Contains("RGB PSNR (dB)", texts);

        // Six data markers plus one legend marker per series.
        Assert.Equal(3 + 1, doc.Descendants(Svg + "circle").Count());
        Assert.Equal(3 + 1, doc.Descendants(Svg + "rect").Count(r => r.Attribute("width")?.Value == "8"));
    }

    [Fact]
    public void Render_PointsLieInsideThePlotArea()
    {
        PlotSeries[] series = [new("x", [(0.013, 21.7), (0.9, 47.2)])];

        var doc = XDocument.Parse(SvgPlot.Render("t", "bpp", "dB", series));

        var frame = doc.Descendants(Svg + "rect").Single(r => r.Attribute("fill")?.Value == "none");
        double left = double.Parse(frame.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        double top = double.Parse(frame.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        double right = left + double.Parse(frame.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        double bottom = top + double.Parse(frame.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var c in doc.Descendants(Svg + "circle").Take(2))
        {
            double cx = double.Parse(c.Attribute("cx")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            double cy = double.Parse(c.Attribute("cy")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(cx, left, right);
            Assert.InRange(cy, top, bottom);
        }
    }

    [Fact]
    public void LogTicks_CoverTheRangeWithOneTwoFiveSteps()
    {
        var (min, max, ticks) = SvgPlot.LogTicks(0.013, 0.9);

        Assert.Equal(0.01, min, precision: 12);
        Assert.Equal(1.0, max, precision: 12);
        Assert.Equal([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0], ticks.Select(t => Math.Round(t, 12)));
    }

    [Fact]
    public void LinearTicks_EndOnTicksAroundTheData()
    {
        var (min, max, ticks) = SvgPlot.LinearTicks(21.7, 47.2);

        Assert.Equal(20, min, precision: 12);
        Assert.Equal(50, max, precision: 12);
        Assert.Equal([20.0, 25.0, 30.0, 35.0, 40.0, 45.0, 50.0], ticks);
    }

    [Fact]
    public void Render_NoDrawablePoint_Throws()
    {
        Assert.Throws<ArgumentException>(() => SvgPlot.Render("t", "x", "y", [new PlotSeries("s", [(0.0, 30.0)])]));
    }
}
