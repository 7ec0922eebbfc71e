namespace Asmr.Container;

/// <summary>The section flags field (FORMAT.md §6.3).</summary>
[Flags]
internal enum SectionFlags : ushort
{
    /// <summary>Payload stored as is.</summary>
    None = 0,

    /// <summary>Bit 0: the payload is one LZ4 block and uncompressed_length follows stored_length.</summary>
    Lz4 = 1,

    /// <summary>Bits 1–15, reserved: writers write 0.</summary>
    Reserved = 0xFFFE,
}
