using System.Buffers.Binary;

namespace Asmr.Container;

/// <summary>
/// Reads and checks a whole part file (FORMAT.md §13): header with the part magic, SEQH, PART, then meta, ancillary
/// sections and the part's MODL sections to the end of the file, every CRC verified. Corrupt input raises
/// <see cref="InvalidDataException"/>; a whole video raises it too, saying so.
/// </summary>
public static class PartReader
{
    public static AsmrPartFile Read(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        return Read(stream, cancellationToken);
    }

    /// <summary>Reads a part file from a seekable stream, from its current position (left open).</summary>
    public static AsmrPartFile Read(Stream stream, CancellationToken cancellationToken = default)
    {
        using var source = new ContainerSource(stream, leaveOpen: true);
        AsmrFileHeader header = FileHeaderCodec.Read(source, part: true);

        SectionHeader sequenceSection = SectionCodec.ReadHeader(source, header.HeaderLength);
        RequireSection(sequenceSection, SectionTag.SequenceHeader, "first", ContainerLimits.MaxSequenceHeaderPayloadLength);
        SequenceHeader sequence = SequenceHeaderCodec.Decode(
            SectionCodec.DecodePayload(sequenceSection, SectionCodec.ReadVerified(source, sequenceSection)).Span, sequenceSection.PayloadOffset);

        SectionHeader partSection = SectionCodec.ReadHeader(source, sequenceSection.End);
        RequireSection(partSection, SectionTag.Part, "second", ContainerLimits.MaxSectionPayloadLength);
        var (part, entries) = PartSectionCodec.Decode(
            SectionCodec.DecodePayload(partSection, SectionCodec.ReadVerified(source, partSection)).Span, partSection.PayloadOffset, sequence);

        var segments = new List<AsmrSegment>(entries.Length);
        Metadata? metadata = null;
        long position = partSection.End;
        while (position < source.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SectionHeader section = SectionCodec.ReadHeader(source, position);
            byte[] raw = SectionCodec.ReadVerified(source, section);
            if (section.Tag == SectionTag.Model)
            {
                SectionCodec.RequireNoReservedFlags(section);
                segments.Add(ReadModel(section, raw, part, entries, segments.Count));
            }
            else if (section.Tag == SectionTag.Metadata && !section.HasReservedFlags)
            {
                if (metadata is not null || segments.Count > 0)
                {
                    throw FormatErrors.Corrupt($"meta: the section at offset {FormatErrors.Hex(position)} is a second one or follows a MODL section");
                }

                metadata = MetadataCodec.Decode(SectionCodec.DecodePayload(section, raw), section.PayloadOffset);
            }
            else if (section.Tag.IsCritical)
            {
                throw FormatErrors.Corrupt($"{section.Tag}: a critical section at offset {FormatErrors.Hex(position)} that a part file may not hold there");
            }

            position = section.End;
        }

        if (segments.Count != entries.Length)
        {
            throw FormatErrors.Corrupt($"PART lists {entries.Length} segments, but the file ends after {segments.Count} MODL sections (truncated?)");
        }

        return new AsmrPartFile { SequenceHeader = sequence, Segments = segments.AsReadOnly(), Part = part, Metadata = metadata, Header = header };
    }

    private static AsmrSegment ReadModel(in SectionHeader section, byte[] raw, PartInfo part, (int First, int Count)[] entries, int k)
    {
        if (k >= entries.Length)
        {
            throw FormatErrors.Corrupt($"MODL: the section at offset {FormatErrors.Hex(section.Offset)} is one more than the {entries.Length} PART lists");
        }

        ReadOnlyMemory<byte> payload = SectionCodec.DecodePayload(section, raw);
        if (payload.Length < 4)
        {
            throw FormatErrors.Corrupt($"MODL: the payload at offset {FormatErrors.Hex(section.PayloadOffset)} is {payload.Length} bytes; it must hold at least segment_index");
        }

        uint index = BinaryPrimitives.ReadUInt32LittleEndian(payload.Span);
        if (index != (uint)(part.FirstSegment + k))
        {
            throw FormatErrors.Corrupt(
                $"MODL: segment_index {index} at offset {FormatErrors.Hex(section.PayloadOffset)} is not {part.FirstSegment + k}, the part's segment {k}");
        }

        return new AsmrSegment(entries[k].First, entries[k].Count, payload[4..]);
    }

    private static void RequireSection(in SectionHeader header, SectionTag tag, string ordinal, int maxPayloadLength)
    {
        if (header.Tag != tag)
        {
            throw FormatErrors.Corrupt(
                $"the {ordinal} section of a part file must be {tag}, but the section at offset {FormatErrors.Hex(header.Offset)} is '{header.Tag}'");
        }

        SectionCodec.RequireNoReservedFlags(header);
        SectionCodec.RequireUncompressed(header);
        if (header.StoredLength > maxPayloadLength)
        {
            throw FormatErrors.Corrupt(
                $"{tag}: stored_length {header.StoredLength} at offset {FormatErrors.Hex(header.Offset + 8)} exceeds {maxPayloadLength}");
        }
    }
}
