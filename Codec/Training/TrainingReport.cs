namespace Asmr.Codec.Training;

/// <summary>
/// What a training run did: <paramref name="LatentRateWeight"/> is the latents' rate λ it ended with and
/// <paramref name="Spikes"/> the loss spikes it stepped back from; <paramref name="Stalled"/> says it stopped early
/// because the network had collapsed (<see cref="TrainerOptions.StallLossFraction"/>).
/// </summary>
internal sealed record TrainingReport(int Steps, double FinalLoss, TimeSpan Elapsed, double LatentRateWeight, int Spikes, bool Stalled = false);
