namespace Asmr.Codec.Training;

/// <summary>What a training run did.</summary>
internal sealed record TrainingReport(int Steps, double FinalLoss, TimeSpan Elapsed);
