using System.Globalization;
using System.Text.RegularExpressions;
using Asmr.Benchmarks.DecodeSpeed;

namespace Asmr.Benchmarks.Tests.DecodeSpeed;

/// <summary>
/// Runs the whole <c>decode-speed --quick</c> benchmark (the models a default encode plans, written to a real file and
/// decoded, and ffmpeg on x264 streams of the shared clips) to prove it works. It checks that every size gets a
/// plausible row, never how fast asmrc is.
/// </summary>
public partial class DecodeSpeedQuickRunTests
{
    [Fact]
    public void QuickRun_PrintsARowPerSizeWithPositiveSpeeds()
    {
        using var log = new StringWriter(CultureInfo.InvariantCulture);

        int exit = DecodeSpeedRunner.Run(["--quick"], log);

        string text = log.ToString();
        Assert.True(exit == 0, $"exit {exit}:\n{text}");
        Assert.StartsWith("decode speed, 8 frames 4:2:0 8-bit per size", text, StringComparison.Ordinal);
        var rows = Row().Matches(text);
        // Each size again with a motion field (+mv) where its budget has context-coded grids (8 CIF frames do not).
        Assert.Equal(["CIF", "720p", "720p+mv", "1080p", "1080p+mv"], rows.Select(m => m.Groups["size"].Value));
        foreach (Match row in rows)
        {
            double[] numbers = [.. row.Groups["numbers"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, CultureInfo.InvariantCulture))];
            Assert.Equal(6, numbers.Length);
            Assert.All(numbers, n => Assert.True(n > 0, $"a zero speed in: {row.Value}"));
        }
    }

    [Fact]
    public void QuickRun_WithSize_PrintsOnlyThatSize()
    {
        using var log = new StringWriter(CultureInfo.InvariantCulture);

        int exit = DecodeSpeedRunner.Run(["--quick", "--size", "cif"], log);

        string text = log.ToString();
        Assert.True(exit == 0, $"exit {exit}:\n{text}");
        Assert.Equal(["CIF"], Row().Matches(text).Select(m => m.Groups["size"].Value));
    }

    [Theory]
    [InlineData("--size", "4k")]
    [InlineData("--frames", "many")]
    [InlineData("--threads", "0")]
    public void BadOption_ExitsWithUsageCodeAndNoRows(string option, string value)
    {
        using var log = new StringWriter(CultureInfo.InvariantCulture);

        int exit = DecodeSpeedRunner.Run(["--quick", option, value], log);

        Assert.Equal(1, exit);
        Assert.Empty(Row().Matches(log.ToString()));
    }

    /// <summary>A result row: size, the model, then asmrc fps, Mpx/s, model read ms, ffmpeg fps, Mpx/s and the ratio.</summary>
    [GeneratedRegex(@"^(?<size>\S+) +H=\d+ L=\d+ .* MAC/px .*?(?<numbers>( +[0-9]+\.[0-9]+){6})\r?$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
