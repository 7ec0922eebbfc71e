using System.Globalization;

namespace Asmr.Cli.Parsing;

/// <summary>A crop rectangle written <c>x,y,w,h</c> in luma pixels: top-left corner (x, y), width w and height h.</summary>
internal readonly record struct CropRect(int X, int Y, int Width, int Height)
{
    public static bool TryParse(string text, out CropRect crop, out string error)
    {
        crop = default;
        string[] parts = (text ?? string.Empty).Split(',');
        var values = new int[4];
        if (parts.Length != 4
            || !parts.Select((p, i) => int.TryParse(p.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
        {
            error = $"'{text}' is not a crop rectangle; write x,y,w,h as four whole numbers, e.g. 0,0,176,144.";
            return false;
        }

        if (values[2] < 1 || values[3] < 1)
        {
            error = $"Crop '{text}' is empty; width and height must be at least 1.";
            return false;
        }

        if ((long)values[0] + values[2] > int.MaxValue || (long)values[1] + values[3] > int.MaxValue)
        {
            error = $"Crop '{text}' is too large.";
            return false;
        }

        crop = new CropRect(values[0], values[1], values[2], values[3]);
        error = string.Empty;
        return true;
    }

    /// <summary>Checks that the rectangle lies inside a <paramref name="width"/>×<paramref name="height"/> picture.</summary>
    /// <exception cref="Errors.UsageException">It does not.</exception>
    public void EnsureInside(int width, int height)
    {
        if (X + Width > width || Y + Height > height)
        {
            throw new Errors.UsageException(
                $"--crop {this} does not fit inside the {width}x{height} picture.");
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{X},{Y},{Width},{Height}");
}
