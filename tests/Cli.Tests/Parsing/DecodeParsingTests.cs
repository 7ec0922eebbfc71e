using Asmr.Cli.Commands.Decode;
using Asmr.Cli.Parsing;
using Asmr.Cli.Tests.Support;

namespace Asmr.Cli.Tests.Parsing;

public sealed class DecodeParsingTests
{
    [Theory]
    [InlineData("out.y4m", nameof(DecodeOutputKind.Y4mFile))]
    [InlineData("-", nameof(DecodeOutputKind.Y4mStdout))]
    [InlineData("out.mp4", nameof(DecodeOutputKind.FfmpegFile))]
    [InlineData("OUT.MKV", nameof(DecodeOutputKind.FfmpegFile))]
    [InlineData("frames/frame_%04d.png", nameof(DecodeOutputKind.PngSequence))]
    public void Decode_output_kind_follows_the_output_name(string output, string kind)
    {
        var parse = Parse.Args("decode", "in.asmr", output).Valid();
        var request = DecodeCommand.FromParseResult(parse.Result, parse.Definition<DecodeCommandDefinition>(), parse.Settings);
        Assert.Equal(Enum.Parse<DecodeOutputKind>(kind), request.Output.Kind);
        Assert.Equal(output, request.Output.Path);
        Assert.Equal(FrameRange.All, request.Frames);
        Assert.Null(request.Crop);
    }

    [Fact]
    public void Decode_reads_frames_and_crop()
    {
        var parse = Parse.Args("decode", "in.asmr", "out.y4m", "--frames", "10:20", "--crop", "8,16,176,144").Valid();
        var request = DecodeCommand.FromParseResult(parse.Result, parse.Definition<DecodeCommandDefinition>(), parse.Settings);
        Assert.Equal(new FrameRange(10, 20), request.Frames);
        Assert.Equal(new CropRect(8, 16, 176, 144), request.Crop);
    }

    [Theory]
    [InlineData("out.flv", "Cannot tell the output format")]
    [InlineData("frame_%d_%d.png", "more than one number field")]
    [InlineData("frame_%s.png", "unsupported % sequence")]
    [InlineData("out_%d.y4m", "Only PNG output")]
    public void Decode_rejects_outputs_it_cannot_write(string output, string fragment)
    {
        Parse.Args("decode", "in.asmr", output).FailsWith(fragment);
    }

    [Theory]
    [InlineData("5:2", "empty")]
    [InlineData("3:3", "empty")]
    [InlineData("7", "not a frame range")]
    [InlineData("a:b", "whole numbers")]
    [InlineData("-1:4", "whole numbers")]
    [InlineData("1:2:3", "not a frame range")]
    public void Decode_rejects_bad_frame_ranges(string frames, string fragment)
    {
        Parse.Args("decode", "in.asmr", "out.y4m", "--frames", frames).FailsWith(fragment);
    }

    [Theory]
    [InlineData("1,2,3", "not a crop rectangle")]
    [InlineData("0,0,0,10", "empty")]
    [InlineData("-1,0,10,10", "not a crop rectangle")]
    [InlineData("a,b,c,d", "not a crop rectangle")]
    public void Decode_rejects_bad_crops(string crop, string fragment)
    {
        Parse.Args("decode", "in.asmr", "out.y4m", "--crop", crop).FailsWith(fragment);
    }
}
