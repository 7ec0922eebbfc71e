using Asmr.Codec.Training;

namespace Asmr.Codec.Sharding;

/// <summary>
/// How an encode splits a video into segments, and how shards share them out. It depends only on the number of
/// frames and the segment length, never on the pictures or the machine, so every machine of a cluster computes the same.
/// </summary>
internal sealed class SegmentPlan
{
    private SegmentPlan(IReadOnlyList<PlannedSegment> segments) => Segments = segments;

    /// <summary>The segments, in frame order.</summary>
    public IReadOnlyList<PlannedSegment> Segments { get; }

    /// <summary>The most shards that all get work: one segment each.</summary>
    public int MaxShards => Segments.Count;

    /// <summary>The plan of an encode of <paramref name="frameCount"/> frames with <paramref name="settings"/>.</summary>
    public static SegmentPlan For(int frameCount, EncoderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var segments = LevelPlanner.Segments(frameCount, settings.SegmentLength);
        return new SegmentPlan([.. segments.Select((s, i) => new PlannedSegment(i, s.First, s.Count))]);
    }

    /// <summary>
    /// The segments of shard <paramref name="shard"/> (1-based) of <paramref name="shardCount"/>: a contiguous run,
    /// segments ⌊(K−1)·S/N⌋ to ⌊K·S/N⌋ − 1 of S, so shards differ by at most one segment and the later shards get the
    /// extra ones.
    /// </summary>
    public IReadOnlyList<PlannedSegment> Shard(int shard, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shardCount, MaxShards);
        ArgumentOutOfRangeException.ThrowIfLessThan(shard, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shard, shardCount);
        int first = (int)((long)(shard - 1) * Segments.Count / shardCount);
        int end = (int)((long)shard * Segments.Count / shardCount);
        return [.. Segments.Skip(first).Take(end - first)];
    }
}
