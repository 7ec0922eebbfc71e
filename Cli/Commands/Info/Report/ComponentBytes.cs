namespace Asmr.Cli.Commands.Info.Report;

/// <summary>Coded bytes of one component of a model: the network, one level's latents, or the context models.</summary>
/// <param name="Name">"network", "latents level g" or "context models".</param>
/// <param name="Bytes">Σ coded bytes of its tensors (record headers not included).</param>
internal sealed record ComponentBytes(string Name, long Bytes);
