using System.Buffers.Binary;
using System.Security.Cryptography;
using Asmr.Container.Entropy;

namespace Asmr.Container.Tests.Entropy;

public sealed class LaplaceTablesTests
{
    [Fact]
    public void Every_table_runs_from_0_to_2_pow_15_with_every_symbol_at_least_1()
    {
        for (int s = 0; s < LaplaceTables.ScaleBins; s++)
        {
            for (int f = 0; f < LaplaceTables.Fractions; f++)
            {
                var c = LaplaceTables.Table(s, f);
                Assert.Equal(LaplaceTables.SymbolCount + 1, c.Length);
                Assert.Equal(0, c[0]);
                Assert.Equal(1 << LaplaceTables.ProbabilityBits, c[^1]);
                for (int i = 0; i < LaplaceTables.SymbolCount; i++)
                {
                    Assert.True(c[i + 1] > c[i], $"s {s} f {f}: symbol {i} has no probability");
                }
            }
        }
    }

    [Fact]
    public void The_tables_are_the_ones_the_spec_pins()
    {
        var all = LaplaceTables.All;
        byte[] bytes = new byte[all.Length * 2];
        for (int i = 0; i < all.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * i), all[i]);
        }

        // An independent implementation of the draft spec text (in Python) gave the same hash.
        Assert.Equal("4959cd78dc9872c008d9adadc9cd90e9546b7f5a787391a313b385315a575210", Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void A_mean_on_an_integer_gives_a_symmetric_table()
    {
        for (int s = 0; s < LaplaceTables.ScaleBins; s++)
        {
            var c = LaplaceTables.Table(s, 0);
            for (int r = 1; r <= LaplaceTables.MaxResidual; r++)
            {
                int plus = c[LaplaceTables.MaxResidual + r + 1] - c[LaplaceTables.MaxResidual + r];
                int minus = c[LaplaceTables.MaxResidual - r + 1] - c[LaplaceTables.MaxResidual - r];
                Assert.InRange(plus - minus, -1, 1);
            }
        }
    }

    [Fact]
    public void Wider_scales_give_zero_less_probability()
    {
        int previous = int.MaxValue;
        for (int s = 0; s < LaplaceTables.ScaleBins; s++)
        {
            var c = LaplaceTables.Table(s, 0);
            int zero = c[LaplaceTables.MaxResidual + 1] - c[LaplaceTables.MaxResidual];
            Assert.True(zero <= previous, $"scale bin {s}: P(0) rose to {zero}");
            previous = zero;
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(24, 5)]
    [InlineData(32, 8)]
    [InlineData(48, 15)]
    [InlineData(79, 3)]
    public void Table_probabilities_follow_the_discretised_laplace_they_stand_for(int scaleBin, int fraction)
    {
        double b = Math.Pow(2, (scaleBin - 32) / 8.0);
        double mean = fraction / 16.0;
        double Cdf(double x) => x < mean ? 0.5 * Math.Exp((x - mean) / b) : 1 - (0.5 * Math.Exp(-(x - mean) / b));
        var c = LaplaceTables.Table(scaleBin, fraction);
        double total = 1 << LaplaceTables.ProbabilityBits;
        for (int r = -LaplaceTables.MaxResidual; r <= LaplaceTables.MaxResidual; r++)
        {
            double expected = Cdf(r + 0.5) - Cdf(r - 0.5);
            double actual = (c[r + LaplaceTables.MaxResidual + 1] - c[r + LaplaceTables.MaxResidual]) / total;
            // Within a few per cent where the symbol matters, within the 2^-15 floor where it does not.
            Assert.True(Math.Abs(actual - expected) <= (0.03 * expected) + (64 / total), $"r {r}: table {actual:E3}, Laplace {expected:E3}");
        }
    }
}
