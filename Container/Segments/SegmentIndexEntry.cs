namespace Asmr.Container;

/// <summary>One entry of the segment index (SEGI, FORMAT.md §7.2): which frames a segment covers and where its MODL section lies.</summary>
/// <param name="Index">The segment's position in the index, from 0.</param>
/// <param name="FirstFrame">Index of the segment's first frame.</param>
/// <param name="FrameCount">Number of frames, at least 1.</param>
/// <param name="ModelSectionOffset">Absolute file offset of the segment's MODL section.</param>
/// <param name="ModelSectionLength">Bytes of the whole MODL section, tag through CRC.</param>
public readonly record struct SegmentIndexEntry(
    int Index,
    int FirstFrame,
    int FrameCount,
    long ModelSectionOffset,
    long ModelSectionLength)
{
    /// <summary>One past the segment's last frame.</summary>
    public int EndFrame => FirstFrame + FrameCount;

    /// <summary>True when <paramref name="frame"/> lies in this segment.</summary>
    public bool Contains(int frame) => frame >= FirstFrame && frame < EndFrame;
}
