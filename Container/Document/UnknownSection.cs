namespace Asmr.Container;

/// <summary>An ancillary section this version does not interpret (FORMAT.md §3.4), with its uncompressed payload.</summary>
/// <param name="Tag">Four ASCII letters, the first lowercase.</param>
/// <param name="Payload">The payload, uncompressed.</param>
public sealed record UnknownSection(string Tag, ReadOnlyMemory<byte> Payload);
