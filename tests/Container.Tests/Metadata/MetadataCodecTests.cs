using System.Text;
using System.Text.Json;

namespace Asmr.Container.Tests;

public class MetadataCodecTests
{
    private static Metadata Decode(string json) => MetadataCodec.Decode(Encoding.UTF8.GetBytes(json), 0x40);

    internal static void AssertEquivalent(Metadata expected, Metadata actual)
    {
        Assert.Equal(expected.Encoder, actual.Encoder);
        Assert.Equal(expected.EncoderVersion, actual.EncoderVersion);
        Assert.Equal(expected.SourceName, actual.SourceName);
        Assert.Equal(expected.Created, actual.Created);
        Assert.Equal(expected.Settings is null, actual.Settings is null);
        if (expected.Settings is { } settings)
        {
            Assert.True(JsonElement.DeepEquals(settings, actual.Settings!.Value));
        }

        Assert.Equal(expected.Extra.OrderBy(p => p.Key), actual.Extra.OrderBy(p => p.Key));
        AssertSameElements(expected.AdditionalProperties, actual.AdditionalProperties);
        Assert.Equal(expected.Quality is null, actual.Quality is null);
        if (expected.Quality is { } q)
        {
            MetadataQuality a = actual.Quality!;
            Assert.Equal((q.PsnrY, q.PsnrYuv, q.PsnrRgb, q.Ssim, q.Bpp, q.EncodeSeconds), (a.PsnrY, a.PsnrYuv, a.PsnrRgb, a.Ssim, a.Bpp, a.EncodeSeconds));
            AssertSameElements(q.AdditionalProperties, a.AdditionalProperties);
        }
    }

    private static void AssertSameElements(IDictionary<string, JsonElement> expected, IDictionary<string, JsonElement> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach ((string key, JsonElement value) in expected)
        {
            Assert.True(JsonElement.DeepEquals(value, actual[key]), key);
        }
    }

    [Fact]
    public void Decode_OfEncode_RoundTripsEveryKeyExtrasAndUnknownKeys()
    {
        Metadata metadata = Samples.Metadata();

        Metadata decoded = MetadataCodec.Decode(MetadataCodec.Encode(metadata), 0);

        AssertEquivalent(metadata, decoded);
    }

    [Fact]
    public void Decode_OfEncode_RoundTripsStringSettings()
    {
        var metadata = new Metadata { Settings = JsonSerializer.SerializeToElement("--preset slow") };

        Metadata decoded = MetadataCodec.Decode(MetadataCodec.Encode(metadata), 0);

        Assert.Equal("--preset slow", decoded.Settings!.Value.GetString());
    }

    [Fact]
    public void Encode_SmallMetadata_IsCompactJsonWithDefinedKeysInSpecOrder()
    {
        var metadata = new Metadata
        {
            SourceName = "a.y4m",
            Encoder = "asmrc",
            Created = new DateTimeOffset(2025, 1, 31, 14, 34, 56, TimeSpan.FromHours(2)),
            Quality = new MetadataQuality { Bpp = 0.5, PsnrY = 40 },
        };
        metadata.Extra["z"] = "1";
        metadata.Extra["a"] = "é";

        string json = Encoding.UTF8.GetString(MetadataCodec.Encode(metadata));

        Assert.Equal(
            """{"encoder":"asmrc","source_name":"a.y4m","created":"2025-01-31T12:34:56Z","quality":{"psnr_y":40,"bpp":0.5},"extra":{"a":"é","z":"1"}}""",
            json);
    }

    [Fact]
    public void Encode_EmptyMetadata_IsAnEmptyObject() =>
        Assert.Equal("{}", Encoding.UTF8.GetString(MetadataCodec.Encode(new Metadata())));

    [Theory]
    [InlineData("2025-01-31T12:34:56Z", 0L)]
    [InlineData("2025-01-31T12:34:56.5Z", 5_000_000L)]
    [InlineData("2025-01-31T12:34:56.1234567Z", 1_234_567L)]
    public void Decode_CreatedUtcTimes_AreParsed(string text, long fractionTicks)
    {
        Metadata metadata = Decode($$"""{"created":"{{text}}"}""");

        Assert.Equal(new DateTimeOffset(2025, 1, 31, 12, 34, 56, TimeSpan.Zero).AddTicks(fractionTicks), metadata.Created);
    }

    [Fact]
    public void Decode_NullForADefinedKey_MeansAbsent()
    {
        Metadata metadata = Decode("""{"encoder":null,"quality":null,"settings":null}""");

        Assert.Null(metadata.Encoder);
        Assert.Null(metadata.Quality);
        Assert.Null(metadata.Settings);
    }

    [Fact]
    public void Decode_UnknownKeys_ArePreservedWithTheirValues()
    {
        Metadata metadata = Decode("""{"x_new":[1,"two",{"three":3}],"quality":{"vmaf":95.5,"ssim":0.9}}""");

        Assert.Equal("""[1,"two",{"three":3}]""", metadata.AdditionalProperties["x_new"].GetRawText());
        Assert.Equal(95.5, metadata.Quality!.AdditionalProperties["vmaf"].GetDouble());
        Assert.Equal(0.9, metadata.Quality.Ssim);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{", "not valid JSON")]
    [InlineData("{\"a\":1,}", "not valid JSON")]
    [InlineData("{\"a\":1} x", "not valid JSON")]
    [InlineData("[]", "is a JSON Array, not an object")]
    [InlineData("\"x\"", "is a JSON String, not an object")]
    [InlineData("{\"encoder\":\"a\",\"encoder\":\"b\"}", "repeats the key \"encoder\"")]
    [InlineData("{\"zz\":1,\"zz\":2}", "repeats the key \"zz\"")]
    [InlineData("{\"encoder\":5}", "\"encoder\" is a JSON Number")]
    [InlineData("{\"settings\":5}", "\"settings\" is a JSON Number")]
    [InlineData("{\"created\":\"2025-01-31 12:34:56\"}", "\"created\" is")]
    [InlineData("{\"created\":\"2025-01-31T12:34:56+02:00\"}", "\"created\" is")]
    [InlineData("{\"quality\":[]}", "\"quality\" is a JSON Array")]
    [InlineData("{\"quality\":{\"psnr_y\":\"40\"}}", "quality \"psnr_y\" is not a finite JSON number")]
    [InlineData("{\"quality\":{\"psnr_y\":1e400}}", "quality \"psnr_y\" is not a finite JSON number")]
    [InlineData("{\"quality\":{\"ssim\":1,\"ssim\":2}}", "repeats the key \"ssim\"")]
    [InlineData("{\"quality\":{\"psnr_y\":null,\"psnr_y\":5}}", "repeats the key \"psnr_y\"")]
    [InlineData("{\"extra\":{\"a\":1}}", "extra \"a\" is a JSON Number")]
    [InlineData("{\"extra\":{\"a\":\"1\",\"a\":\"2\"}}", "repeats the key \"a\"")]
    [InlineData("{\"extra\":\"a\"}", "\"extra\" is a JSON String")]
    [InlineData("{\"encoder\":\"\\ud800\"}", "not valid text")]
    public void Decode_InvalidPayload_ThrowsInvalidDataExplainingWhy(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Decode(json));

        Assert.StartsWith("meta: the payload at offset 0x40", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidUtf8_ThrowsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => MetadataCodec.Decode(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, 0));

    [Fact]
    public void Decode_Utf8ByteOrderMark_ThrowsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => MetadataCodec.Decode(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }, 0));

    [Fact]
    public void Decode_NestingDeeperThan64_ThrowsInvalidData()
    {
        string json = "{\"x\":" + new string('[', 64) + new string(']', 64) + "}";

        Assert.Throws<InvalidDataException>(() => Decode(json));
    }

    [Fact]
    public void Decode_Nesting64Deep_IsAccepted()
    {
        string json = "{\"x\":" + new string('[', 63) + new string(']', 63) + "}";

        Assert.True(Decode(json).AdditionalProperties.ContainsKey("x"));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Encode_NonFiniteQuality_ThrowsArgumentException(double value) =>
        Assert.Throws<ArgumentException>(() => MetadataCodec.Encode(new Metadata { Quality = new MetadataQuality { Ssim = value } }));

    [Fact]
    public void Encode_NumberSettings_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => MetadataCodec.Encode(new Metadata { Settings = JsonSerializer.SerializeToElement(5) }));

    [Fact]
    public void Encode_AdditionalPropertyNamedLikeADefinedKey_ThrowsArgumentException()
    {
        var metadata = new Metadata();
        metadata.AdditionalProperties["encoder"] = JsonSerializer.SerializeToElement("x");

        Assert.Throws<ArgumentException>(() => MetadataCodec.Encode(metadata));
    }

    [Fact]
    public void Encode_SettingsNestedTooDeepToReadBack_ThrowsArgumentException()
    {
        JsonElement deep = JsonDocument.Parse(new string('[', 70) + new string(']', 70), new JsonDocumentOptions { MaxDepth = 100 }).RootElement;
        var metadata = new Metadata();
        metadata.AdditionalProperties["deep"] = deep;

        Assert.Throws<ArgumentException>(() => MetadataCodec.Encode(metadata));
    }

    [Fact]
    public void Encode_MoreThanOneMebibyte_ThrowsArgumentException()
    {
        var metadata = new Metadata();
        metadata.Extra["big"] = new string('x', 1 << 20);

        var e = Assert.Throws<ArgumentException>(() => MetadataCodec.Encode(metadata));

        Assert.Contains("the limit is 1048576", e.Message, StringComparison.Ordinal);
    }
}
