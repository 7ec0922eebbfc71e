namespace Asmr.Media.IO;

/// <summary>Encoder settings for <see cref="FfmpegVideoSink"/>.</summary>
public sealed record FfmpegSinkOptions
{
    /// <summary>Default settings: libx264, CRF 18, preset medium.</summary>
    public static FfmpegSinkOptions Default { get; } = new();

    /// <summary>The ffmpeg encoder (<c>-c:v</c>).</summary>
    public string Codec { get; init; } = "libx264";

    /// <summary>Constant rate factor (<c>-crf</c>); 18 is visually near-lossless for x264. <see langword="null"/> to omit.</summary>
    public int? Crf { get; init; } = 18;

    /// <summary>More encoder arguments, after <c>-crf</c> (for example <c>-b:v 0</c>, which VP9 needs for constant quality).</summary>
    public IReadOnlyList<string> CodecArguments { get; init; } = [];

    /// <summary>Encoder speed preset (<c>-preset</c>); <see langword="null"/> to omit.</summary>
    public string? Preset { get; init; } = "medium";

    /// <summary>
    /// Output pix_fmt; <see langword="null"/> keeps the frames' own layout (8- and 10-bit 4:2:0/4:2:2/4:4:4 and gray, which
    /// libx264 takes directly; 12..16-bit input is encoded at 10 bits).
    /// </summary>
    public string? PixelFormat { get; init; }

    /// <summary>Folder holding <c>ffmpeg</c>; <see langword="null"/> to search <c>PATH</c>.</summary>
    public string? ToolFolder { get; init; }
}
