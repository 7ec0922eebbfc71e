using Asmr.Cli.Commands.Decode;
using Asmr.Cli.Commands.Encode;
using Asmr.Cli.Parsing;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Parsing;

/// <summary>A repeated option takes its last value, as in ffmpeg.</summary>
public sealed class RepeatedOptionTests
{
    [Fact]
    public void A_repeated_encode_option_takes_its_last_value()
    {
        var parse = Parse.Args(
            "encode", "in.mp4", "out.asmr", "--steps", "20", "--preset", "slow", "--steps", "30", "--preset", "fast",
            "--size", "10k", "--size", "20k", "--threads", "2", "--threads", "1").Valid();
        var request = EncodeCommand.FromParseResult(parse.Result, parse.Definition<EncodeCommandDefinition>(), parse.Settings);

        Assert.Equal(30, request.Steps);
        Assert.Equal(Asmr.Codec.EncoderPreset.Fast, request.Preset);
        Assert.Equal(20_000, request.SizeBytes);
        Assert.Equal(1, request.Threads);
    }

    [Fact]
    public void A_repeated_decode_option_takes_its_last_value()
    {
        var parse = Parse.Args("decode", "in.asmr", "out.y4m", "--frames", "0:2", "--crop", "0,0,4,4", "--frames", "1:3", "--crop", "2,2,8,8").Valid();
        var request = DecodeCommand.FromParseResult(parse.Result, parse.Definition<DecodeCommandDefinition>(), parse.Settings);

        Assert.Equal(new FrameRange(1, 3), request.Frames);
        Assert.Equal("2,2,8,8", request.Crop.ToString());
    }

    [Fact]
    public void An_option_still_takes_one_value_per_occurrence_and_leaves_the_arguments_alone()
    {
        var parse = Parse.Args("encode", "--steps", "20", "in.mp4", "out.asmr").Valid();
        var request = EncodeCommand.FromParseResult(parse.Result, parse.Definition<EncodeCommandDefinition>(), parse.Settings);

        Assert.Equal(("in.mp4", "out.asmr", 20), (request.Input, request.Output, request.Steps));
    }
}
