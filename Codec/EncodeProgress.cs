namespace Asmr.Codec;

/// <summary>
/// Progress of <see cref="AsmrEncoder"/>: the segment, the stage ("motion", "train", "quantize", "filter"), the training step and,
/// for a stage that decides something, what it decided.
/// </summary>
internal readonly record struct EncodeProgress(int Segment, int SegmentCount, string Stage, int Step, int TotalSteps, double Loss, TimeSpan Elapsed, string? Note = null);
