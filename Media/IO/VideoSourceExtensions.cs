using Asmr.Decoder.Video;

namespace Asmr.Media.IO;

/// <summary>Helpers shared by every <see cref="IVideoSource"/>.</summary>
public static class VideoSourceExtensions
{
    /// <summary>Allocates a frame with the source's size, chroma format and bit depth.</summary>
    /// <param name="source">The source.</param>
    public static VideoFrame CreateFrame(this IVideoSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new VideoFrame(source.Header.Width, source.Header.Height, source.Header.ChromaFormat, source.Header.BitDepth);
    }

    /// <summary>Enumerates the remaining frames, each in a newly allocated <see cref="VideoFrame"/> (safe to keep).</summary>
    /// <param name="source">The source.</param>
    /// <param name="cancellationToken">Cancels a wait for the next frame.</param>
    public static IEnumerable<VideoFrame> ReadFrames(this IVideoSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Iterate(source, cancellationToken);

        static IEnumerable<VideoFrame> Iterate(IVideoSource source, CancellationToken cancellationToken)
        {
            while (true)
            {
                VideoFrame frame = source.CreateFrame();
                if (!source.TryReadFrame(frame, cancellationToken))
                {
                    yield break;
                }

                yield return frame;
            }
        }
    }
}
