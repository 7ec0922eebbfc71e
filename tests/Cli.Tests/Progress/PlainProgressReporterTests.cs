using Asmr.Cli.Progress;

namespace Asmr.Cli.Tests.Progress;

public sealed class PlainProgressReporterTests
{
    [Fact]
    public void Lines_appear_at_each_tenth_and_not_in_between()
    {
        var output = new StringWriter();
        var clock = new ManualTimeProvider();
        using (var progress = new PlainProgressReporter(output, clock))
        {
            progress.BeginStage("fitting segment 1/1", 100);
            for (int i = 1; i <= 100; i++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(10));
                progress.Report(i, $"PSNR {20 + (i / 10.0):0.0} dB");
            }
        }

        string[] lines = Lines(output);
        Assert.Equal("fitting segment 1/1: started", lines[0]);
        Assert.Equal(12, lines.Length);
        Assert.Equal("fitting segment 1/1: 10% (10/100), ETA 1s, PSNR 21.0 dB", lines[1]);
        Assert.StartsWith("fitting segment 1/1: 100% (100/100), PSNR 30.0 dB, done in", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_slow_stage_still_prints_every_five_seconds()
    {
        var output = new StringWriter();
        var clock = new ManualTimeProvider();
        using var progress = new PlainProgressReporter(output, clock);
        progress.BeginStage("decoding", 10_000);

        progress.Report(1);
        clock.Advance(TimeSpan.FromSeconds(4.9));
        progress.Report(2);
        Assert.Single(Lines(output));

        clock.Advance(TimeSpan.FromSeconds(0.2));
        progress.Report(3);
        Assert.Equal(2, Lines(output).Length);
        Assert.StartsWith("decoding: 0% (3/10000), ETA ", Lines(output)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_left_unfinished_says_it_stopped()
    {
        var output = new StringWriter();
        var clock = new ManualTimeProvider();
        using (var progress = new PlainProgressReporter(output, clock))
        {
            progress.BeginStage("encoding", 10);
            progress.Report(3);
            clock.Advance(TimeSpan.FromSeconds(65));
        }

        Assert.Equal("encoding: 30% (3/10), stopped after 1m05s", Lines(output)[^1]);
    }

    [Fact]
    public void A_stage_ended_early_says_done_not_stopped()
    {
        var output = new StringWriter();
        var clock = new ManualTimeProvider();
        using (var progress = new PlainProgressReporter(output, clock))
        {
            progress.BeginStage("fitting", 10);
            progress.Report(3);
            clock.Advance(TimeSpan.FromSeconds(2));
            progress.EndStage();
        }

        Assert.Equal("fitting: 30% (3/10), done in 2s", Lines(output)[^1]);
    }

    [Fact]
    public void Beginning_a_stage_closes_the_previous_one()
    {
        var output = new StringWriter();
        using var progress = new PlainProgressReporter(output, new ManualTimeProvider());
        progress.BeginStage("segment 1/2", 1);
        progress.Report(1);
        progress.BeginStage("segment 2/2", 1);

        string[] lines = Lines(output);
        Assert.Contains(lines, l => l.StartsWith("segment 1/2: 100% (1/1), done in", StringComparison.Ordinal));
        Assert.Equal("segment 2/2: started", lines[^1]);
    }

    [Theory]
    [InlineData(0.4, "1s")]
    [InlineData(59, "59s")]
    [InlineData(61, "1m01s")]
    [InlineData(3725, "1h02m")]
    public void Durations_are_short(double seconds, string expected)
    {
        Assert.Equal(expected, ProgressFormat.Duration(TimeSpan.FromSeconds(seconds)));
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
