namespace Asmr.Container;

/// <summary>The framing fields of one section as read from a file, with its position (FORMAT.md §6.1).</summary>
internal readonly record struct SectionHeader(
    long Offset,
    SectionTag Tag,
    SectionFlags Flags,
    long StoredLength,
    long UncompressedLength)
{
    /// <summary>True when bit 0 (LZ4) is set.</summary>
    public bool IsCompressed => (Flags & SectionFlags.Lz4) != 0;

    /// <summary>True when any reserved flag bit is set: the payload encoding is unknown to this reader.</summary>
    public bool HasReservedFlags => (Flags & SectionFlags.Reserved) != 0;

    /// <summary>Bytes from the tag to the payload.</summary>
    public int HeaderLength => IsCompressed ? FormatConstants.CompressedSectionHeaderLength : FormatConstants.SectionHeaderLength;

    /// <summary>Absolute offset of the payload.</summary>
    public long PayloadOffset => Offset + HeaderLength;

    /// <summary>Absolute offset of the section CRC.</summary>
    public long CrcOffset => PayloadOffset + StoredLength;

    /// <summary>Absolute offset of the first byte after the section.</summary>
    public long End => CrcOffset + FormatConstants.CrcLength;

    /// <summary>Bytes of the whole section, tag through CRC.</summary>
    public long TotalLength => End - Offset;
}
