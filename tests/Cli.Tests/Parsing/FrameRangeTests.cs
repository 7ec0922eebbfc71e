using Asmr.Cli.Errors;
using Asmr.Cli.Parsing;
using CsCheck;

namespace Asmr.Cli.Tests.Parsing;

public sealed class FrameRangeTests
{
    [Theory]
    [InlineData("0:10", 0, 10)]
    [InlineData("5:", 5, null)]
    [InlineData(":8", 0, 8)]
    [InlineData(":", 0, null)]
    public void Ranges_are_half_open_and_may_omit_either_end(string text, int start, int? end)
    {
        Assert.True(FrameRange.TryParse(text, out var range, out string error), error);
        Assert.Equal(new FrameRange(start, end), range);
    }

    [Fact]
    public void Any_valid_range_survives_a_round_trip_through_its_text()
    {
        Gen.Select(Gen.Int[0, 100_000], Gen.Int[1, 100_000], Gen.Bool)
            .Sample((start, length, open) =>
            {
                var range = new FrameRange(start, open ? null : start + length);
                return FrameRange.TryParse(range.ToString(), out var parsed, out _) && parsed == range;
            });
    }

    [Fact]
    public void Resolve_fills_in_the_end_from_the_frame_count()
    {
        Assert.Equal(new FrameRange(3, 32), new FrameRange(3, null).Resolve(32));
        Assert.Equal(new FrameRange(0, 32), FrameRange.All.Resolve(32));
    }

    [Theory]
    [InlineData(32, null)]
    [InlineData(0, 33)]
    public void Resolve_rejects_ranges_outside_the_video(int start, int? end)
    {
        var error = Assert.Throws<UsageException>(() => new FrameRange(start, end).Resolve(32));
        Assert.Contains("32 frames", error.Message, StringComparison.Ordinal);
    }
}
