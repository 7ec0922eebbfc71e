using Asmr.Container.Entropy;

namespace Asmr.Container.Tests.Entropy;

public sealed class EntropyStatisticsTests
{
    [Fact]
    public void Order0EntropyBits_EmptyOrConstant_IsZero()
    {
        Assert.Equal(0, EntropyStatistics.Order0EntropyBits([]));
        Assert.Equal(0, EntropyStatistics.Order0EntropyBits([42]));
        Assert.Equal(0, EntropyStatistics.Order0EntropyBits([7, 7, 7, 7]));
    }

    [Fact]
    public void Order0EntropyBits_FourDistinctValues_IsTwoBitsEach()
    {
        Assert.Equal(8, EntropyStatistics.Order0EntropyBits([4, -1, 3, int.MinValue]), 12);
    }

    [Fact]
    public void Order0EntropyBits_SkewedCounts_MatchesSumOfCodeLengths()
    {
        // Three zeros at −log2(3/4) each and a one at −log2(1/4) = 2 bits.
        double expected = (3 * -Math.Log2(0.75)) + 2;

        Assert.Equal(expected, EntropyStatistics.Order0EntropyBits([0, 1, 0, 0]), 12);
        Assert.Equal(expected / 8, EntropyStatistics.Order0EntropyBytes([0, 0, 1, 0]), 12);
    }
}
