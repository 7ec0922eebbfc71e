using Asmr.Container.Entropy;

namespace Asmr.Container.Tests.Entropy;

public sealed class LaplaceSymbolCodingTests
{
    private sealed record Symbol(int Value, int Mean, int Fraction, int Scale);

    [Fact]
    public void Values_round_trip_whatever_their_prediction_including_escapes()
    {
        var random = new Random(11);
        var symbols = new List<Symbol>();
        for (int i = 0; i < 20000; i++)
        {
            int mean = random.Next(-40, 41);
            int spread = random.Next(4) switch { 0 => 2, 1 => 20, 2 => 200, _ => 1 << 20 };
            symbols.Add(new Symbol(mean + random.Next(-spread, spread + 1), mean, random.Next(LaplaceTables.Fractions), random.Next(LaplaceTables.ScaleBins)));
        }

        symbols.Add(new Symbol(int.MaxValue, 0, 0, 0));
        symbols.Add(new Symbol(int.MinValue + 1, 0, 15, 79));
        byte[] data = Encode(symbols);

        var decoder = new RangeDecoder(data, "test", 0);
        foreach (var s in symbols)
        {
            Assert.Equal(s.Value, LaplaceSymbolCoding.Decode(ref decoder, s.Mean, s.Fraction, s.Scale));
        }

        decoder.Finish();
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void Laplace_distributed_values_code_within_two_per_cent_of_their_entropy(double scale)
    {
        var random = new Random(5);
        int scaleBin = (int)Math.Round((8 * Math.Log2(scale)) + 32);
        var symbols = new List<Symbol>();
        double idealBits = 0;
        for (int i = 0; i < 50000; i++)
        {
            double u = random.NextDouble() - 0.5;
            double x = -scale * Math.Sign(u) * Math.Log(1 - (2 * Math.Abs(u)));
            int q = (int)Math.Round(x);
            double p = Cdf(q + 0.5, scale) - Cdf(q - 0.5, scale);
            idealBits -= Math.Log2(p);
            symbols.Add(new Symbol(q, 0, 0, scaleBin));
        }

        double codedBits = 8.0 * Encode(symbols).Length;

        Assert.InRange(codedBits / idealBits, 0.98, 1.02);
    }

    [Fact]
    public void Data_whose_code_lies_past_the_table_is_rejected()
    {
        // An initial code of 0x00FFFFFFFE with range 2^32 − 1 gives v = code div (range >> 15) = 2^15 − 1 + …: past
        // every table's total only for codes no encoder writes.
        byte[] data = [0x00, 0xFF, 0xFF, 0xFF, 0xFE, 0x00, 0x00, 0x00, 0x00];
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            var decoder = new RangeDecoder(data, "test", 0);
            decoder.DecodeSymbol([0, 1, 1 << 14]);
        });
        Assert.Contains("past the end of its frequency table", error.Message, StringComparison.Ordinal);
    }

    private static double Cdf(double x, double b) => x < 0 ? 0.5 * Math.Exp(x / b) : 1 - (0.5 * Math.Exp(-x / b));

    private static byte[] Encode(IEnumerable<Symbol> symbols)
    {
        var encoder = new RangeEncoder();
        foreach (var s in symbols)
        {
            LaplaceSymbolCoding.Encode(encoder, s.Value, s.Mean, s.Fraction, s.Scale);
        }

        return encoder.Finish();
    }
}
