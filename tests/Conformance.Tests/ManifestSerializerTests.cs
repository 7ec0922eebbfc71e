using System.Text;
using Asmr.Conformance.Manifest;

namespace Asmr.Conformance.Tests;

/// <summary>The manifest reads back what it wrote and refuses malformed or unsafe content.</summary>
public class ManifestSerializerTests
{
    [Fact]
    public void CommittedManifest_RoundTripsThroughSerializeAndParse()
    {
        var manifest = Vectors.Manifest;

        var again = ManifestSerializer.Parse(ManifestSerializer.Serialize(manifest));

        Assert.Equal(manifest.Vectors.Count, again.Vectors.Count);
        for (int i = 0; i < manifest.Vectors.Count; i++)
        {
            var (a, b) = (manifest.Vectors[i], again.Vectors[i]);
            Assert.Equal((a.Name, a.File, a.FileSha256, a.FileSize, a.Description), (b.Name, b.File, b.FileSha256, b.FileSize, b.Description));
            Assert.Equal(a.Features, b.Features);
            Assert.Equal(a.Output?.FrameHashes, b.Output?.FrameHashes);
            Assert.Equal(a.Output?.StreamHash, b.Output?.StreamHash);
            Assert.Equal(a.Error, b.Error);
        }
    }

    [Theory]
    [InlineData("../escape.asmr")]
    [InlineData("sub/dir.asmr")]
    [InlineData(".hidden.asmr")]
    public void FileOutsideTheManifestFolder_IsRejected(string file)
    {
        string json = Entry(file, "\"expected_error\": {\"kind\": \"corrupt\", \"exception\": \"X\", \"message_contains\": \"y\"}", valid: false);

        var e = Assert.Throws<InvalidDataException>(() => ManifestSerializer.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains("plain file name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UppercaseOrShortHash_IsRejected()
    {
        string json = Entry("a.asmr", "\"expected_output\": {\"stream_sha256\": \"ABC\", \"frame_sha256\": []}", valid: true);

        var e = Assert.Throws<InvalidDataException>(() => ManifestSerializer.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains("not a lowercase hex SHA-256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidVectorWithoutExpectedOutput_IsRejected()
    {
        string json = Entry("a.asmr", "\"x\": 1", valid: true);

        var e = Assert.Throws<InvalidDataException>(() => ManifestSerializer.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains("\"expected_output\" must be an object", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongFormatName_IsRejected() =>
        Assert.Throws<InvalidDataException>(() => ManifestSerializer.Parse("{\"format\": \"other\", \"manifest_version\": 1, \"vectors\": []}"u8));

    private static string Entry(string file, string expectation, bool valid) =>
        "{\"format\": \"asmrc-conformance-manifest\", \"manifest_version\": 1, \"vectors\": [{\"name\": \"a\", \"file\": \"" + file +
        "\", \"file_sha256\": \"" + new string('0', 64) + "\", \"valid\": " + (valid ? "true" : "false") + ", " + expectation + "}]}";
}
