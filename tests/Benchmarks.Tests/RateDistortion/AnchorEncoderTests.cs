using System.Text;
using Asmr.Benchmarks.RateDistortion;

namespace Asmr.Benchmarks.Tests.RateDistortion;

public class AnchorEncoderTests
{
    [Fact]
    public void ParseEncoders_ReadsVideoEncoderNamesOnly()
    {
        const string listing = """
            Encoders:
             V..... = Video
             A..... = Audio
             ------
             V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
             V....D libx264rgb           libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 RGB (codec h264)
             A....D aac                  AAC (Advanced Audio Coding)
            """;

        var encoders = AnchorEncoder.ParseEncoders(listing);

        Assert.Contains("libx264", encoders);
        Assert.DoesNotContain("libx265", encoders);
        Assert.DoesNotContain("aac", encoders);
        Assert.DoesNotContain("=", encoders);
    }

    [Fact]
    public void EncodeArguments_X265_WritesARawHevcStreamQuietly()
    {
        var args = new AnchorEncoder(threads: 2, decodeRepeats: 1).EncodeArguments(new AnchorSpec(AnchorCodec.X265, "veryslow"), 38, "src.y4m", "out.265");

        Assert.Equal(
            "ffmpeg -hide_banner -nostdin -loglevel error -y -i src.y4m -c:v libx265 -preset veryslow -crf 38 -threads 2 -x265-params log-level=error:info=0 -f hevc out.265",
            ExternalProcess.Format("ffmpeg", args));
    }

    [Theory]
    [InlineData("X264", "\u0005x264 - core 164 r3095 baee400 - H.264/MPEG-4 AVC codec", "x264 - core 164 r3095 baee400")]
    [InlineData("X265", "x265 (build 199) - 3.5+1-f0c1022b6:[Linux][GCC 12.2.0][64 bit] 8bit", "x265 (build 199) - 3.5+1-f0c1022b6")]
    public void ReadEncoderVersion_FindsTheSeiString(string codec, string sei, string expected)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0, 0, 0, 1, 6, 5, .. Encoding.Latin1.GetBytes(sei), 0x80]);

            Assert.Equal(expected, AnchorEncoder.ReadEncoderVersion(path, Enum.Parse<AnchorCodec>(codec)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ProbeX265Version_reads_the_version_libx265_logs_when_streams_carry_no_version_sei()
    {
        string? version = AnchorEncoder.ProbeX265Version();

        Assert.NotNull(version);
        Assert.Matches(@"^x265 \d+\.\d+", version);
    }
}
