using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Asmr.Benchmarks.RateDistortion;
using Asmr.Benchmarks.Tests.Support;

namespace Asmr.Benchmarks.Tests.RateDistortion;

/// <summary>
/// Runs the whole <c>rd --quick</c> pipeline (ffmpeg anchors, the real asmrc CLI, metrics, BD-rate, report, plot) to
/// prove the benchmark works. It checks that the results are plausible, never how good asmrc is.
/// </summary>
public partial class RdQuickRunTests
{
    [Fact]
    public void QuickRun_WritesReportAndPlotWithPlausibleNumbers()
    {
        string output = Directory.CreateTempSubdirectory("asmrc-rd-test-").FullName;
        try
        {
            var options = RdOptions.Parse(["--quick", "--out", output], Repository.Paths);
            using var log = new StringWriter(CultureInfo.InvariantCulture);

            var (report, folder) = RdRunner.Execute(options, Repository.Paths, "rd --quick (test)", log);

            Assert.Equal(output, folder);
            var clip = Assert.Single(report.Clips);
            Assert.Equal((176, 144, 8), (clip.Width, clip.Height, clip.Frames));
            double pixels = 176.0 * 144 * 8;
            foreach (var p in clip.Points)
            {
                Assert.True(p.Bytes > 0, $"{p.Series} {p.RateParameter}: empty file");
                Assert.Equal(8.0 * p.Bytes / pixels, p.Bpp, precision: 12);
                Assert.InRange(p.PsnrRgb, 10, 60);
                Assert.InRange(p.PsnrY, 10, 60);
                Assert.InRange(p.Ssim, 0, 1);
                Assert.True(p.EncodeSeconds > 0 && (p.DecodeFps > 0 || p.Codec == MeanFrameAnchor.Codec), $"{p.Series} {p.RateParameter}: no timing");
            }

            // Every x264 curve gets worse and smaller as the CRF rises.
            var x264 = clip.Points.Where(p => p.Codec == "x264").OrderBy(p => p.Crf).ToList();
            Assert.Equal(options.Crfs.Count, x264.Count);
            for (int i = 1; i < x264.Count; i++)
            {
                Assert.True(x264[i].PsnrY < x264[i - 1].PsnrY, $"x264 PSNR not falling with CRF: {x264[i - 1].RateParameter} {x264[i - 1].PsnrY:0.00}, {x264[i].RateParameter} {x264[i].PsnrY:0.00}");
                Assert.True(x264[i].Bytes < x264[i - 1].Bytes, "x264 size not falling with CRF");
            }

            // Both asmrc points are there, read back with their architecture.
            var asmrc = clip.Points.Where(p => p.Codec == "asmrc").ToList();
            Assert.Equal(2, asmrc.Count);
            Assert.All(asmrc, p => Assert.True(p.MacsPerPixel > 0 && p.SirenMacsPerPixel > 0, "MAC/px missing"));
            // Not a flat picture: a training that collapsed at the start once gave the 0.2 bpp point 14.5 dB.
            Assert.All(asmrc, p => Assert.True(p.PsnrRgb > 18, $"{p.Series} {p.RateParameter}: {p.PsnrRgb:0.00} dB, a collapsed fit"));

            // The mean frame, coded at every CRF, never beats its uncoded self; each asmrc point is compared with it.
            var mean = clip.Points.Where(p => p.Codec == MeanFrameAnchor.Codec).ToList();
            Assert.Equal(MeanFrameAnchor.ExtraCrfs.Count + options.Crfs.Count, mean.Count);
            Assert.All(mean, p => Assert.True(p.PsnrRgb <= clip.UncodedMeanPsnrRgb + 0.01, $"mean frame {p.RateParameter}: {p.PsnrRgb:0.00} dB above the uncoded {clip.UncodedMeanPsnrRgb:0.00}"));
            Assert.Equal(asmrc.Select(p => p.Bytes), clip.AgainstMeanFrame.Select(c => c.Point.Bytes));
            Assert.Contains("beats the mean frame", File.ReadAllText(Path.Combine(output, "BENCHMARKS.md")), StringComparison.Ordinal);

            // A BD-rate row for every asmrc curve against every anchor curve that ran (not the mean frame): a number or an explicit n/a.
            Assert.Equal(clip.Points.Where(p => p.Codec is "x264" or "x265").Select(p => p.Series).Distinct().Count(), clip.BdRates.Count);
            Assert.All(clip.BdRates, row => Assert.True(row.Rgb.Percent is not null || row.Rgb.Format().StartsWith("n/a (", StringComparison.Ordinal)));

            string md = File.ReadAllText(Path.Combine(output, "BENCHMARKS.md"));
            Assert.Contains("## akiyo_176x144: 8 frames, 176x144", md, StringComparison.Ordinal);
            Assert.Contains("](rd-akiyo_176x144.svg)", md, StringComparison.Ordinal);
            Assert.Equal(clip.Points.Count, PointRow().Count(md));
            Assert.Contains("asmrc encode src.y4m", md, StringComparison.Ordinal);

            var svg = XDocument.Load(Path.Combine(output, "rd-akiyo_176x144.svg"));
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(clip.Points.Select(p => p.Series).Distinct().Count(), svg.Descendants(ns + "polyline").Count());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>A row of a point table: codec, preset, rate parameter, then a byte count.</summary>
    [GeneratedRegex(@"^\| (asmrc|x264|x265|mean frame) \| [\w ]+ \| [^|]+ \| [0-9,]+ \|", RegexOptions.Multiline)]
    private static partial Regex PointRow();
}
