namespace Asmr.Container.Tests;

public class SectionTagTests
{
    [Theory]
    [InlineData("SEQH", true)]
    [InlineData("MODL", true)]
    [InlineData("Abcd", true)]
    [InlineData("meta", false)]
    [InlineData("xTRA", false)]
    public void IsCritical_FirstLetterCase_DecidesCriticality(string tag, bool critical) =>
        Assert.Equal(critical, SectionTag.Parse(tag).IsCritical);

    [Theory]
    [InlineData("SEQH")]
    [InlineData("SEGI")]
    [InlineData("MODL")]
    [InlineData("meta")]
    public void IsKnown_Version1Tags_AreKnown(string tag) => Assert.True(SectionTag.Parse(tag).IsKnown);

    [Theory]
    [InlineData("xtra")]
    [InlineData("META")]
    [InlineData("Seqh")]
    public void IsKnown_OtherTags_AreUnknown(string tag) => Assert.False(SectionTag.Parse(tag).IsKnown);

    [Theory]
    [InlineData("SEQ")]
    [InlineData("SEQHX")]
    [InlineData("SEQ1")]
    [InlineData("SE H")]
    [InlineData("SÉQH")]
    public void Parse_NotFourAsciiLetters_ThrowsArgumentException(string tag) =>
        Assert.Throws<ArgumentException>(() => SectionTag.Parse(tag));

    [Fact]
    public void FromBytes_NonLetterBytes_IsInvalidAndPrintsThemEscaped()
    {
        SectionTag tag = SectionTag.FromBytes([(byte)'S', 0x00, (byte)'Q', 0xFF]);

        Assert.False(tag.IsValid);
        Assert.Equal("S\\x00Q\\xFF", tag.ToString());
    }

    [Fact]
    public void WriteTo_Tag_WritesItsAsciiBytesInOrder()
    {
        byte[] bytes = new byte[4];

        SectionTag.Parse("SEGI").WriteTo(bytes);

        Assert.Equal("SEGI"u8.ToArray(), bytes);
    }
}
