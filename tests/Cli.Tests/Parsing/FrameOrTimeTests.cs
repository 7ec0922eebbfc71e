using Asmr.Cli.Parsing;

namespace Asmr.Cli.Tests.Parsing;

public sealed class FrameOrTimeTests
{
    [Theory]
    [InlineData("50", 25, 1, 50)]
    [InlineData("2.5s", 25, 1, 63)]
    [InlineData("2s", 25, 1, 50)]
    [InlineData("0.04s", 25, 1, 1)]
    [InlineData("1:02.5", 25, 1, 1563)]
    [InlineData("00:01:02.5", 25, 1, 1563)]
    [InlineData("1s", 30000, 1001, 30)]
    [InlineData("0s", 25, 1, 0)]
    public void Frames_and_times_become_frames_rounded_up_like_ffmpeg(string text, int rateNumerator, int rateDenominator, int expected)
    {
        Assert.True(FrameOrTime.TryParse(text, minFrames: 0, out var value));
        Assert.Equal(expected, value.ToFrames(rateNumerator, rateDenominator));
    }

    [Theory]
    [InlineData("0", "2.5s", 63)]
    [InlineData("0.1s", "0.1s", 5)]
    [InlineData("3", "0.1s", 6)]
    [InlineData("0.1s", "2", 5)]
    public void A_length_counts_from_the_start_as_ffmpeg_ss_and_t_do(string start, string length, int endFrame)
    {
        Assert.True(FrameOrTime.TryParse(start, 0, out var s));
        Assert.True(FrameOrTime.TryParse(length, 1, out var l));
        Assert.Equal(endFrame, FrameOrTime.EndFrame(s, l, 25, 1));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("1:60")]
    [InlineData("1:60:00")]
    [InlineData("1:2:3:4")]
    [InlineData("s")]
    [InlineData("0")]
    [InlineData("0s")]
    public void Bad_or_empty_lengths_are_refused(string text)
    {
        Assert.False(FrameOrTime.TryParse(text, minFrames: 1, out _));
    }
}
