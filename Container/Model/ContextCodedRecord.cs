using Asmr.Container.Entropy;

namespace Asmr.Container.Model;

/// <summary>
/// A context-coded grid latents record (spec §10.7) whose header has been checked and whose data waits to be decoded
/// once every record is read, so that the grids' streams can decode in parallel.
/// </summary>
/// <param name="Index">The record's position in the payload, from 0.</param>
/// <param name="Data">The record's byte_length bytes.</param>
/// <param name="Name">How error messages name the tensor.</param>
/// <param name="Offset">Absolute offset of <paramref name="Data"/>[0], for error messages.</param>
/// <param name="Model">The grid's context model (its four records before this one).</param>
internal sealed record ContextCodedRecord(int Index, byte[] Data, string Name, long Offset, LatentContextModel? Model = null);
