using Asmr.Cli.Parsing;

namespace Asmr.Cli.Tests.Parsing;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("1", 1L)]
    [InlineData("20k", 20_000L)]
    [InlineData("20K", 20_000L)]
    [InlineData("1.5M", 1_500_000L)]
    [InlineData("2G", 2_000_000_000L)]
    [InlineData("1Ki", 1024L)]
    [InlineData("1.5Mi", 1_572_864L)]
    [InlineData("300kB", 300_000L)]
    [InlineData(" 42 ", 42L)]
    public void Sizes_use_powers_of_1000_and_1024(string text, long expected)
    {
        Assert.True(Quantity.TryParseBytes(text, out long bytes, out string error), error);
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("k")]
    [InlineData("12x")]
    [InlineData("1e6")]
    [InlineData("-5k")]
    [InlineData("1,5M")]
    [InlineData("0")]
    [InlineData("0.0001")]
    public void Sizes_that_are_not_positive_numbers_are_rejected_with_a_message(string text)
    {
        Assert.False(Quantity.TryParseBytes(text, out _, out string error));
        Assert.Contains(text.Trim(), error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500k", 500_000L)]
    [InlineData("1.5Mbps", 1_500_000L)]
    [InlineData("64kb/s", 64_000L)]
    public void Bitrates_accept_bps_and_b_per_s(string text, long expected)
    {
        Assert.True(Quantity.TryParseBitsPerSecond(text, out long rate, out string error), error);
        Assert.Equal(expected, rate);
    }
}
