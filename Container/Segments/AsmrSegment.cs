namespace Asmr.Container;

/// <summary>
/// One segment of the sequence: a run of frames and the model that reconstructs them. The model payload is opaque
/// to the container (FORMAT.md §10 defines it); the container adds the segment index in front of it.
/// </summary>
/// <param name="FirstFrame">Index of the segment's first frame.</param>
/// <param name="FrameCount">Number of frames, at least 1.</param>
/// <param name="ModelPayload">The model bytes that follow segment_index in the MODL section.</param>
public sealed record AsmrSegment(int FirstFrame, int FrameCount, ReadOnlyMemory<byte> ModelPayload);
