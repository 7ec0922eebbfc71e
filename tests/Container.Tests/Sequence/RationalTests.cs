namespace Asmr.Container.Tests;

public class RationalTests
{
    [Fact]
    public void ToString_NtscRate_IsNumeratorSlashDenominator() =>
        Assert.Equal("30000/1001", new Rational(30000, 1001).ToString());

    [Fact]
    public void ToDouble_NtscRate_IsTheQuotient() =>
        Assert.Equal(29.97002997, new Rational(30000, 1001).ToDouble(), 8);

    [Fact]
    public void Equality_SameParts_AreEqual() =>
        Assert.Equal(new Rational(25, 1), new Rational(25, 1));
}
