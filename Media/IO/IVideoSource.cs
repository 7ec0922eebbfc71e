using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Media.IO;

/// <summary>
/// A stream of decoded frames, read one at a time; the whole video is never held in memory.
/// </summary>
/// <remarks>
/// <see cref="SequenceHeader.FrameCount"/> of <see cref="Header"/> is the number of frames this source will deliver
/// (after <see cref="VideoSourceOptions.Start"/> and <see cref="VideoSourceOptions.MaxFrames"/>) when it is known up front,
/// and <b>0 when it is not</b> (standard input; containers that do not declare a count, unless
/// <see cref="VideoSourceOptions.CountFrames"/> is set). 0 is also reported when a known count leaves nothing to deliver
/// (for example <c>Start</c> beyond the end). <see cref="TryReadFrame"/> returning <see langword="false"/> is the only
/// reliable end-of-stream signal; <see cref="FramesRead"/> then holds the true count.
/// </remarks>
public interface IVideoSource : IDisposable
{
    /// <summary>Picture size, frame rate, sampling, bit depth and colour of every frame this source delivers.</summary>
    SequenceHeader Header { get; }

    /// <summary>Number of frames delivered so far.</summary>
    int FramesRead { get; }

    /// <summary>Reads the next frame into <paramref name="frame"/>, overwriting all its samples.</summary>
    /// <param name="frame">A frame with the header's size, chroma format and bit depth (see <see cref="VideoSourceExtensions.CreateFrame"/>).</param>
    /// <param name="cancellationToken">Cancels a wait for the next frame.</param>
    /// <returns><see langword="true"/> if a frame was read; <see langword="false"/> at the end of the stream.</returns>
    /// <exception cref="InvalidDataException">The input is malformed (for example a truncated frame).</exception>
    bool TryReadFrame(VideoFrame frame, CancellationToken cancellationToken = default);
}
