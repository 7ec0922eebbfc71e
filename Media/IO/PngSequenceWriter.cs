using System.Security.Cryptography;
using Asmr.Container;
using Asmr.Media.Color;
using Asmr.Decoder.Video;

namespace Asmr.Media.IO;

/// <summary>
/// Writes each frame to its own PNG file named by a printf-style pattern such as <c>frame_%04d.png</c> (see
/// <see cref="PngWriter"/> for the encoding). The sequence is all or nothing: frames go to hidden temporary files
/// beside their destinations, and only <see cref="Complete"/> renames them into place. Disposing before that (an
/// error, Ctrl-C) deletes them, so an interrupted decode leaves no numbered file behind.
/// </summary>
public sealed class PngSequenceWriter : IVideoSink
{
    private readonly FramePathPattern _pattern;
    private readonly SequenceHeader _header;
    private readonly YuvToRgb _converter;
    private readonly int _startNumber;
    private readonly bool _overwrite;
    private readonly List<string> _staged = [];
    private bool _completed;
    private bool _disposed;

    /// <summary>Prepares the sink; nothing is written until the first frame.</summary>
    /// <param name="pattern">
    /// File path pattern with exactly one %d, %0Nd or %Nd (N = 1..9; %% is a literal percent sign), or a name without
    /// any % for a single frame.
    /// </param>
    /// <param name="header">Size, format and colour of the frames.</param>
    /// <param name="startNumber">The number of the first frame's file (1 by default, as ffmpeg's image2 muxer).</param>
    /// <param name="overwrite">Whether <see cref="Complete"/> may replace existing files.</param>
    /// <exception cref="ArgumentException">The pattern is invalid.</exception>
    public PngSequenceWriter(string pattern, SequenceHeader header, int startNumber = 1, bool overwrite = true)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentOutOfRangeException.ThrowIfNegative(startNumber);
        _pattern = pattern.Contains('%', StringComparison.Ordinal) ? FramePathPattern.Parse(pattern) : FramePathPattern.Single(pattern);
        _header = header;
        _startNumber = startNumber;
        _overwrite = overwrite;
        _converter = new YuvToRgb(header.Color, header.BitDepth, header.Height, PngWriter.PngBitDepth(header.BitDepth));
    }

    /// <inheritdoc />
    public int FramesWritten { get; private set; }

    /// <summary>The file path of the frame with 0-based index <paramref name="index"/>.</summary>
    /// <param name="index">Frame index.</param>
    public string PathOf(int index) => _pattern.Format(_startNumber + index);

    /// <summary>The existing files among the first <paramref name="frameCount"/> names, in frame order.</summary>
    /// <param name="frameCount">How many frames will be written.</param>
    public IEnumerable<string> ExistingFiles(int frameCount) =>
        Enumerable.Range(0, frameCount).Select(PathOf).Where(File.Exists);

    /// <inheritdoc />
    public void WriteFrame(VideoFrame frame, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The sequence is already complete.");
        }

        if (!_pattern.HasNumber && _staged.Count > 0)
        {
            throw new InvalidOperationException($"'{PathOf(0)}' names one picture, and a second frame came; use a pattern such as frame_%04d.png.");
        }

        RawFrameCodec.CheckMatches(frame, _header, nameof(frame));
        cancellationToken.ThrowIfCancellationRequested();
        string destination = Path.GetFullPath(PathOf(_staged.Count));
        string temporary = Path.Combine(
            Path.GetDirectoryName(destination)!,
            $".{Path.GetFileName(destination)}.{RandomNumberGenerator.GetHexString(12, lowercase: true)}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            BufferSize = 1 << 16,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        _staged.Add(temporary);
        using (var stream = new FileStream(temporary, options))
        {
            PngWriter.Write(stream, frame, _converter);
        }

        FramesWritten++;
    }

    /// <summary>
    /// Moves every staged frame to its name. Without overwrite, an existing name is an <see cref="IOException"/> and
    /// nothing is moved; if a move fails half-way, the frames already moved are removed again.
    /// </summary>
    public void Complete(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_overwrite && ExistingFiles(_staged.Count).FirstOrDefault() is { } existing)
        {
            throw new IOException($"Cannot write '{existing}': the file already exists and overwriting was not requested.");
        }

        var moved = new List<string>(_staged.Count);
        try
        {
            for (int i = 0; i < _staged.Count; i++)
            {
                string destination = PathOf(i);
                File.Move(_staged[i], destination, _overwrite);
                moved.Add(destination);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            moved.ForEach(TryDelete);
            throw;
        }

        _staged.Clear();
        _completed = true;
    }

    /// <summary>Deletes the staged frames unless <see cref="Complete"/> moved them into place.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _staged.ForEach(TryDelete);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the hidden name marks the file as temporary.
        }
    }
}
