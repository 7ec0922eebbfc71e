using Asmr.Container;

namespace Asmr.Media.IO;

/// <summary>
/// How a source's ffmpeg pixel format is delivered: the planar layout ffmpeg is asked for (<see cref="OutputName"/>), and
/// whether that is a conversion.
/// </summary>
/// <param name="SourceName">The source's pix_fmt as ffprobe reports it.</param>
/// <param name="OutputName">The pix_fmt requested from ffmpeg for <c>-f rawvideo</c>.</param>
/// <param name="Format">Chroma format of the output.</param>
/// <param name="BitDepth">Bit depth of the output.</param>
/// <param name="FullRangeFormat">The source format is a JPEG (yuvj*) format, so its samples are full range.</param>
/// <param name="Rgb">The source is RGB (or paletted) and is converted to Y′CbCr 4:4:4, BT.709 matrix, full range.</param>
internal sealed record FfmpegPixelFormat(string SourceName, string OutputName, ChromaFormat Format, int BitDepth, bool FullRangeFormat, bool Rgb)
{
    /// <summary>True when ffmpeg must convert samples (anything but a plain little-endian repack of the same layout).</summary>
    public bool Converted => OutputName != SourceName;

    /// <summary>
    /// Maps a pix_fmt: planar 4:2:0/4:2:2/4:4:4 and gray at 8..16 bits pass through (big-endian and semi-planar variants are
    /// repacked to planar little-endian); yuvj* pass through as full range; yuv440p becomes 4:4:4; RGB, RGBA, GBR,
    /// paletted and gray+alpha become yuv444p / gray at the nearest depth; anything else (yuv411p, yuv410p, ...) becomes
    /// 4:2:0 at the nearest depth.
    /// </summary>
    public static FfmpegPixelFormat Map(string pixFmt)
    {
        ArgumentException.ThrowIfNullOrEmpty(pixFmt);
        string name = pixFmt.ToLowerInvariant();
        int depth = DepthOf(name);
        string le = depth > 8 ? "le" : string.Empty;

        static string Planar(string layout, int depth) => depth > 8 ? $"{layout}p{depth}le" : $"{layout}p";

        if (name.StartsWith("yuvj", StringComparison.Ordinal))
        {
            string layout = name.Substring(4, 3);
            return layout switch
            {
                "420" => new(pixFmt, "yuvj420p", ChromaFormat.Yuv420, 8, true, false),
                "422" => new(pixFmt, "yuvj422p", ChromaFormat.Yuv422, 8, true, false),
                _ => new(pixFmt, "yuvj444p", ChromaFormat.Yuv444, 8, true, false),
            };
        }

        foreach ((string layout, ChromaFormat format) in new[] { ("420", ChromaFormat.Yuv420), ("422", ChromaFormat.Yuv422), ("444", ChromaFormat.Yuv444) })
        {
            if (name.StartsWith("yuv" + layout + "p", StringComparison.Ordinal))
            {
                return new(pixFmt, "yuv" + Planar(layout, depth), format, depth, false, false);
            }

            if (name.StartsWith("yuva" + layout + "p", StringComparison.Ordinal))
            {
                return new(pixFmt, "yuv" + Planar(layout, depth), format, depth, false, false);
            }
        }

        if (name.StartsWith("yuv440p", StringComparison.Ordinal))
        {
            return new(pixFmt, "yuv" + Planar("444", depth), ChromaFormat.Yuv444, depth, false, false);
        }

        if (name is "nv12" or "nv21")
        {
            return new(pixFmt, "yuv420p", ChromaFormat.Yuv420, 8, false, false);
        }

        if (name is "p010le" or "p010be" or "p016le" or "p016be" or "p012le" or "p012be")
        {
            return new(pixFmt, "yuv" + Planar("420", depth), ChromaFormat.Yuv420, depth, false, false);
        }

        if (name is "nv16" or "nv20le" or "nv20be" or "yuyv422" or "uyvy422" or "yvyu422" or "y210le")
        {
            return new(pixFmt, "yuv" + Planar("422", depth), ChromaFormat.Yuv422, depth, false, false);
        }

        if (name.StartsWith("gray", StringComparison.Ordinal) || name.StartsWith("ya", StringComparison.Ordinal) || name.StartsWith("y4", StringComparison.Ordinal))
        {
            return new(pixFmt, depth > 8 ? $"gray{depth}{le}" : "gray", ChromaFormat.Mono400, depth, false, false);
        }

        if (name.Contains("rgb", StringComparison.Ordinal) || name.Contains("bgr", StringComparison.Ordinal)
            || name.StartsWith("gbr", StringComparison.Ordinal) || name is "pal8" or "monow" or "monob")
        {
            return new(pixFmt, Planar("yuv444", depth), ChromaFormat.Yuv444, depth, false, true);
        }

        return new(pixFmt, Planar("yuv420", depth), ChromaFormat.Yuv420, depth, false, false);
    }

    /// <summary>The per-component depth a pix_fmt name implies: 8, or 9/10/12/14/16 from its digits.</summary>
    private static int DepthOf(string name)
    {
        if (name.StartsWith("rgb48", StringComparison.Ordinal) || name.StartsWith("bgr48", StringComparison.Ordinal)
            || name.StartsWith("rgba64", StringComparison.Ordinal) || name.StartsWith("bgra64", StringComparison.Ordinal)
            || name.StartsWith("ya16", StringComparison.Ordinal) || name.Contains("p016", StringComparison.Ordinal))
        {
            return 16;
        }

        if (name.Contains("p010", StringComparison.Ordinal) || name.Contains("nv20", StringComparison.Ordinal)
            || name.Contains("y210", StringComparison.Ordinal) || name.Contains("x2rgb10", StringComparison.Ordinal) || name.Contains("x2bgr10", StringComparison.Ordinal))
        {
            return 10;
        }

        if (name.Contains("p012", StringComparison.Ordinal))
        {
            return 12;
        }

        foreach (int d in new[] { 16, 14, 12, 10, 9 })
        {
            string digits = d.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (name.Contains("p" + digits, StringComparison.Ordinal) || name.StartsWith("gray" + digits, StringComparison.Ordinal))
            {
                return d;
            }
        }

        return 8;
    }
}
