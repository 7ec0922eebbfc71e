using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Media.Playback;

/// <summary>Random access to decoded frames, as the players need it.</summary>
public interface IFrameProvider
{
    int FrameCount { get; }

    Rational FrameRate { get; }

    int Width { get; }

    int Height { get; }

    /// <summary>Decodes frame <paramref name="index"/> (0-based) as RGB, 3 bytes per pixel, rows top to bottom.</summary>
    byte[] DecodeRgb(int index, CancellationToken cancellationToken);
}
