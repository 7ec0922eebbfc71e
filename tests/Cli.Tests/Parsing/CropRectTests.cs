using Asmr.Cli.Errors;
using Asmr.Cli.Parsing;

namespace Asmr.Cli.Tests.Parsing;

public sealed class CropRectTests
{
    [Fact]
    public void Crop_parses_x_y_width_height()
    {
        Assert.True(CropRect.TryParse("8, 16,176,144", out var crop, out string error), error);
        Assert.Equal(new CropRect(8, 16, 176, 144), crop);
        Assert.Equal("8,16,176,144", crop.ToString());
    }

    [Fact]
    public void Crop_inside_the_picture_is_accepted()
    {
        new CropRect(176, 144, 176, 144).EnsureInside(352, 288);
    }

    [Theory]
    [InlineData(177, 0, 176, 144)]
    [InlineData(0, 200, 10, 89)]
    public void Crop_reaching_outside_the_picture_is_a_usage_error(int x, int y, int w, int h)
    {
        var error = Assert.Throws<UsageException>(() => new CropRect(x, y, w, h).EnsureInside(352, 288));
        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        Assert.Contains("352x288", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crop_too_large_to_add_up_is_rejected()
    {
        Assert.False(CropRect.TryParse($"{int.MaxValue},0,10,10", out _, out string error));
        Assert.Contains("too large", error, StringComparison.Ordinal);
    }
}
