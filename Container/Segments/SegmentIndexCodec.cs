using System.Buffers.Binary;

namespace Asmr.Container;

/// <summary>
/// The SEGI payload (FORMAT.md §7.2): segment_count u32, then per segment first_frame u32, frame_count u32,
/// model_section_offset u64, model_section_length u64.
/// </summary>
internal static class SegmentIndexCodec
{
    /// <summary>Bytes of one entry.</summary>
    public const int EntryLength = 24;

    /// <summary>Smallest MODL section: a 12-byte header, the 4-byte segment_index and the CRC.</summary>
    public const int MinModelSectionLength = FormatConstants.SectionHeaderLength + 4 + FormatConstants.CrcLength;

    /// <summary>Bytes of the payload for <paramref name="segmentCount"/> segments.</summary>
    public static int PayloadLength(int segmentCount) => 4 + (EntryLength * segmentCount);

    /// <summary>Serializes the entries (already validated by the writer).</summary>
    public static byte[] Encode(IReadOnlyList<SegmentIndexEntry> entries)
    {
        byte[] p = new byte[PayloadLength(entries.Count)];
        BinaryPrimitives.WriteUInt32LittleEndian(p, (uint)entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            Span<byte> e = p.AsSpan(4 + (EntryLength * i), EntryLength);
            BinaryPrimitives.WriteUInt32LittleEndian(e, (uint)entries[i].FirstFrame);
            BinaryPrimitives.WriteUInt32LittleEndian(e[4..], (uint)entries[i].FrameCount);
            BinaryPrimitives.WriteUInt64LittleEndian(e[8..], (ulong)entries[i].ModelSectionOffset);
            BinaryPrimitives.WriteUInt64LittleEndian(e[16..], (ulong)entries[i].ModelSectionLength);
        }

        return p;
    }

    /// <summary>
    /// Parses and checks a SEGI payload whose first byte is at file offset <paramref name="payloadOffset"/>:
    /// the segments tile [0, frame_count) in order, the MODL sections lie in order after the SEGI section
    /// (which ends at <paramref name="segmentIndexEnd"/>) without overlapping, and the last one ends exactly at the
    /// end of the <paramref name="fileLength"/>-byte file.
    /// </summary>
    public static SegmentIndexEntry[] Decode(
        ReadOnlySpan<byte> payload,
        long payloadOffset,
        int frameCount,
        long segmentIndexEnd,
        long fileLength)
    {
        if (payload.Length < 4)
        {
            throw FormatErrors.Corrupt(
                $"SEGI: payload at offset {FormatErrors.Hex(payloadOffset)} is {payload.Length} bytes; it must hold at least segment_count");
        }

        uint count = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        long maxCount = Math.Min(frameCount, ContainerLimits.MaxSegmentCount);
        if (count < 1 || count > maxCount)
        {
            throw FormatErrors.Corrupt(
                $"SEGI: segment_count {count} at offset {FormatErrors.Hex(payloadOffset)} is outside 1..{maxCount} (at most one segment per frame and at most {ContainerLimits.MaxSegmentCount})");
        }

        long expectedLength = 4 + ((long)EntryLength * count);
        if (payload.Length != expectedLength)
        {
            throw FormatErrors.Corrupt(
                $"SEGI: payload at offset {FormatErrors.Hex(payloadOffset)} is {payload.Length} bytes; segment_count {count} needs exactly {expectedLength}");
        }

        var entries = new SegmentIndexEntry[count];
        long nextFrame = 0;
        long nextSection = segmentIndexEnd;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> e = payload.Slice(4 + (EntryLength * i), EntryLength);
            long at = payloadOffset + 4 + ((long)EntryLength * i);
            uint first = BinaryPrimitives.ReadUInt32LittleEndian(e);
            uint frames = BinaryPrimitives.ReadUInt32LittleEndian(e[4..]);
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(e[8..]);
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(e[16..]);
            if (first != nextFrame)
            {
                throw FormatErrors.Corrupt(i == 0
                    ? $"SEGI: segment 0 first_frame {first} at offset {FormatErrors.Hex(at)} is not 0"
                    : $"SEGI: segment {i} first_frame {first} at offset {FormatErrors.Hex(at)} does not follow segment {i - 1} (expected {nextFrame})");
            }

            if (frames < 1 || first + (long)frames > frameCount)
            {
                throw FormatErrors.Corrupt(
                    $"SEGI: segment {i} frame_count {frames} at offset {FormatErrors.Hex(at + 4)} is outside 1..{frameCount - first} (SEQH frame_count is {frameCount})");
            }

            if (offset < (ulong)nextSection || offset > (ulong)fileLength)
            {
                throw FormatErrors.Corrupt(i == 0
                    ? $"SEGI: segment 0 model_section_offset {FormatErrors.Hex((long)Math.Min(offset, long.MaxValue))} at offset {FormatErrors.Hex(at + 8)} is outside {FormatErrors.Hex(nextSection)}..{FormatErrors.Hex(fileLength)} (after the SEGI section, inside the file)"
                    : $"SEGI: segment {i} model_section_offset {FormatErrors.Hex((long)Math.Min(offset, long.MaxValue))} at offset {FormatErrors.Hex(at + 8)} is outside {FormatErrors.Hex(nextSection)}..{FormatErrors.Hex(fileLength)} (after segment {i - 1}'s MODL section, inside the file)");
            }

            long maxLength = Math.Min(FormatConstants.MaxSectionLength, fileLength - (long)offset);
            if (length < MinModelSectionLength || length > (ulong)maxLength)
            {
                throw FormatErrors.Corrupt(
                    $"SEGI: segment {i} model_section_length {length} at offset {FormatErrors.Hex(at + 16)} is outside {MinModelSectionLength}..{maxLength} (the section limit and the bytes from its offset to the end of the file)");
            }

            entries[i] = new SegmentIndexEntry(i, (int)first, (int)frames, (long)offset, (long)length);
            nextFrame = first + (long)frames;
            nextSection = (long)offset + (long)length;
        }

        if (nextFrame != frameCount)
        {
            throw FormatErrors.Corrupt(
                $"SEGI: the {count} segments at offset {FormatErrors.Hex(payloadOffset)} cover frames 0..{nextFrame - 1}, but SEQH frame_count is {frameCount}");
        }

        if (nextSection != fileLength)
        {
            throw FormatErrors.Corrupt(
                $"SEGI: the last MODL section ends at offset {FormatErrors.Hex(nextSection)}, but the file is {fileLength} bytes; a file ends with its last MODL section");
        }

        return entries;
    }
}
