using System.Globalization;
using System.Text;

namespace Asmr.Cli;

/// <summary>
/// The process exit codes of <c>asmrc</c>. This is the one table: <c>--help</c> prints it (see
/// <see cref="FormatTable"/>) and README.md repeats it; a test keeps the two in step.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Bad or missing arguments (System.CommandLine's own parse errors included).</summary>
    public const int UsageError = 1;

    /// <summary>The input was not found, cannot be read, is malformed (a bad y4m frame), or is not a video we (or ffmpeg) can read.</summary>
    public const int InputError = 2;

    /// <summary>The .asmr file is corrupt or invalid.</summary>
    public const int InvalidAsmr = 3;

    /// <summary>
    /// The output cannot be written: it exists (no -y), its folder is missing or read-only, the disk is full; or its work
    /// folder holds the finished segments of an earlier encode and neither --resume nor -y was given.
    /// </summary>
    public const int OutputError = 4;

    /// <summary>The file needs a newer reader, or uses a feature this build does not support.</summary>
    public const int Unsupported = 5;

    /// <summary>An external tool (ffmpeg, ffprobe, ffplay) is missing.</summary>
    public const int ToolMissing = 6;

    /// <summary>Encoding or decoding failed inside asmrc: a bug, to be reported with --verbose output.</summary>
    public const int InternalError = 7;

    /// <summary>
    /// The encode wrote its file, but the file decodes far below the quality the fitted model reached (a
    /// <c>warning:</c> line says by how much): a result a script must not take for a good one.
    /// </summary>
    public const int QualityShortfall = 8;

    /// <summary>
    /// <c>asmrc merge</c>: the parts do not make one video (a part missing, repeated, or from another source, other
    /// settings, another asmrc build or another kind of machine); nothing is written.
    /// </summary>
    public const int PartsMismatch = 9;

    /// <summary>Interrupted by Ctrl-C (SIGINT) or SIGTERM; nothing partial is left behind (the finished segments of a long encode stay in its work folder for --resume).</summary>
    public const int Interrupted = 130;

    /// <summary>Every exit code with a one-line meaning, in ascending order.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Table { get; } =
    [
        (Success, "success"),
        (UsageError, "usage error: bad or missing arguments"),
        (InputError, "input not found, unreadable, malformed or unsupported (not a video, ffmpeg cannot read it)"),
        (InvalidAsmr, "corrupt or invalid .asmr file"),
        (OutputError, "output cannot be written (exists without -y, folder missing, read-only, disk full; or its work folder holds an earlier encode's segments, without --resume or -y)"),
        (Unsupported, "unsupported format version or feature, or a part file (from `encode --shard`) where a whole video is needed"),
        (ToolMissing, "external tool missing (ffmpeg)"),
        (InternalError, "encode/decode failure (internal error; rerun with --verbose and report it)"),
        (QualityShortfall, "encode wrote the file, but it decodes far below what the fitted model reached (see the warning)"),
        (PartsMismatch, "merge: the parts do not make one video (a part missing, repeated, or from another source, settings, build or kind of machine)"),
        (Interrupted, "interrupted (Ctrl-C or SIGTERM)"),
    ];

    /// <summary>The table as indented text lines, the way <c>--help</c> shows it.</summary>
    public static string FormatTable()
    {
        var text = new StringBuilder();
        text.Append("Exit codes:").Append('\n');
        foreach (var (code, meaning) in Table)
        {
            text.Append("  ").Append(code.ToString(CultureInfo.InvariantCulture).PadRight(5)).Append(meaning).Append('\n');
        }

        return text.ToString();
    }
}
