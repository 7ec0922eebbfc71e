using Asmr.Container;
using Asmr.Media.IO;
using Asmr.Media.Metrics;
using Asmr.Media.Tests.IO;
using Asmr.Decoder.Video;

namespace Asmr.Media.Tests.Metrics;

public sealed class QualityMetricsTests
{
    private static VideoFrame Flat(int w, int h, ChromaFormat chroma, int depth, ushort y, ushort c)
    {
        var f = new VideoFrame(w, h, chroma, depth);
        Array.Fill(f.Planes[0], y);
        for (int p = 1; p < f.PlaneCount; p++)
        {
            Array.Fill(f.Planes[p], c);
        }

        return f;
    }

    [Fact]
    public void Compare_IdenticalAkiyo_Gives100DbAndSsimOne()
    {
        using var a = Y4mReader.Open(TestMedia.AkiyoY4m);
        using var b = Y4mReader.Open(TestMedia.AkiyoY4m);

        SequenceQuality q = QualityMetrics.Compare(a, b);

        Assert.Equal(QualityMetrics.MaxPsnr, q.PsnrY);
        Assert.Equal(QualityMetrics.MaxPsnr, q.PsnrYuv);
        Assert.Equal(QualityMetrics.MaxPsnr, q.PsnrRgb);
        Assert.Equal(QualityMetrics.MaxPsnr, q.MeanFramePsnrY);
        Assert.Equal(1.0, q.SsimY, 12);
        Assert.All(q.Frames, f => Assert.Equal(0, f.MseYuv));
    }

    [Fact]
    public void Add_LumaOffByTwo_GivesMseFourAndTheMatchingPsnr()
    {
        var metrics = new QualityMetrics(ColorDescription.Unspecified);

        FrameQuality f = metrics.Add(Flat(16, 16, ChromaFormat.Yuv420, 8, 100, 128), Flat(16, 16, ChromaFormat.Yuv420, 8, 102, 128));

        Assert.Equal([4.0, 0.0, 0.0], f.PlaneMse);
        Assert.Equal(10 * Math.Log10(255.0 * 255 / 4), f.PsnrY, 12);
        Assert.Equal([f.PsnrY, 100.0, 100.0], f.PlanePsnr);
        Assert.Equal(6 * 4.0 / 8, f.MseYuv); // weights 6, 1, 1
    }

    [Fact]
    public void Add_ChromaOnlyError_WeighsOneEighthInYuvMse()
    {
        var metrics = new QualityMetrics(ColorDescription.Unspecified, computeRgb: false, computeSsim: false);

        FrameQuality f = metrics.Add(Flat(8, 8, ChromaFormat.Yuv444, 10, 500, 512), Flat(8, 8, ChromaFormat.Yuv444, 10, 500, 520));

        Assert.Equal(64.0, f.PlaneMse[1]);
        Assert.Equal((64.0 + 64.0) / 8, f.MseYuv);
        Assert.Equal(10 * Math.Log10(1023.0 * 1023 / 16), f.PsnrYuv, 12);
        Assert.True(double.IsNaN(f.PsnrRgb));
        Assert.True(double.IsNaN(f.SsimY));
    }

    [Fact]
    public void Summarize_UnequalFrameErrors_PooledAndMeanPsnrDiffer()
    {
        var metrics = new QualityMetrics(new ColorDescription { FullRange = true }, computeSsim: false);
        VideoFrame reference = Flat(8, 8, ChromaFormat.Mono400, 8, 100, 0);
        metrics.Add(reference, Flat(8, 8, ChromaFormat.Mono400, 8, 101, 0)); // MSE 1
        metrics.Add(reference, Flat(8, 8, ChromaFormat.Mono400, 8, 110, 0)); // MSE 100

        SequenceQuality q = metrics.Summarize();

        Assert.Equal(50.5, q.PlaneMse[0]);
        Assert.Equal(10 * Math.Log10(255.0 * 255 / 50.5), q.PsnrY, 12);
        double mean = (10 * Math.Log10(255.0 * 255 / 1) + (10 * Math.Log10(255.0 * 255 / 100))) / 2;
        Assert.Equal(mean, q.MeanFramePsnrY, 12);
        Assert.True(q.MeanFramePsnrY > q.PsnrY);
        Assert.Equal(q.PsnrY, q.PsnrYuv, 12); // 4:0:0: YUV is Y
        Assert.Equal(q.PsnrY, q.PsnrRgb, 9); // full-range grey: R = G = B = Y, so the same error
    }

    [Fact]
    public void Compare_DifferentLengths_ThrowsInvalidData()
    {
        using var a = Y4mReader.Open(TestMedia.AkiyoY4m);
        using var b = Y4mReader.Open(TestMedia.AkiyoY4m, new VideoSourceOptions { MaxFrames = 9 });

        var e = Assert.Throws<InvalidDataException>(() => QualityMetrics.Compare(a, b));

        Assert.Contains("after 9 frames", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_DifferentFormats_ThrowsInvalidData()
    {
        var metrics = new QualityMetrics(ColorDescription.Unspecified);

        Assert.Throws<InvalidDataException>(() => metrics.Add(Flat(8, 8, ChromaFormat.Yuv420, 8, 0, 0), Flat(8, 8, ChromaFormat.Yuv444, 8, 0, 0)));
        Assert.Throws<InvalidDataException>(() => metrics.Add(Flat(8, 8, ChromaFormat.Yuv420, 8, 0, 0), Flat(8, 8, ChromaFormat.Yuv420, 10, 0, 0)));
    }

    [Fact]
    public void Summarize_NoFrames_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => new QualityMetrics(ColorDescription.Unspecified).Summarize());
    }

    [Fact]
    public void Ssim_TinyPlane_UsesWholePlaneWindow()
    {
        ushort[] a = [10, 20, 30, 40];
        ushort[] b = [10, 20, 30, 40];

        Assert.Equal(1.0, Ssim.Compute(a, b, 2, 2, 8), 12);
        Assert.True(Ssim.Compute(a, [40, 30, 20, 10], 2, 2, 8) < 0);
    }

    [Fact]
    public void Ssim_ForemanVsShiftedForeman_IsClearlyBelowOne()
    {
        using var reader = Y4mReader.Open(TestMedia.ForemanY4m, new VideoSourceOptions { MaxFrames = 2 });
        VideoFrame[] f = reader.ReadFrames().ToArray();

        double ssim = Ssim.Compute(f[0].Planes[0], f[1].Planes[0], 352, 288, 8);

        Assert.InRange(ssim, 0.3, 0.98);
    }
}
