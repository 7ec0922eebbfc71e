namespace Asmr.Cli.Commands.Info.Report;

/// <summary>Everything <c>asmrc info</c> shows about one .asmr file; rendered as text or JSON.</summary>
/// <param name="File">The file itself.</param>
/// <param name="Format">Format and minimum reader version.</param>
/// <param name="Video">The sequence header.</param>
/// <param name="Segments">The segments in frame order.</param>
/// <param name="Metadata">The meta section, if present.</param>
/// <param name="Sections">Every section in file order.</param>
internal sealed record InfoReport(
    FileSummary File,
    FormatSummary Format,
    VideoSummary Video,
    IReadOnlyList<SegmentSummary> Segments,
    MetadataSummary? Metadata,
    IReadOnlyList<SectionSummary> Sections)
{
    /// <summary>Average bitrate over the whole file, in bits per second (0 when the duration is 0).</summary>
    public double BitsPerSecond => Video.DurationSeconds > 0 ? File.SizeBytes * 8.0 / Video.DurationSeconds : 0;

    /// <summary>Bits per luma pixel over all frames.</summary>
    public double BitsPerPixel => File.SizeBytes * 8.0 / ((double)Video.Width * Video.Height * Math.Max(1, Video.Frames));
}
