using Asmr.Media.IO;
using Asmr.Media.Metrics;
using Asmr.Media.Tests.IO;
using Xunit.Abstractions;

namespace Asmr.Media.Tests.Metrics;

public sealed class QualityMetricsFfmpegTests(FfmpegMetricsFixture fixture, ITestOutputHelper output) : IClassFixture<FfmpegMetricsFixture>
{
    private SequenceQuality Compare()
    {
        using var reference = Y4mReader.Open(fixture.Reference);
        using var test = Y4mReader.Open(fixture.Decoded);
        return QualityMetrics.Compare(reference, test);
    }

    [Fact]
    public void Compare_AkiyoVsX264Crf35_SequencePsnrPerPlaneMatchesFfmpegWithin001dB()
    {
        SequenceQuality q = Compare();

        Assert.Equal(10, q.FrameCount);
        output.WriteLine($"ours y/u/v {q.PlanePsnr[0]:F6} {q.PlanePsnr[1]:F6} {q.PlanePsnr[2]:F6}; ffmpeg {fixture.SummaryPsnr[0]:F6} {fixture.SummaryPsnr[1]:F6} {fixture.SummaryPsnr[2]:F6}");
        for (int p = 0; p < 3; p++)
        {
            Assert.InRange(q.PlanePsnr[p] - fixture.SummaryPsnr[p], -0.01, 0.01);
        }

        Assert.InRange(q.PsnrY, 25, 45); // a real, lossy comparison, not a trivial one
    }

    [Fact]
    public void Compare_AkiyoVsX264Crf35_FramePsnrAndMsePerPlaneMatchFfmpeg()
    {
        SequenceQuality q = Compare();

        Assert.Equal(fixture.FramePsnr.Length, q.Frames.Count);
        for (int i = 0; i < q.Frames.Count; i++)
        {
            for (int p = 0; p < 3; p++)
            {
                // ffmpeg's stats file prints two decimals.
                Assert.InRange(q.Frames[i].PlanePsnr[p] - fixture.FramePsnr[i].Psnr[p], -0.01, 0.01);
                Assert.InRange(q.Frames[i].PlaneMse[p] - fixture.FramePsnr[i].Mse[p], -0.01, 0.01);
            }
        }
    }

    [Fact]
    public void Compare_AkiyoVsX264Crf35_SsimYWithin0005OfFfmpegPerFrame()
    {
        SequenceQuality q = Compare();
        double worst = q.Frames.Select((f, i) => Math.Abs(f.SsimY - fixture.FrameSsimY[i])).Max();
        output.WriteLine($"SSIM-Y ours {q.SsimY:F6} ffmpeg {fixture.FrameSsimY.Average():F6}, worst frame |diff| {worst:F6}");

        for (int i = 0; i < q.Frames.Count; i++)
        {
            Assert.InRange(q.Frames[i].SsimY - fixture.FrameSsimY[i], -0.005, 0.005);
        }

        Assert.InRange(q.SsimY - fixture.FrameSsimY.Average(), -0.005, 0.005);
        Assert.InRange(q.SsimY, 0.5, 0.999);
    }

    [Fact]
    public void Compare_AkiyoVsX264Crf35_SsimY8x8EqualsFfmpegToPrintedPrecision()
    {
        SequenceQuality q = Compare();

        for (int i = 0; i < q.Frames.Count; i++)
        {
            Assert.InRange(q.Frames[i].SsimY8x8 - fixture.FrameSsimY[i], -2e-6, 2e-6);
        }
    }

    [Fact]
    public void Compare_ForemanVsX264Crf51_SsimY8x8MatchesFfmpegWhereGaussianSsimDrifts()
    {
        using var tmp = new TempFolder();
        string mp4 = tmp.File("f51.mp4");
        string decoded = tmp.File("f51.y4m");
        string log = tmp.File("ssim.log");
        TestMedia.Ffmpeg("-i", TestMedia.ForemanY4m, "-c:v", "libx264", "-crf", "51", mp4);
        TestMedia.Ffmpeg("-i", mp4, decoded);
        TestMedia.FfmpegLog("-i", decoded, "-i", TestMedia.ForemanY4m, "-lavfi", $"[0:v][1:v]ssim=stats_file={log}", "-f", "null", "-");
        double[] ffmpeg = File.ReadAllLines(log)
            .Select(l => double.Parse(l.Split(' ')[1][2..], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        using var reference = Y4mReader.Open(TestMedia.ForemanY4m);
        using var test = Y4mReader.Open(decoded);

        SequenceQuality q = QualityMetrics.Compare(reference, test);

        double worst8x8 = q.Frames.Select((f, i) => Math.Abs(f.SsimY8x8 - ffmpeg[i])).Max();
        double worstGaussian = q.Frames.Select((f, i) => Math.Abs(f.SsimY - ffmpeg[i])).Max();
        output.WriteLine($"foreman crf 51: SSIM-Y {q.SsimY:F6}, SSIM-Y 8x8 {q.SsimY8x8:F6}, ffmpeg {ffmpeg.Average():F6}; worst |diff| 8x8 {worst8x8:E2}, Gaussian {worstGaussian:F4}");
        Assert.InRange(worst8x8, 0, 2e-6);
        Assert.True(worstGaussian > 0.005, "the two SSIM definitions are expected to differ on heavy distortion");
    }

    [Fact]
    public void Compare_Mp4SourceDirectly_EqualsDecodedY4mResult()
    {
        SequenceQuality viaY4m = Compare();
        using var reference = Y4mReader.Open(fixture.Reference);
        using IVideoSource test = VideoSourceFactory.Open(fixture.Decoded.Replace(".y4m", ".mp4", StringComparison.Ordinal));

        SequenceQuality viaMp4 = QualityMetrics.Compare(reference, test);

        Assert.IsType<FfmpegVideoSource>(test);
        Assert.Equal(viaY4m.PsnrY, viaMp4.PsnrY);
        Assert.Equal(viaY4m.SsimY, viaMp4.SsimY);
        Assert.Equal(viaY4m.PsnrRgb, viaMp4.PsnrRgb);
    }
}
