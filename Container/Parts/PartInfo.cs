namespace Asmr.Container;

/// <summary>The PART section of a part file (FORMAT.md §13.2): which shard it is, and the fingerprints merge compares.</summary>
/// <param name="Shard">K, from 1.</param>
/// <param name="ShardCount">N, the shards the video was split into.</param>
/// <param name="PlanSegmentCount">Segments of the whole video.</param>
/// <param name="FirstSegment">The index of the part's first segment in the whole video.</param>
/// <param name="SourceDigest">SHA-256 of the source frames of the whole video (32 bytes).</param>
/// <param name="SettingsDigest">SHA-256 of everything besides the source that decides the bytes (32 bytes).</param>
/// <param name="Frames">Per frame of the part, in order: what the encoder measured.</param>
public sealed record PartInfo(
    int Shard,
    int ShardCount,
    int PlanSegmentCount,
    int FirstSegment,
    ReadOnlyMemory<byte> SourceDigest,
    ReadOnlyMemory<byte> SettingsDigest,
    IReadOnlyList<PartFrameStatistics> Frames);
