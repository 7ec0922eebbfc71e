using Asmr.Cli.Commands.Decode;

namespace Asmr.Cli.Tests.Parsing;

public sealed class DecodeOutputTests
{
    [Theory]
    [InlineData("frame_%04d.png", 7, "frame_0007.png")]
    [InlineData("f%d.png", 123, "f123.png")]
    [InlineData("100%%_%03d.png", 5, "100%_005.png")]
    [InlineData("dir/%2d.png", 3, "dir/03.png")]
    public void Png_patterns_expand_like_printf(string pattern, int frame, string expected)
    {
        Assert.True(DecodeOutput.TryParse(pattern, out var output, out string error), error);
        Assert.Equal(expected, output!.FileForFrame(frame));
    }

    [Fact]
    public void Non_pattern_outputs_name_the_same_file_for_every_frame()
    {
        Assert.True(DecodeOutput.TryParse("out.y4m", out var output, out _));
        Assert.Equal("out.y4m", output!.FileForFrame(12));
    }

    [Fact]
    public void A_png_name_without_a_number_field_is_a_single_picture()
    {
        Assert.True(DecodeOutput.TryParse("one.png", out var output, out string error), error);
        Assert.Equal(DecodeOutputKind.PngSingle, output!.Kind);
        Assert.Equal("one.png", output.FileForFrame(5));
    }

    [Theory]
    [InlineData("%s.png")]
    [InlineData("f_%d_%d.png")]
    [InlineData("100%%.png")]
    [InlineData("frame_%x.png")]
    [InlineData("")]
    public void Patterns_with_other_fields_are_rejected(string pattern)
    {
        Assert.False(DecodeOutput.TryParse(pattern, out _, out string error));
        Assert.NotEmpty(error);
    }
}
