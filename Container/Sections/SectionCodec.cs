using System.Buffers.Binary;
using System.IO.Hashing;

namespace Asmr.Container;

/// <summary>Reads the generic section framing (FORMAT.md §6) and checks it in the order of §8.2.</summary>
internal static class SectionCodec
{
    /// <summary>
    /// Reads the framing of the section at <paramref name="offset"/> and checks step 1 of §8.2: tag letters,
    /// stored_length and uncompressed_length against the limits and against the bytes that remain. Reads at most
    /// 16 bytes and allocates nothing proportional to any declared length.
    /// </summary>
    public static SectionHeader ReadHeader(ContainerSource source, long offset)
    {
        long remaining = source.Length - offset;
        if (remaining < FormatConstants.SectionHeaderLength)
        {
            throw FormatErrors.Corrupt(
                $"truncated section header at offset {FormatErrors.Hex(offset)}: {remaining} bytes remain, a section header needs {FormatConstants.SectionHeaderLength}");
        }

        Span<byte> head = stackalloc byte[FormatConstants.CompressedSectionHeaderLength];
        source.ReadExactly(offset, head[..FormatConstants.SectionHeaderLength]);
        SectionTag tag = SectionTag.FromBytes(head);
        if (!tag.IsValid)
        {
            throw FormatErrors.Corrupt($"section tag '{tag}' at offset {FormatErrors.Hex(offset)} is not four ASCII letters");
        }

        var flags = (SectionFlags)BinaryPrimitives.ReadUInt16LittleEndian(head[4..]);
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
        if (stored > ContainerLimits.MaxSectionPayloadLength)
        {
            throw FormatErrors.Corrupt(
                $"{tag}: stored_length {stored} at offset {FormatErrors.Hex(offset + 8)} exceeds the section limit of {ContainerLimits.MaxSectionPayloadLength} bytes");
        }

        long uncompressed = stored;
        if ((flags & SectionFlags.Lz4) != 0)
        {
            if (remaining < FormatConstants.CompressedSectionHeaderLength)
            {
                throw FormatErrors.Corrupt(
                    $"{tag}: truncated section header at offset {FormatErrors.Hex(offset)}: {remaining} bytes remain, a compressed section header needs {FormatConstants.CompressedSectionHeaderLength}");
            }

            source.ReadExactly(offset + FormatConstants.SectionHeaderLength, head[FormatConstants.SectionHeaderLength..]);
            uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(head[FormatConstants.SectionHeaderLength..]);
            if (stored == 0)
            {
                throw FormatErrors.Corrupt(
                    $"{tag}: compressed section at offset {FormatErrors.Hex(offset)} has stored_length 0 (at offset {FormatErrors.Hex(offset + 8)})");
            }

            long bound = ContainerLimits.MaxUncompressedLength(stored);
            if (uncompressed < 1 || uncompressed > bound)
            {
                throw FormatErrors.Corrupt(
                    $"{tag}: uncompressed_length {uncompressed} at offset {FormatErrors.Hex(offset + 12)} is outside 1..{bound}, the bound for stored_length {stored}");
            }
        }

        var header = new SectionHeader(offset, tag, flags, stored, uncompressed);
        if (header.TotalLength > remaining)
        {
            throw FormatErrors.Corrupt(
                $"{tag}: section at offset {FormatErrors.Hex(offset)} needs {header.TotalLength} bytes (stored_length {stored} at offset {FormatErrors.Hex(offset + 8)}) but only {remaining} remain in the file");
        }

        return header;
    }

    /// <summary>Reads the whole section and verifies its CRC (§8.2 step 3); returns the raw section bytes.</summary>
    public static byte[] ReadVerified(ContainerSource source, in SectionHeader header)
    {
        byte[] raw = source.ReadBytes(header.Offset, checked((int)header.TotalLength));
        int crcAt = raw.Length - FormatConstants.CrcLength;
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(crcAt));
        uint computed = Crc32.HashToUInt32(raw.AsSpan(0, crcAt));
        if (stored != computed)
        {
            throw FormatErrors.Corrupt(
                $"{header.Tag}: CRC mismatch in the section at offset {FormatErrors.Hex(header.Offset)}: stored {FormatErrors.Hex32(stored)} at offset {FormatErrors.Hex(header.CrcOffset)}, computed {FormatErrors.Hex32(computed)}");
        }

        return raw;
    }

    /// <summary>
    /// The payload of a verified section, decompressed if bit 0 is set (§8.2 step 4). The caller has checked
    /// that no reserved flag bit is set.
    /// </summary>
    public static ReadOnlyMemory<byte> DecodePayload(in SectionHeader header, byte[] raw)
    {
        ReadOnlyMemory<byte> stored = raw.AsMemory(header.HeaderLength, checked((int)header.StoredLength));
        return header.IsCompressed ? Lz4Block.Decode(stored.Span, header) : stored;
    }

    /// <summary>Rejects reserved flag bits in a section whose payload must be understood (critical sections).</summary>
    public static void RequireNoReservedFlags(in SectionHeader header)
    {
        if (header.HasReservedFlags)
        {
            throw FormatErrors.Corrupt(
                $"{header.Tag}: reserved flag bits {FormatErrors.Hex((ushort)(header.Flags & SectionFlags.Reserved))} set at offset {FormatErrors.Hex(header.Offset + 4)}; this reader cannot decode that payload");
        }
    }

    /// <summary>Rejects the LZ4 flag in a section that must be stored uncompressed (SEQH, SEGI).</summary>
    public static void RequireUncompressed(in SectionHeader header)
    {
        if (header.IsCompressed)
        {
            throw FormatErrors.Corrupt(
                $"{header.Tag}: the section at offset {FormatErrors.Hex(header.Offset)} is marked compressed (flags at offset {FormatErrors.Hex(header.Offset + 4)}); {header.Tag} is always stored uncompressed");
        }
    }
}
