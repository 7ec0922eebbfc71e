using Asmr.Container.Entropy;

namespace Asmr.Container.Tests.Entropy;

public sealed class AdaptiveBitContextTests
{
    [Fact]
    public void Fresh_NoBitsCoded_HasEvenProbability()
    {
        var context = AdaptiveBitContext.Fresh;

        Assert.Equal(2048u, context.P0);
        Assert.Equal(0, context.Count0);
        Assert.Equal(0, context.Count1);
    }

    [Theory]
    [InlineData(0, 0, 2048)]
    [InlineData(1, 0, 3072)]
    [InlineData(0, 1, 1024)]
    [InlineData(2, 0, 3413)] // 5·4096/6 = 3413.3, truncated
    [InlineData(2, 1, 2560)]
    [InlineData(1, 2, 1536)]
    [InlineData(1023, 0, 4094)]
    [InlineData(0, 1023, 2)]
    public void Probability_Counts_MatchesSpecFormula(int n0, int n1, int expected)
    {
        Assert.Equal(expected, AdaptiveBitContext.Probability(n0, n1));
    }

    [Fact]
    public void FastProbability_EveryReachableCountPair_EqualsDivisionFormula()
    {
        for (int n0 = 0; n0 < AdaptiveBitContext.CountLimit; n0++)
        {
            for (int n1 = 0; n0 + n1 < AdaptiveBitContext.CountLimit; n1++)
            {
                int expected = Math.Clamp((((2 * n0) + 1) << 12) / ((2 * (n0 + n1)) + 2), 1, 4095);
                if (AdaptiveBitContext.FastProbability(n0, n1) != expected)
                {
                    Assert.Fail($"n0 = {n0}, n1 = {n1}: {AdaptiveBitContext.FastProbability(n0, n1)} instead of {expected}.");
                }
            }
        }
    }

    [Fact]
    public void Update_BitSequence_TracksCountsAndProbability()
    {
        var context = AdaptiveBitContext.Fresh;
        context.Update(0);
        context.Update(0);
        context.Update(1);

        Assert.Equal(2, context.Count0);
        Assert.Equal(1, context.Count1);
        Assert.Equal((uint)(5 * 4096 / 8), context.P0);
    }

    [Fact]
    public void Update_SumReachesLimit_HalvesBothCountsRoundingUp()
    {
        var context = AdaptiveBitContext.Fresh;
        for (int i = 0; i < 1022; i++)
        {
            context.Update(0);
        }

        context.Update(1);
        Assert.Equal(1022, context.Count0);
        Assert.Equal(1, context.Count1);

        context.Update(1); // n0 + n1 = 1024 → (1022 + 1) >> 1 = 511, (2 + 1) >> 1 = 1

        Assert.Equal(511, context.Count0);
        Assert.Equal(1, context.Count1);
        Assert.Equal((uint)AdaptiveBitContext.Probability(511, 1), context.P0);
    }

    [Fact]
    public void Update_LongRunsOfOneBit_KeepsProbabilityWithin2And4094()
    {
        var zeros = AdaptiveBitContext.Fresh;
        var ones = AdaptiveBitContext.Fresh;
        for (int i = 0; i < 5000; i++)
        {
            zeros.Update(0);
            ones.Update(1);
            Assert.InRange(zeros.P0, 2u, 4094u);
            Assert.InRange(ones.P0, 2u, 4094u);
        }

        // Between halvings the counts run from 512 to 1023: p0 = 4092..4094 (all zeros) or 2..3 (all ones).
        Assert.InRange(zeros.P0, 4092u, 4094u);
        Assert.InRange(ones.P0, 2u, 3u);
    }
}
