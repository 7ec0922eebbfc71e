using System.Text.RegularExpressions;

namespace Asmr.Cli.Errors;

/// <summary>
/// Turns the names of the temporary files outputs are written through back into the names the user gave, so an
/// error (disk full, permission denied) names their file. System messages name the file the call used, and
/// outputs are written to a temporary file that is renamed at the end (see <c>AtomicFileWriter</c>, <c>AtomicFile</c>
/// and <c>PngSequenceWriter</c> for the two naming schemes undone here).
/// </summary>
internal static partial class TemporaryNames
{
    /// <summary><paramref name="message"/> with every temporary name replaced by its destination's.</summary>
    public static string ToUserNames(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message = HiddenTemporary().Replace(message, "${name}");
        return SuffixTemporary().Replace(message, string.Empty);
    }

    // AtomicFile and PngSequenceWriter: ".{name}.{12 hex digits}.tmp" then, for ffmpeg, the destination's extension.
    [GeneratedRegex(@"(?<=^|[/'""\s(])\.(?<name>[^/'""\s]+?)\.[0-9a-f]{12}\.tmp(?:\.[A-Za-z0-9]+)?(?=$|[/'""\s.,:;)])")]
    private static partial Regex HiddenTemporary();

    // AtomicFileWriter: "{name}.tmp{16 hex digits}".
    [GeneratedRegex(@"\.tmp[0-9a-f]{16}(?=$|[/'""\s.,:;)])")]
    private static partial Regex SuffixTemporary();
}
