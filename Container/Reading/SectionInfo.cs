namespace Asmr.Container;

/// <summary>Where one section lies and how it is stored, as listed by <see cref="AsmrReader.ReadSectionDirectory"/>.</summary>
/// <param name="Tag">The four-letter tag.</param>
/// <param name="Offset">Absolute offset of the tag.</param>
/// <param name="Length">Bytes of the whole section, tag through CRC.</param>
/// <param name="StoredLength">Bytes of the payload as stored.</param>
/// <param name="UncompressedLength">Bytes of the payload after decompression (equal to StoredLength when not compressed).</param>
/// <param name="Flags">The raw flags field.</param>
/// <param name="IsCompressed">True when the payload is an LZ4 block.</param>
/// <param name="IsCritical">True when the first letter of the tag is uppercase.</param>
/// <param name="IsKnown">True for the tags format version 1 defines.</param>
/// <param name="Segment">The segment a MODL section belongs to; null for other sections.</param>
public sealed record SectionInfo(
    string Tag,
    long Offset,
    long Length,
    long StoredLength,
    long UncompressedLength,
    int Flags,
    bool IsCompressed,
    bool IsCritical,
    bool IsKnown,
    int? Segment)
{
    /// <summary>Absolute offset of the stored payload (after the 12- or 16-byte section header).</summary>
    public long PayloadOffset => Offset + Length - StoredLength - 4;
}
