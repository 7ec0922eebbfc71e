namespace Asmr.Container;

/// <summary>Fixed numbers of the file format (FORMAT.md §5, §6).</summary>
internal static class FormatConstants
{
    /// <summary>
    /// The highest format version this implementation writes. A file is written as version 2 to 7 only when one of its
    /// models needs it (model_version 2, latent grids; 3, context-coded latents; 4, a motion field; 5, interpolated
    /// grids; 6, an output filter; 7, compact record headers); otherwise as version 1, which version 1 readers decode.
    /// </summary>
    public const int FormatVersion = 7;

    /// <summary>The highest min_reader_version this implementation reads.</summary>
    public const int ReaderVersion = 7;

    /// <summary>Length of the magic number.</summary>
    public const int MagicLength = 8;

    /// <summary>Length of the version 1 file header (magic through header CRC).</summary>
    public const int FileHeaderLength = 24;

    /// <summary>Bytes of the file header a reader needs to learn header_length (magic, versions, header_length).</summary>
    public const int FileHeaderPrefixLength = 16;

    /// <summary>Length of the section header without uncompressed_length.</summary>
    public const int SectionHeaderLength = 12;

    /// <summary>Length of the section header with uncompressed_length (compressed sections).</summary>
    public const int CompressedSectionHeaderLength = 16;

    /// <summary>Length of the CRC trailer of a section and of the file header.</summary>
    public const int CrcLength = 4;

    /// <summary>Largest possible section: a compressed header, the largest payload and the CRC.</summary>
    public const long MaxSectionLength = CompressedSectionHeaderLength + (long)ContainerLimits.MaxSectionPayloadLength + CrcLength;

    /// <summary>The magic number, "\x8AASMR\r\n\x1A".</summary>
    public static ReadOnlySpan<byte> Magic => [0x8A, 0x41, 0x53, 0x4D, 0x52, 0x0D, 0x0A, 0x1A];

    /// <summary>
    /// The magic number of a part file, "\x8AASMP\r\n\x1A" (FORMAT.md §13): one byte from <see cref="Magic"/>, so every
    /// reader of whole files refuses a part at its first check instead of taking it for a video.
    /// </summary>
    public static ReadOnlySpan<byte> PartMagic => [0x8A, 0x41, 0x53, 0x4D, 0x50, 0x0D, 0x0A, 0x1A];
}
