using Asmr.Benchmarks.RateDistortion;

namespace Asmr.Benchmarks.Tests.RateDistortion;

public class RdOptionsTests
{
    private static readonly RepositoryPaths Paths = new("/repo", "/media");

    [Fact]
    public void Parse_NoArguments_GivesTheFullRunDefaults()
    {
        var options = RdOptions.Parse([], Paths);

        Assert.False(options.Quick);
        Assert.Null(options.OutputDirectory);
        Assert.Equal(["akiyo_352x288", "foreman_352x288", "webcam_talk_1280x720"], options.Clips.Select(c => c.Name));
        Assert.Equal([32, 32, 8], options.Clips.Select(c => c.Frames));
        Assert.Equal("/media/akiyo_352x288.mp4", options.Clips[0].Path);
        Assert.Equal(RdOptions.DefaultAsmrcPoints, options.AsmrcPoints);
        Assert.Equal([0.0125, 0.025, 0.05, 0.1], options.AsmrcPoints.Where(p => p.Preset == "medium").Select(p => p.BitsPerPixel));
        Assert.Contains(51, options.Crfs);
        Assert.Equal(["x264 medium", "x264 veryslow", "x265 medium", "x265 veryslow"], options.Anchors.Select(a => a.Series));
    }

    [Fact]
    public void Parse_Quick_UsesTheSmallClipAndFewerPoints()
    {
        var options = RdOptions.Parse(["--quick", "--out", "/tmp/x"], Paths);

        Assert.True(options.Quick);
        var clip = Assert.Single(options.Clips);
        Assert.Equal((8, 176, 144), (clip.Frames, clip.ScaleWidth!.Value, clip.ScaleHeight!.Value));
        Assert.Equal(2, options.AsmrcPoints.Count);
        Assert.Equal(3, options.Crfs.Count);
        Assert.All(options.Anchors, a => Assert.Equal("medium", a.Preset));
        Assert.Equal("/tmp/x", options.OutputDirectory);
    }

    [Fact]
    public void Parse_BppAndPresets_RunEveryPresetAtEveryRate()
    {
        var options = RdOptions.Parse(["--bpp", "0.05,0.1", "--presets", "fast,medium", "--threads", "3", "--crfs", "20,51"], Paths);

        Assert.Equal(
            [new AsmrcRatePoint("fast", 0.05), new AsmrcRatePoint("fast", 0.1), new AsmrcRatePoint("medium", 0.05), new AsmrcRatePoint("medium", 0.1)],
            options.AsmrcPoints);
        Assert.Equal(3, options.Threads);
        Assert.Equal([20, 51], options.Crfs);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--frames", "0")]
    [InlineData("--bpp", "-1")]
    [InlineData("--presets", "ultrafast")]
    [InlineData("--crfs", "60")]
    [InlineData("--threads")]
    [InlineData("--clips", "/nonexistent/clip.mp4")]
    public void Parse_BadArguments_Throw(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => RdOptions.Parse(args, Paths));
    }

    [Fact]
    public void TargetBytes_IsTheBppOfTheWholeClip()
    {
        Assert.Equal(20275, new AsmrcRatePoint("fast", 0.05).TargetBytes(352 * 288 * 32));
    }
}
