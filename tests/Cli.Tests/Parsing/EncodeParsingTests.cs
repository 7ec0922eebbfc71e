using Asmr.Cli.Commands.Encode;
using Asmr.Cli.Parsing;
using Asmr.Cli.Tests.Support;
using Asmr.Codec;

namespace Asmr.Cli.Tests.Parsing;

public sealed class EncodeParsingTests
{
    [Fact]
    public void Encode_with_only_input_and_output_uses_the_documented_defaults()
    {
        var parse = Parse.Args("encode", "in.mp4", "out.asmr").Valid();
        var request = EncodeCommand.FromParseResult(parse.Result, parse.Definition<EncodeCommandDefinition>(), parse.Settings);

        Assert.Equal("in.mp4", request.Input);
        Assert.Equal("out.asmr", request.Output);
        Assert.Equal(EncoderPreset.Medium, request.Preset);
        Assert.Null(request.QualityDb);
        Assert.Null(request.SizeBytes);
        Assert.Null(request.BitrateBitsPerSecond);
        Assert.Equal(0, request.Seed);
        Assert.Null(request.Frames);
        Assert.Equal(FrameOrTime.FromFrames(0), request.Start);
        Assert.False(request.Overwrite);
        Assert.Equal(Environment.ProcessorCount, request.Threads);
        Assert.False(request.InputIsStdin);
        Assert.True(request.Motion);
    }

    [Fact]
    public void Encode_motion_off_is_read_and_other_values_are_refused()
    {
        var parse = Parse.Args("encode", "in.mp4", "out.asmr", "--motion", "off").Valid();
        var request = EncodeCommand.FromParseResult(parse.Result, parse.Definition<EncodeCommandDefinition>(), parse.Settings);

        Assert.False(request.Motion);
        Assert.NotEmpty(Parse.Args("encode", "in.mp4", "out.asmr", "--motion", "on").Result.Errors);
    }

    [Fact]
    public void Encode_reads_every_option()
    {
        var parse = Parse.Args(
            "encode", "-", "out.asmr", "--preset", "slow", "--quality", "34.5",
            "--seed", "7", "--steps", "900", "--frames", "32", "--start", "4", "-y", "--threads", "3").Valid();
        var request = EncodeCommand.FromParseResult(parse.Result, parse.Definition<EncodeCommandDefinition>(), parse.Settings);

        Assert.True(request.InputIsStdin);
        Assert.Equal(EncoderPreset.Slow, request.Preset);
        Assert.Equal(34.5, request.QualityDb);
        Assert.Null(request.SizeBytes);
        Assert.Equal(7, request.Seed);
        Assert.Equal(900, request.Steps);
        Assert.Equal(FrameOrTime.FromFrames(32), request.Frames);
        Assert.Equal(FrameOrTime.FromFrames(4), request.Start);
        Assert.True(request.Overwrite);
        Assert.Equal(Math.Min(3, Environment.ProcessorCount), request.Threads); // --threads is capped at the core count
    }

    [Theory]
    [InlineData("20k", 20_000L)]
    [InlineData("64KiB", 65_536L)]
    [InlineData("123456", 123_456L)]
    public void Encode_size_accepts_suffixes(string text, long expected)
    {
        var parse = Parse.Args("encode", "a.mp4", "b.asmr", "--size", text).Valid();
        Assert.Equal(expected, parse.Result.GetValue(parse.Definition<EncodeCommandDefinition>().Size));
    }

    [Fact]
    public void Encode_bitrate_is_parsed_in_bits_per_second()
    {
        var parse = Parse.Args("encode", "a.mp4", "b.asmr", "--bitrate", "800kbps").Valid();
        Assert.Equal(800_000, parse.Result.GetValue(parse.Definition<EncodeCommandDefinition>().Bitrate));
    }

    [Fact]
    public void Encode_rejects_size_and_bitrate_together()
    {
        Parse.Args("encode", "a.mp4", "b.asmr", "--size", "20k", "--bitrate", "1M").FailsWith("mutually exclusive");
    }

    [Theory]
    [InlineData("--size", "20k")]
    [InlineData("--bitrate", "1M")]
    public void Encode_rejects_a_quality_target_together_with_a_size_target(string option, string value)
    {
        Parse.Args("encode", "a.mp4", "b.asmr", "--quality", "32", option, value).FailsWith("--quality and --size/--bitrate are mutually exclusive");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public void Encode_rejects_a_step_count_that_is_not_a_positive_integer(string value)
    {
        Parse.Args("encode", "a.mp4", "b.asmr", "--steps", value).FailsWith("--steps");
    }

    [Theory]
    [InlineData("--preset", "ultra", "ultra")]
    [InlineData("--quality", "5", "--quality")]
    [InlineData("--quality", "abc", "abc")]
    [InlineData("--size", "12q", "not a valid size")]
    [InlineData("--size", "0", "out of range")]
    [InlineData("--bitrate", "fast", "not a valid bitrate")]
    [InlineData("--seed", "-1", "--seed")]
    [InlineData("--seed", "x", "--seed")]
    [InlineData("--frames", "many", "--frames")]
    [InlineData("--threads", "all", "--threads")]
    [InlineData("--quality", "NaN", "--quality")]
    [InlineData("--frames", "0", "--frames")]
    [InlineData("--start", "-2", "--start")]
    [InlineData("--threads", "-1", "--threads")]
    public void Encode_rejects_invalid_values(string option, string value, string expectedFragment)
    {
        Parse.Args("encode", "a.mp4", "b.asmr", option, value).FailsWith(expectedFragment);
    }

    [Fact]
    public void Encode_requires_an_output()
    {
        Parse.Args("encode", "a.mp4").FailsWith("Required argument missing");
    }

    [Fact]
    public void Global_options_are_accepted_before_the_verb()
    {
        var parse = Parse.Args("--verbose", "-y", "--threads", "2", "encode", "a.mp4", "b.asmr").Valid();
        Assert.Equal(new Hosting.GlobalSettings(Verbose: true, Quiet: false, Overwrite: true, Threads: 2), parse.Settings);
    }
}
