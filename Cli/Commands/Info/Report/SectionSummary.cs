namespace Asmr.Cli.Commands.Info.Report;

/// <summary>One section as framed in the file.</summary>
/// <param name="Tag">The four-letter tag (SEQH, SEGI, MODL, meta, ...).</param>
/// <param name="Critical">Uppercase first letter: a reader must understand it.</param>
/// <param name="Offset">Offset of the tag from the start of the file.</param>
/// <param name="Size">Bytes of the whole section, tag through CRC.</param>
/// <param name="Compressed">The payload is LZ4-compressed.</param>
/// <param name="PayloadBytes">Bytes of the payload once decompressed.</param>
/// <param name="Crc">"ok", "mismatch" or "unchecked".</param>
internal sealed record SectionSummary(
    string Tag,
    bool Critical,
    long Offset,
    long Size,
    bool Compressed,
    long PayloadBytes,
    string Crc);
