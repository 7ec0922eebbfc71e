using Asmr.Container;

namespace Asmr.Decoder.Inference;

/// <summary>
/// A rectangle of the picture in luma samples. With 4:2:0 chroma <see cref="X"/> and <see cref="Y"/> must be even
/// (4:2:2: <see cref="X"/> even) so the chroma planes of the cropped frame are the matching part of the full ones:
/// chroma columns X/2 .. X/2 + ceil(Width/2) − 1 (likewise rows for 4:2:0).
/// </summary>
public readonly record struct CropRectangle(int X, int Y, int Width, int Height)
{
    /// <summary>"column" or "row" when the crop starts on an odd one that <paramref name="chroma"/> subsamples; otherwise null.</summary>
    public string? MisalignedAxis(ChromaFormat chroma) =>
        (X & ((1 << chroma.ChromaShiftX()) - 1)) != 0 ? "column"
        : (Y & ((1 << chroma.ChromaShiftY()) - 1)) != 0 ? "row"
        : null;
}
