namespace Asmr.Cli.Commands.Conform;

/// <summary>Everything <c>asmrc conform</c> was asked to do.</summary>
/// <param name="Directory">The vectors folder, or null for the default set.</param>
/// <param name="Threads">Decoder threads (≥ 1).</param>
internal sealed record ConformRequest(string? Directory, int Threads, bool ForceScalar = false);
