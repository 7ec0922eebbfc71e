namespace Asmr.Container;

/// <summary>Everything <c>asmrc info</c> shows about a file, gathered without reading the model payloads.</summary>
/// <param name="FileLength">Bytes in the file.</param>
/// <param name="Header">The file header.</param>
/// <param name="SequenceHeader">The sequence header.</param>
/// <param name="Sections">Every section in file order.</param>
/// <param name="Segments">The segment index.</param>
/// <param name="Metadata">The metadata, if the file has a meta section this reader can decode.</param>
public sealed record AsmrFileSummary(
    long FileLength,
    AsmrFileHeader Header,
    SequenceHeader SequenceHeader,
    IReadOnlyList<SectionInfo> Sections,
    IReadOnlyList<SegmentIndexEntry> Segments,
    Metadata? Metadata);
