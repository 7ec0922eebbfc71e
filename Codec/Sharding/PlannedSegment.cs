namespace Asmr.Codec.Sharding;

/// <summary>One segment of a <see cref="SegmentPlan"/>: its position and the frames it covers.</summary>
/// <param name="Index">The segment's position in the whole video, from 0.</param>
/// <param name="FirstFrame">Its first frame, counted from the first encoded frame.</param>
/// <param name="FrameCount">Frames it covers.</param>
internal sealed record PlannedSegment(int Index, int FirstFrame, int FrameCount);
