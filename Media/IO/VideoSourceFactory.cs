namespace Asmr.Media.IO;

/// <summary>Opens the right <see cref="IVideoSource"/> for a path or for standard input.</summary>
public static class VideoSourceFactory
{
    /// <summary>
    /// Opens a video: "-" reads standard input, which must be YUV4MPEG2; a file starting with the y4m signature is read by
    /// <see cref="Y4mReader"/> (no ffmpeg needed); any other file goes to <see cref="FfmpegVideoSource"/>.
    /// </summary>
    /// <param name="path">A file path, or "-" for standard input.</param>
    /// <param name="options">Start, MaxFrames, CountFrames and the tool folder.</param>
    /// <param name="cancellationToken">Cancels probing.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The input is malformed, or standard input is not y4m.</exception>
    /// <exception cref="MediaToolMissingException">The file needs ffmpeg, which is not installed.</exception>
    public static IVideoSource Open(string path, VideoSourceOptions? options = null, CancellationToken cancellationToken = default) =>
        Open(path, options, null, cancellationToken);

    /// <summary>As <see cref="Open(string, VideoSourceOptions?, CancellationToken)"/>, with a replacement for standard input (tests).</summary>
    internal static IVideoSource Open(string path, VideoSourceOptions? options, Stream? standardInput, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path == "-")
        {
            Stream stdin = standardInput ?? Console.OpenStandardInput();
            return new Y4mReader(
                stdin,
                options,
                leaveOpen: standardInput is not null,
                "Standard input must be a YUV4MPEG2 (y4m) stream (it does not start with \"YUV4MPEG2 \"); for other formats pass a file path, or convert with: ffmpeg -i INPUT -f yuv4mpegpipe -");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Input file not found: {path}", path);
        }

        if (StartsWithY4mMagic(path))
        {
            return Y4mReader.Open(path, options);
        }

        return FfmpegVideoSource.Open(path, options, cancellationToken);
    }

    private static bool StartsWithY4mMagic(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16);
        Span<byte> head = stackalloc byte[Y4mReader.Magic.Length];
        int got = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..got].SequenceEqual(Y4mReader.Magic);
    }
}
