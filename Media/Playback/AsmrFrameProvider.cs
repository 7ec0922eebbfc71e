using Asmr.Container;
using Asmr.Decoder.Files;
using Asmr.Media.Color;

namespace Asmr.Media.Playback;

/// <summary>Frames of an .asmr file as 8-bit RGB, for the players.</summary>
public sealed class AsmrFrameProvider : IFrameProvider
{
    private readonly AsmrFileDecoder _decoder;
    private readonly YuvToRgb _toRgb;

    public AsmrFrameProvider(AsmrFileDecoder decoder)
    {
        _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
        var header = decoder.Header;
        _toRgb = new YuvToRgb(header.Color, header.BitDepth, header.Height, 8);
    }

    public int FrameCount => _decoder.Header.FrameCount;

    public Rational FrameRate => _decoder.Header.FrameRate;

    public int Width => _decoder.Header.Width;

    public int Height => _decoder.Header.Height;

    public byte[] DecodeRgb(int index, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var frame = _decoder.DecodeFrame(index);
        byte[] rgb = new byte[3 * frame.Width * frame.Height];
        _toRgb.Convert(frame, rgb.AsSpan());
        return rgb;
    }
}
