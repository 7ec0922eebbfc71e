using System.Text;

namespace Asmr.Media.Playback;

/// <summary>
/// Draws an RGB picture on a truecolor terminal with the upper half block U+2580: each character cell shows two
/// pixels, the top one as foreground colour and the bottom one as background colour. The picture is scaled to fit
/// <c>columns × 2·rows</c> pixels with its aspect ratio kept (area averaging), and colour escapes are only emitted
/// when a colour changes.
/// </summary>
internal sealed class HalfBlockRenderer
{
    private readonly StringBuilder _builder = new();

    /// <summary>The size in cells the last frame was drawn at.</summary>
    public (int Columns, int Rows) CellSize { get; private set; }

    /// <summary>Computes the cell size that fits a <paramref name="width"/>×<paramref name="height"/> picture.</summary>
    public static (int Columns, int Rows) Fit(int width, int height, int maxColumns, int maxRows)
    {
        maxColumns = Math.Max(1, maxColumns);
        maxRows = Math.Max(1, maxRows);

        // A cell is about twice as tall as it is wide and holds two pixel rows, so pixels come out square.
        double scale = Math.Min((double)maxColumns / width, 2.0 * maxRows / height);
        int columns = Math.Clamp((int)Math.Round(width * scale), 1, maxColumns);
        int pixelRows = Math.Clamp((int)Math.Round(height * scale), 1, 2 * maxRows);
        return (columns, (pixelRows + 1) / 2);
    }

    /// <summary>Renders <paramref name="rgb"/> into escape sequences that draw it from the cursor's home position.</summary>
    public string Render(ReadOnlySpan<byte> rgb, int width, int height, int columns, int rows)
    {
        if (rgb.Length < 3L * width * height)
        {
            throw new ArgumentException("The RGB buffer is smaller than width × height × 3.", nameof(rgb));
        }

        CellSize = (columns, rows);
        _builder.Clear();
        int pixelRows = rows * 2;
        Span<byte> top = stackalloc byte[3];
        Span<byte> bottom = stackalloc byte[3];
        for (int row = 0; row < rows; row++)
        {
            _builder.Append("\e[").Append(row + 1).Append(";1H");
            int lastFg = -1, lastBg = -1;
            for (int col = 0; col < columns; col++)
            {
                Sample(rgb, width, height, columns, pixelRows, col, 2 * row, top);
                Sample(rgb, width, height, columns, pixelRows, col, (2 * row) + 1, bottom);
                int fg = (top[0] << 16) | (top[1] << 8) | top[2];
                int bg = (bottom[0] << 16) | (bottom[1] << 8) | bottom[2];
                if (fg != lastFg)
                {
                    _builder.Append("\e[38;2;").Append(top[0]).Append(';').Append(top[1]).Append(';').Append(top[2]).Append('m');
                    lastFg = fg;
                }

                if (bg != lastBg)
                {
                    _builder.Append("\e[48;2;").Append(bottom[0]).Append(';').Append(bottom[1]).Append(';').Append(bottom[2]).Append('m');
                    lastBg = bg;
                }

                _builder.Append('\u2580');
            }

            _builder.Append("\e[0m\e[K");
        }

        return _builder.ToString();
    }

    /// <summary>Averages the source pixels that fall into output pixel (ox, oy).</summary>
    private static void Sample(ReadOnlySpan<byte> rgb, int width, int height, int outWidth, int outHeight, int ox, int oy, Span<byte> result)
    {
        int x0 = (int)((long)ox * width / outWidth);
        int x1 = Math.Max(x0 + 1, (int)((long)(ox + 1) * width / outWidth));
        int y0 = (int)((long)oy * height / outHeight);
        int y1 = Math.Max(y0 + 1, (int)((long)(oy + 1) * height / outHeight));
        x1 = Math.Min(x1, width);
        y1 = Math.Min(y1, height);
        y0 = Math.Min(y0, height - 1);
        x0 = Math.Min(x0, width - 1);
        long r = 0, g = 0, b = 0, n = 0;
        for (int y = y0; y < Math.Max(y1, y0 + 1); y++)
        {
            int rowStart = y * width * 3;
            for (int x = x0; x < Math.Max(x1, x0 + 1); x++)
            {
                int i = rowStart + (x * 3);
                r += rgb[i];
                g += rgb[i + 1];
                b += rgb[i + 2];
                n++;
            }
        }

        result[0] = (byte)((r + (n / 2)) / n);
        result[1] = (byte)((g + (n / 2)) / n);
        result[2] = (byte)((b + (n / 2)) / n);
    }
}
