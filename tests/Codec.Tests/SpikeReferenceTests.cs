using Asmr.Codec.Training;

namespace Asmr.Codec.Tests;

public sealed class SpikeReferenceTests
{
    /// <summary>The verdicts on a loss that falls to 1 and then rises by 2 % a report, as the rate pulls it up.</summary>
    private static List<SpikeVerdict> SlowRise(double risePerReport)
    {
        var reference = new SpikeReference(1.5, risePerReport);
        var verdicts = new List<SpikeVerdict> { reference.Observe(2), reference.Observe(1) };
        for (int i = 1; i <= 60; i++)
        {
            verdicts.Add(reference.Observe(Math.Pow(1.02, i)));
        }

        return verdicts;
    }

    [Fact]
    public void Against_the_lowest_loss_of_the_run_a_slow_rise_becomes_a_spike()
    {
        var verdicts = SlowRise(0);

        // 1.02^21 > 1.5: the 21st report of the rise.
        Assert.Equal(2 + 20, verdicts.IndexOf(SpikeVerdict.Spike));
    }

    [Fact]
    public void A_reference_that_may_rise_faster_than_the_loss_follows_it_without_a_spike()
    {
        var verdicts = SlowRise(0.03);

        Assert.DoesNotContain(SpikeVerdict.Spike, verdicts);
        Assert.All(verdicts, v => Assert.Equal(SpikeVerdict.NewReference, v));
    }

    [Fact]
    public void A_jump_is_a_spike_whatever_the_rise()
    {
        var reference = new SpikeReference(1.5, 0.03);
        reference.Observe(1.0);

        Assert.Equal(SpikeVerdict.Spike, reference.Observe(1.6));
        Assert.Equal(SpikeVerdict.None, reference.Observe(1.2));
    }
}
