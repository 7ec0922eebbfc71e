namespace Asmr.Codec.Training;

/// <summary>A progress report of <see cref="Trainer"/>.</summary>
internal readonly record struct TrainingProgress(int Step, int TotalSteps, double Loss, TimeSpan Elapsed, int Spikes = 0);
