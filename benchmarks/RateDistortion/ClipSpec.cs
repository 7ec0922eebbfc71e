namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// One clip of the benchmark: the first <see cref="Frames"/> frames of <see cref="Path"/>, optionally scaled to
/// <see cref="ScaleWidth"/>×<see cref="ScaleHeight"/> by ffmpeg, are extracted once to a y4m that every codec encodes.
/// </summary>
/// <param name="Name">File-name-safe name: the plot is <c>rd-&lt;Name&gt;.svg</c>.</param>
/// <param name="Path">The clip (anything ffmpeg reads).</param>
/// <param name="Frames">Frames to take from the start of the clip.</param>
/// <param name="ScaleWidth">Width to scale to, or null to keep the clip's size.</param>
/// <param name="ScaleHeight">Height to scale to, or null to keep the clip's size.</param>
internal sealed record ClipSpec(string Name, string Path, int Frames, int? ScaleWidth = null, int? ScaleHeight = null)
{
    /// <summary>Frames per clip when neither the clip table nor <c>--frames</c> says otherwise.</summary>
    public const int DefaultFrames = 32;

    /// <summary>
    /// The default clips of a full run, from ../shared/media, with their frame counts. asmrc's encode time grows with
    /// width·height·frames, so the 720p clip gets fewer frames (8 frames of 720p are still 2.3× the samples of 32 CIF
    /// frames). Edit this table to change the default run.
    /// </summary>
    public static IReadOnlyList<(string File, int Frames)> DefaultTable { get; } =
    [
        ("akiyo_352x288.mp4", 32),
        ("foreman_352x288.mp4", 32),
        ("webcam_talk_1280x720.mp4", 8),
    ];

    /// <summary>The clip of <c>--quick</c>: the first 8 frames of akiyo scaled to QCIF (176×144).</summary>
    public static ClipSpec Quick(string mediaFolder) =>
        new("akiyo_176x144", System.IO.Path.Combine(mediaFolder, "akiyo_352x288.mp4"), 8, 176, 144);

    /// <summary>
    /// A clip named by the user: the frame count is <paramref name="frames"/> if given, else the table's count for a
    /// clip of that file name, else <see cref="DefaultFrames"/>.
    /// </summary>
    public static ClipSpec FromPath(string path, int? frames)
    {
        string file = System.IO.Path.GetFileName(path);
        int tableFrames = DefaultTable.FirstOrDefault(c => c.File == file).Frames;
        int count = frames ?? (tableFrames > 0 ? tableFrames : DefaultFrames);
        return new ClipSpec(SafeName(System.IO.Path.GetFileNameWithoutExtension(path)), path, count);
    }

    /// <summary>Replaces every character but letters, digits, '-' and '_' with '_'.</summary>
    public static string SafeName(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
