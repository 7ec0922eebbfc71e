using Asmr.Decoder.Video;

namespace Asmr.Media.IO;

/// <summary>
/// A destination for frames, written one at a time. File outputs appear at their path only when <see cref="Complete"/>
/// succeeds; disposing an incomplete sink (after an error or a cancellation) discards what was written.
/// </summary>
public interface IVideoSink : IDisposable
{
    /// <summary>Number of frames written so far.</summary>
    int FramesWritten { get; }

    /// <summary>Writes the next frame.</summary>
    /// <param name="frame">A frame with the sink's size, chroma format and bit depth.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    void WriteFrame(VideoFrame frame, CancellationToken cancellationToken = default);

    /// <summary>Finishes the output (flushes, finalises the container, moves the file into place).</summary>
    /// <param name="cancellationToken">Cancels the finishing; the output is then discarded.</param>
    void Complete(CancellationToken cancellationToken = default);
}
