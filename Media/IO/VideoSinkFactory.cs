using Asmr.Container;

namespace Asmr.Media.IO;

/// <summary>Creates the right <see cref="IVideoSink"/> for an output path.</summary>
public static class VideoSinkFactory
{
    /// <summary>
    /// Creates a sink: "-" writes y4m to standard output; <c>*.y4m</c> writes a y4m file; a path with a printf number field
    /// ending in <c>.png</c> (such as <c>frame_%04d.png</c>) writes one PNG per frame; anything else is encoded by ffmpeg,
    /// the container chosen by the extension (mp4, mkv, mov, ...).
    /// </summary>
    /// <param name="path">The output path, pattern, or "-".</param>
    /// <param name="header">Size, frame rate, format and colour of the frames.</param>
    /// <param name="options">Encoder settings for ffmpeg outputs.</param>
    /// <exception cref="ArgumentException">A single <c>.png</c> path without a number field, or an invalid pattern.</exception>
    /// <exception cref="MediaToolMissingException">The output needs ffmpeg, which is not installed.</exception>
    public static IVideoSink Create(string path, SequenceHeader header, FfmpegSinkOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(header);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (path == "-" || extension == ".y4m")
        {
            return Y4mWriter.Create(path, header);
        }

        if (extension == ".png")
        {
            if (!path.Contains('%', StringComparison.Ordinal))
            {
                throw new ArgumentException($"PNG output needs a numbered file pattern such as frame_%04d.png; \"{path}\" has none.", nameof(path));
            }

            return new PngSequenceWriter(path, header);
        }

        return new FfmpegVideoSink(path, header, options);
    }
}
