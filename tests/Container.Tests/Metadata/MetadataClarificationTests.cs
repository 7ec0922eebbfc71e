using System.Text;

namespace Asmr.Container.Tests;

/// <summary>
/// The meta rules of FORMAT.md §7.4 that a clean-room reading found open (issue 13, item 7): the exact form of
/// `created`, which numbers are finite, what other keys in `quality` may hold, and how nesting depth is counted.
/// </summary>
public class MetadataClarificationTests
{
    private static Metadata Decode(string json) => MetadataCodec.Decode(Encoding.UTF8.GetBytes(json), 0x40);

    private static Metadata Decode(byte[] json) => MetadataCodec.Decode(json, 0x40);

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("2025-01-31T12:34:56.50Z")] // trailing zeros in the fraction
    [InlineData("2025-01-31T12:34:56.0000000Z")]
    [InlineData("2025-01-31T12:34:56.Z")] // a full stop without digits: accepted (FORMAT.md §7.4 says so)
    public void Decode_CreatedInTheAcceptedForm_IsParsed(string created) =>
        Assert.NotNull(Decode($$"""{"created":"{{created}}"}""").Created);

    [Theory]
    [InlineData("2025-01-31T12:34:56.12345678Z")] // 8 fraction digits
    [InlineData("2025-01-31T12:34:56,5Z")]
    [InlineData("2025-1-31T12:34:56Z")]
    [InlineData("2025-01-31T1:34:56Z")]
    [InlineData("12025-01-31T12:34:56Z")]
    [InlineData("+2025-01-31T12:34:56Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2025-02-30T00:00:00Z")]
    [InlineData("2025-01-31T24:00:00Z")]
    [InlineData("2025-01-31T23:59:60Z")] // no leap second
    [InlineData("2025-01-31t12:34:56z")]
    [InlineData("2025-01-31T12:34:56")]
    [InlineData("2025-01-31T12:34Z")]
    [InlineData(" 2025-01-31T12:34:56Z")]
    [InlineData("2025-01-31T12:34:56Z ")]
    [InlineData("\uFF12025-01-31T12:34:56Z")] // a fullwidth digit
    public void Decode_CreatedInAnyOtherForm_IsCorrupt(string created)
    {
        var e = Assert.Throws<InvalidDataException>(() => Decode($$"""{"created":"{{created}}"}"""));

        Assert.Contains("\"created\" is", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e999")]
    [InlineData("-1e999")]
    [InlineData("1.8e308")]
    [InlineData("1.7976931348623159e308")] // rounds to infinity in binary64
    public void Decode_DefinedQualityNumberOverflowingBinary64_IsCorrupt(string number)
    {
        var e = Assert.Throws<InvalidDataException>(() => Decode($$$"""{"quality":{"psnr_y":{{{number}}}}}"""));

        Assert.Contains("quality \"psnr_y\" is not a finite JSON number", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.7976931348623158e308", double.MaxValue)]
    [InlineData("1e-999", 0.0)] // underflows to 0: finite
    [InlineData("-0", 0.0)]
    public void Decode_DefinedQualityNumberRoundingToAFiniteBinary64_IsAccepted(string number, double value) =>
        Assert.Equal(value, Decode($$$"""{"quality":{"bpp":{{{number}}}}}""").Quality!.Bpp);

    [Fact]
    public void Decode_OtherQualityKeys_MayHoldAnyJsonValueAndAreKept()
    {
        var quality = Decode("""{"quality":{"vmaf":1e999,"note":"x","list":[1,{}],"none":null,"psnr_y":null}}""").Quality!;

        Assert.Equal(["list", "none", "note", "vmaf"], quality.AdditionalProperties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1e999", quality.AdditionalProperties["vmaf"].GetRawText());
        Assert.Null(quality.PsnrY);
    }

    [Fact]
    public void Decode_OtherQualityKeyTwice_IsCorrupt() =>
        Assert.Contains(
            "\"quality\" repeats the key \"vmaf\"",
            Assert.Throws<InvalidDataException>(() => Decode("""{"quality":{"vmaf":1,"vmaf":2}}""")).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Decode_ValuesTheReaderDoesNotInterpret_AreNotChecked()
    {
        // Repeated keys, non-finite numbers, unpaired surrogate escapes and ill-formed UTF-8 inside "settings" and inside
        // unknown keys' values pass (FORMAT.md §7.4 lets a reader leave them unchecked); in a defined string they do not.
        Metadata metadata = Decode("""{"settings":{"a":1,"a":2e999},"zz":"\ud800","yy":{"b":1,"b":2}}""");
        Decode([.. "{\"zz\":\""u8, 0xC3, 0x28, .. "\",\"settings\":\""u8, 0xFF, .. "\"}"u8]);

        Assert.NotNull(metadata.Settings);
        Assert.Throws<InvalidDataException>(() => Decode([.. "{\"encoder\":\""u8, 0xC3, 0x28, .. "\"}"u8]));
        Assert.Throws<InvalidDataException>(() => Decode("""{"extra":{"a":"\ud800"}}"""));
        Assert.Throws<InvalidDataException>(() => Decode([.. "{\""u8, 0xFF, .. "\":1}"u8])); // a key is always decoded
    }

    [Fact]
    public void Decode_ExtraValueNull_IsCorruptUnlikeADefinedKeysNull() =>
        Assert.Contains(
            "extra \"a\" is a JSON Null",
            Assert.Throws<InvalidDataException>(() => Decode("""{"extra":{"a":null}}""")).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Decode_NestingDepth_CountsTheTopLevelObjectAsLevelOneAndObjectsLikeArrays()
    {
        string Nested(int levels) => "{" + string.Concat(Enumerable.Repeat("\"a\":{", levels - 1)) + new string('}', levels - 1) + "}";

        Assert.True(Decode(Nested(64)).AdditionalProperties.ContainsKey("a"));
        Assert.Throws<InvalidDataException>(() => Decode(Nested(65)));
    }

    [Fact]
    public void Decode_WhitespaceAroundTheObject_IsAllowed() =>
        Assert.Equal("x", Decode(" \r\n\t{\"encoder\":\"x\"} \n").Encoder);
}
