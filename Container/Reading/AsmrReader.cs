using System.Buffers.Binary;

namespace Asmr.Container;

/// <summary>
/// Reads an .asmr file from a seekable stream. Opening reads and checks the file header, SEQH and SEGI only
/// (a few hundred bytes plus 24 per segment); everything else is read on demand, so a player can fetch the model
/// of one segment without touching the others. Corrupt input raises <see cref="InvalidDataException"/> naming the
/// field and offset; a file that needs a newer reader raises <see cref="NotSupportedException"/>. The methods may be
/// called from several threads at once.
/// </summary>
public sealed class AsmrReader : IDisposable
{
    private readonly ContainerSource _source;
    private readonly SectionHeader _sequenceSection;
    private readonly SectionHeader _indexSection;
    private readonly SegmentIndexEntry[] _segments;
    private readonly Lock _cacheLock = new();
    private SectionHeader[]? _directory;
    private Metadata? _metadata;
    private bool _metadataRead;

    private AsmrReader(ContainerSource source)
    {
        _source = source;
        Header = FileHeaderCodec.Read(source);

        _sequenceSection = SectionCodec.ReadHeader(source, Header.HeaderLength);
        RequireFixedSection(_sequenceSection, SectionTag.SequenceHeader, "first", ContainerLimits.MaxSequenceHeaderPayloadLength);
        ReadOnlyMemory<byte> sequencePayload = SectionCodec.DecodePayload(_sequenceSection, SectionCodec.ReadVerified(source, _sequenceSection));
        SequenceHeader = SequenceHeaderCodec.Decode(sequencePayload.Span, _sequenceSection.PayloadOffset);

        _indexSection = SectionCodec.ReadHeader(source, _sequenceSection.End);
        int maxSegments = Math.Min(SequenceHeader.FrameCount, ContainerLimits.MaxSegmentCount);
        RequireFixedSection(_indexSection, SectionTag.SegmentIndex, "second", SegmentIndexCodec.PayloadLength(maxSegments));
        ReadOnlyMemory<byte> indexPayload = SectionCodec.DecodePayload(_indexSection, SectionCodec.ReadVerified(source, _indexSection));
        _segments = SegmentIndexCodec.Decode(indexPayload.Span, _indexSection.PayloadOffset, SequenceHeader.FrameCount, _indexSection.End, source.Length);
        Segments = Array.AsReadOnly(_segments);
    }

    /// <summary>The file header.</summary>
    public AsmrFileHeader Header { get; }

    /// <summary>The sequence header.</summary>
    public SequenceHeader SequenceHeader { get; }

    /// <summary>The segment index, in frame order.</summary>
    public IReadOnlyList<SegmentIndexEntry> Segments { get; }

    /// <summary>Bytes in the file.</summary>
    public long FileLength => _source.Length;

    /// <summary>Opens a file for reading (shared read access).</summary>
    public static AsmrReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        return Open(stream, leaveOpen: false);
    }

    /// <summary>
    /// Opens a file held in a readable, seekable stream, starting at the stream's current position. Unless
    /// <paramref name="leaveOpen"/>, disposing the reader (or a failure to open) disposes the stream.
    /// </summary>
    public static AsmrReader Open(Stream stream, bool leaveOpen = false)
    {
        var source = new ContainerSource(stream, leaveOpen);
        try
        {
            return new AsmrReader(source);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Reads and checks a whole file: every section, every CRC.</summary>
    public static AsmrFile Read(string path, CancellationToken cancellationToken = default)
    {
        using AsmrReader reader = Open(path);
        return reader.ReadAll(cancellationToken);
    }

    /// <summary>Reads and checks a whole file held in a stream (left open).</summary>
    public static AsmrFile Read(Stream stream, CancellationToken cancellationToken = default)
    {
        using AsmrReader reader = Open(stream, leaveOpen: true);
        return reader.ReadAll(cancellationToken);
    }

    /// <summary>The index of the segment that holds <paramref name="frame"/>.</summary>
    public int FindSegment(int frame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, SequenceHeader.FrameCount);
        int lo = 0, hi = _segments.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (_segments[mid].FirstFrame <= frame)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// Reads the model payload of segment <paramref name="segment"/> (the bytes after segment_index), seeking
    /// straight to its MODL section and checking its CRC; no other MODL section is read.
    /// </summary>
    public ReadOnlyMemory<byte> ReadSegmentModel(int segment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(segment);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(segment, _segments.Length);
        SegmentIndexEntry entry = _segments[segment];
        SectionHeader header = SectionCodec.ReadHeader(_source, entry.ModelSectionOffset);
        if (header.Tag != SectionTag.Model)
        {
            throw FormatErrors.Corrupt(
                $"SEGI: segment {segment} model_section_offset {FormatErrors.Hex(entry.ModelSectionOffset)} points at a '{header.Tag}' section, not MODL");
        }

        CheckModelSection(header, entry);
        return DecodeModel(header, SectionCodec.ReadVerified(_source, header), segment);
    }

    /// <summary>Reads segment <paramref name="segment"/>: its frames and its model payload.</summary>
    public AsmrSegment ReadSegment(int segment)
    {
        ReadOnlyMemory<byte> model = ReadSegmentModel(segment);
        SegmentIndexEntry entry = _segments[segment];
        return new AsmrSegment(entry.FirstFrame, entry.FrameCount, model);
    }

    /// <summary>
    /// Reads the meta section, or null when there is none or when it uses an encoding this reader does not know
    /// (reserved flag bits). Walks the section directory first; the result is cached.
    /// </summary>
    public Metadata? ReadMetadata()
    {
        lock (_cacheLock)
        {
            if (!_metadataRead)
            {
                _metadata = null;
                foreach (SectionHeader header in Directory())
                {
                    if (header.Tag == SectionTag.Metadata && !header.HasReservedFlags)
                    {
                        _metadata = DecodeMetadata(header, SectionCodec.ReadVerified(_source, header));
                    }
                }

                _metadataRead = true;
            }

            return _metadata;
        }
    }

    /// <summary>
    /// Lists every section in file order, reading only section headers (payloads and CRCs are not read). Checks
    /// the framing and placement rules of FORMAT.md §6–§7: MODL sections exactly where SEGI says, no duplicate
    /// SEQH/SEGI/meta, no unknown critical section.
    /// </summary>
    public IReadOnlyList<SectionInfo> ReadSectionDirectory()
    {
        SectionHeader[] directory = Directory();
        var list = new SectionInfo[directory.Length];
        int model = 0;
        for (int i = 0; i < directory.Length; i++)
        {
            SectionHeader h = directory[i];
            int? segment = h.Tag == SectionTag.Model ? model++ : null;
            list[i] = new SectionInfo(
                h.Tag.ToString(),
                h.Offset,
                h.TotalLength,
                h.StoredLength,
                h.UncompressedLength,
                (ushort)h.Flags,
                h.IsCompressed,
                h.Tag.IsCritical,
                h.Tag.IsKnown,
                segment);
        }

        return Array.AsReadOnly(list);
    }

    /// <summary>Summarizes the file for display: header, sections, segments and metadata (model payloads are not read).</summary>
    public AsmrFileSummary GetSummary() =>
        new(FileLength, Header, SequenceHeader, ReadSectionDirectory(), Segments, ReadMetadata());

    /// <summary>Reads and checks every section and every CRC, and returns the whole file.</summary>
    public AsmrFile ReadAll(CancellationToken cancellationToken = default) => Process(keep: true, cancellationToken)!;

    /// <summary>
    /// Checks the whole file: every section's framing, placement, CRC and payload (decompressing LZ4 payloads and
    /// parsing SEGI, MODL segment indices and meta). Throws on the first problem; keeps nothing in memory.
    /// </summary>
    public void Verify(CancellationToken cancellationToken = default) => Process(keep: false, cancellationToken);

    public void Dispose() => _source.Dispose();

    private AsmrFile? Process(bool keep, CancellationToken cancellationToken)
    {
        SectionHeader[] directory = Directory();
        var models = new List<AsmrSegment>(keep ? _segments.Length : 0);
        var unknown = new List<UnknownSection>();
        Metadata? metadata = null;
        int model = 0;
        foreach (SectionHeader header in directory.AsSpan(2))
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] raw = SectionCodec.ReadVerified(_source, header);
            if (header.Tag == SectionTag.Model)
            {
                SegmentIndexEntry entry = _segments[model];
                ReadOnlyMemory<byte> payload = DecodeModel(header, raw, model++);
                if (keep)
                {
                    models.Add(new AsmrSegment(entry.FirstFrame, entry.FrameCount, payload));
                }
            }
            else if (header.HasReservedFlags)
            {
                // An ancillary section in an encoding this reader does not know: its CRC is checked, its payload skipped.
            }
            else if (header.Tag == SectionTag.Metadata)
            {
                metadata = DecodeMetadata(header, raw);
            }
            else
            {
                ReadOnlyMemory<byte> payload = SectionCodec.DecodePayload(header, raw);
                if (keep)
                {
                    unknown.Add(new UnknownSection(header.Tag.ToString(), payload));
                }
            }
        }

        if (!keep)
        {
            return null;
        }

        return new AsmrFile
        {
            SequenceHeader = SequenceHeader,
            Segments = models.AsReadOnly(),
            Metadata = metadata,
            UnknownSections = unknown.AsReadOnly(),
        };
    }

    private SectionHeader[] Directory()
    {
        lock (_cacheLock)
        {
            return _directory ??= WalkSections();
        }
    }

    private SectionHeader[] WalkSections()
    {
        var sections = new List<SectionHeader> { _sequenceSection, _indexSection };
        long position = _indexSection.End;
        int next = 0;
        bool sawMetadata = false;
        while (position < _source.Length)
        {
            if (next < _segments.Length && position > _segments[next].ModelSectionOffset)
            {
                throw FormatErrors.Corrupt(
                    $"SEGI: segment {next} model_section_offset {FormatErrors.Hex(_segments[next].ModelSectionOffset)} is not the start of a section (the section at {FormatErrors.Hex(sections[^1].Offset)} spans it)");
            }

            SectionHeader header = SectionCodec.ReadHeader(_source, position);
            bool modelExpected = next < _segments.Length && position == _segments[next].ModelSectionOffset;
            if (header.Tag == SectionTag.Model)
            {
                if (!modelExpected)
                {
                    throw FormatErrors.Corrupt(
                        $"MODL: the section at offset {FormatErrors.Hex(position)} is not listed in SEGI");
                }

                CheckModelSection(header, _segments[next]);
                next++;
            }
            else if (modelExpected)
            {
                throw FormatErrors.Corrupt(
                    $"SEGI: segment {next} model_section_offset {FormatErrors.Hex(position)} points at a '{header.Tag}' section, not MODL");
            }
            else if (header.Tag == SectionTag.SequenceHeader || header.Tag == SectionTag.SegmentIndex)
            {
                throw FormatErrors.Corrupt(
                    $"{header.Tag}: a second {header.Tag} section at offset {FormatErrors.Hex(position)}; a file has exactly one");
            }
            else if (header.Tag == SectionTag.Metadata)
            {
                if (sawMetadata)
                {
                    throw FormatErrors.Corrupt($"meta: a second meta section at offset {FormatErrors.Hex(position)}; a file has at most one");
                }

                if (header.UncompressedLength > ContainerLimits.MaxMetadataLength)
                {
                    throw FormatErrors.Corrupt(
                        $"meta: the payload of the section at offset {FormatErrors.Hex(position)} is {header.UncompressedLength} bytes uncompressed; the limit is {ContainerLimits.MaxMetadataLength}");
                }

                sawMetadata = true;
            }
            else if (header.Tag.IsCritical)
            {
                throw FormatErrors.Corrupt(
                    $"unknown critical section '{header.Tag}' at offset {FormatErrors.Hex(position)}; this reader (version {FormatConstants.ReaderVersion}) cannot decode a file that needs it");
            }

            sections.Add(header);
            position = header.End;
        }

        if (next != _segments.Length)
        {
            throw FormatErrors.Corrupt(
                $"SEGI: segment {next}'s MODL section at offset {FormatErrors.Hex(_segments[next].ModelSectionOffset)} was not found");
        }

        return [.. sections];
    }

    private static void RequireFixedSection(in SectionHeader header, SectionTag tag, string ordinal, int maxPayloadLength)
    {
        if (header.Tag != tag)
        {
            throw FormatErrors.Corrupt(
                $"the {ordinal} section must be {tag}, but the section at offset {FormatErrors.Hex(header.Offset)} is '{header.Tag}'");
        }

        SectionCodec.RequireNoReservedFlags(header);
        SectionCodec.RequireUncompressed(header);
        if (header.StoredLength > maxPayloadLength)
        {
            throw FormatErrors.Corrupt(
                $"{tag}: stored_length {header.StoredLength} at offset {FormatErrors.Hex(header.Offset + 8)} exceeds {maxPayloadLength}, the largest {tag} payload this file can have");
        }
    }

    private static void CheckModelSection(in SectionHeader header, SegmentIndexEntry entry)
    {
        SectionCodec.RequireNoReservedFlags(header);
        if (header.TotalLength != entry.ModelSectionLength)
        {
            throw FormatErrors.Corrupt(
                $"MODL: the section at offset {FormatErrors.Hex(header.Offset)} is {header.TotalLength} bytes, but SEGI segment {entry.Index} model_section_length says {entry.ModelSectionLength}");
        }

        if (header.UncompressedLength < 4)
        {
            throw FormatErrors.Corrupt(
                $"MODL: the payload of the section at offset {FormatErrors.Hex(header.Offset)} is {header.UncompressedLength} bytes; it must hold at least segment_index");
        }
    }

    private static ReadOnlyMemory<byte> DecodeModel(in SectionHeader header, byte[] raw, int segment)
    {
        ReadOnlyMemory<byte> payload = SectionCodec.DecodePayload(header, raw);
        uint index = BinaryPrimitives.ReadUInt32LittleEndian(payload.Span);
        if (index != (uint)segment)
        {
            throw FormatErrors.Corrupt(
                $"MODL: segment_index {index} at offset {FormatErrors.Hex(header.PayloadOffset)}{(header.IsCompressed ? " (uncompressed payload)" : string.Empty)} does not match its SEGI entry, segment {segment}");
        }

        return payload[4..];
    }

    private static Metadata DecodeMetadata(in SectionHeader header, byte[] raw) =>
        MetadataCodec.Decode(SectionCodec.DecodePayload(header, raw), header.PayloadOffset);
}
