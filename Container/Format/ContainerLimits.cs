namespace Asmr.Container;

/// <summary>
/// The hard limits of format version 1 (FORMAT.md §8.1). Readers reject anything beyond them before allocating;
/// writers refuse to produce it.
/// </summary>
internal static class ContainerLimits
{
    /// <summary>Largest width or height in samples.</summary>
    public const int MaxDimension = 65535;

    /// <summary>Largest frame_count (2^24).</summary>
    public const int MaxFrameCount = 1 << 24;

    /// <summary>Largest segment_count (2^16).</summary>
    public const int MaxSegmentCount = 1 << 16;

    /// <summary>Largest stored_length and largest uncompressed_length of any section (2^28 bytes, 256 MiB).</summary>
    public const int MaxSectionPayloadLength = 1 << 28;

    /// <summary>Largest header_length (2^16 bytes).</summary>
    public const int MaxHeaderLength = 1 << 16;

    /// <summary>Largest SEQH payload (a later version may append fields; version 1 uses 28 bytes).</summary>
    public const int MaxSequenceHeaderPayloadLength = 4096;

    /// <summary>Largest (uncompressed) meta payload: 1 MiB of UTF-8 JSON.</summary>
    public const int MaxMetadataLength = 1 << 20;

    /// <summary>Deepest JSON nesting accepted in a meta payload.</summary>
    public const int MaxMetadataDepth = 64;

    /// <summary>Smallest and largest bit depth.</summary>
    public const int MinBitDepth = 8;

    /// <summary>Largest bit depth.</summary>
    public const int MaxBitDepth = 16;

    /// <summary>An LZ4 block never expands more than this factor (each extension byte adds at most 255 bytes).</summary>
    public const int MaxLz4ExpansionFactor = 255;

    /// <summary>The additive slack of the expansion bound, covering the shortest blocks.</summary>
    public const int Lz4ExpansionSlack = 16;

    /// <summary>
    /// The largest uncompressed_length a compressed section with <paramref name="storedLength"/> stored bytes may
    /// declare: min(2^28, 255 × stored_length + 16).
    /// </summary>
    public static long MaxUncompressedLength(long storedLength) =>
        Math.Min(MaxSectionPayloadLength, checked((storedLength * MaxLz4ExpansionFactor) + Lz4ExpansionSlack));
}
