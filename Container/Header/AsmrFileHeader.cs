namespace Asmr.Container;

/// <summary>The fields of the file header (FORMAT.md §5).</summary>
/// <param name="FormatVersion">The format version the writer followed.</param>
/// <param name="MinReaderVersion">The lowest reader version that can read the file correctly.</param>
/// <param name="HeaderLength">Bytes of the file header, magic through header CRC (24 in version 1).</param>
/// <param name="Flags">Reserved; written 0 by version 1 writers and ignored by readers.</param>
public sealed record AsmrFileHeader(int FormatVersion, int MinReaderVersion, int HeaderLength, uint Flags);
