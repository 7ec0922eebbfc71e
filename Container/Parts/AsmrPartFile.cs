namespace Asmr.Container;

/// <summary>A part file in memory (FORMAT.md §13): the whole video's sequence header, some of its segments, and the part description.</summary>
public sealed class AsmrPartFile
{
    /// <summary>The whole video's sequence header.</summary>
    public required SequenceHeader SequenceHeader { get; init; }

    /// <summary>The part's segments, consecutive, with frames counted in the whole video.</summary>
    public required IReadOnlyList<AsmrSegment> Segments { get; init; }

    /// <summary>The PART section.</summary>
    public required PartInfo Part { get; init; }

    /// <summary>The metadata the merged file is to carry, without measured quality.</summary>
    public Metadata? Metadata { get; init; }

    /// <summary>The file header (set when read).</summary>
    public AsmrFileHeader? Header { get; init; }
}
