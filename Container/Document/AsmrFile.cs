namespace Asmr.Container;

/// <summary>
/// A whole .asmr file in memory: what <see cref="AsmrReader.ReadAll"/> returns and what <see cref="AsmrWriter"/>
/// writes.
/// </summary>
public sealed class AsmrFile
{
    /// <summary>The sequence header (SEQH).</summary>
    public required SequenceHeader SequenceHeader { get; init; }

    /// <summary>The segments in frame order; together they cover frames 0..FrameCount−1 exactly once.</summary>
    public required IReadOnlyList<AsmrSegment> Segments { get; init; }

    /// <summary>The meta section, if any.</summary>
    public Metadata? Metadata { get; init; }

    /// <summary>Ancillary sections this version does not know, kept so a rewrite does not drop them.</summary>
    public IReadOnlyList<UnknownSection> UnknownSections { get; init; } = [];
}
