using Asmr.Media.Playback;

namespace Asmr.Media.Tests.Playback;

public sealed class HalfBlockRendererTests
{
    [Theory]
    [InlineData(352, 288, 80, 24, 59, 24)]
    [InlineData(1920, 1080, 200, 60, 200, 56)]
    [InlineData(1, 1, 80, 24, 48, 24)]
    [InlineData(100, 10, 10, 10, 10, 1)]
    public void Fit_KeepsAspectRatioWithinTheTerminal(int width, int height, int maxColumns, int maxRows, int columns, int rows)
    {
        var size = HalfBlockRenderer.Fit(width, height, maxColumns, maxRows);

        Assert.Equal((columns, rows), size);
        Assert.InRange(size.Columns, 1, maxColumns);
        Assert.InRange(size.Rows, 1, maxRows);
    }

    [Fact]
    public void Render_TwoPixelsPerCell_UsesTopAsForegroundAndBottomAsBackground()
    {
        // 1×2 picture: red above blue, drawn into a single cell.
        byte[] rgb = [255, 0, 0, 0, 0, 255];

        string text = new HalfBlockRenderer().Render(rgb, 1, 2, 1, 1);

        Assert.Contains("\e[38;2;255;0;0m", text, StringComparison.Ordinal);
        Assert.Contains("\e[48;2;0;0;255m", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Count(c => c == '\u2580'));
    }

    [Fact]
    public void Render_RepeatedColour_EmitsTheEscapeOnce()
    {
        byte[] rgb = Enumerable.Repeat((byte)200, 8 * 2 * 3).ToArray();

        string text = new HalfBlockRenderer().Render(rgb, 8, 2, 8, 1);

        Assert.Equal(8, text.Count(c => c == '\u2580'));
        Assert.Equal(1, CountOccurrences(text, "\e[38;2;200;200;200m"));
    }

    [Fact]
    public void Render_Downscaling_AveragesSourcePixels()
    {
        // 2×2 picture of black and white columns, drawn into one cell column: each half averages to grey.
        byte[] rgb = [0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255];

        string text = new HalfBlockRenderer().Render(rgb, 2, 2, 1, 1);

        Assert.Contains("\e[38;2;128;128;128m", text, StringComparison.Ordinal);
    }

    private static int CountOccurrences(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
