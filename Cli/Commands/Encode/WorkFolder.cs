using System.Globalization;
using Asmr.Cli.Errors;

namespace Asmr.Cli.Commands.Encode;

/// <summary>
/// The folder where a resumable encode keeps each finished segment as a one-segment part file (the part
/// <c>--shard s+1/S</c> would write), named <c>segment-NNNNN.asmrpart</c> by the segment's index. Only these names (and
/// the temporary files they are written through) are ever created or deleted here, so a <c>--work-dir</c> that holds
/// other files keeps them.
/// </summary>
internal sealed class WorkFolder
{
    private const string Prefix = "segment-";
    private const string Extension = ".asmrpart";
    private bool _created;

    public WorkFolder(string path) => Path = path;

    /// <summary>The folder, as the user gave it or as derived from OUT.</summary>
    public string Path { get; }

    /// <summary>The default work folder of an output: next to it, named after it (so two outputs never share one).</summary>
    public static string DefaultFor(string output) => output + ".parts";

    /// <summary>Where segment <paramref name="index"/> (from 0) is kept.</summary>
    public string SegmentPath(int index) =>
        System.IO.Path.Combine(Path, Prefix + index.ToString("D5", CultureInfo.InvariantCulture) + Extension);

    /// <summary>Creates the folder if it is missing; a folder that cannot be made is an output error (exit 4).</summary>
    public void Create()
    {
        if (Directory.Exists(Path))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path);
            _created = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"Cannot create the work folder '{Path}': {e.Message}", innerException: e);
        }
    }

    /// <summary>The segment files now in the folder, in name order.</summary>
    public IReadOnlyList<string> Segments() =>
        Directory.Exists(Path)
            ? [.. Directory.GetFiles(Path, Prefix + "*" + Extension).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Deletes the segment files and the temporary files a power loss may have left; then the folder, if empty.</summary>
    public void Remove()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }

        // A write cut short leaves "segment-NNNNN.asmrpart.tmp" + 16 hex digits (AtomicFileWriter's name).
        foreach (string file in Directory.GetFiles(Path, Prefix + "*" + Extension).Concat(Directory.GetFiles(Path, Prefix + "*" + Extension + ".tmp*")))
        {
            File.Delete(file);
        }

        if (!Directory.EnumerateFileSystemEntries(Path).Any())
        {
            Directory.Delete(Path);
        }
    }

    /// <summary>After a failure: removes the folder if this run made it and nothing finished went into it.</summary>
    public void RemoveIfUnused()
    {
        if (_created && Segments().Count == 0)
        {
            Remove();
        }
    }
}
