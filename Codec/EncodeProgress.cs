namespace Asmr.Codec;

/// <summary>Progress of <see cref="AsmrEncoder"/>: the segment, the stage ("train", "quantize") and the training step.</summary>
internal readonly record struct EncodeProgress(int Segment, int SegmentCount, string Stage, int Step, int TotalSteps, double Loss, TimeSpan Elapsed);
