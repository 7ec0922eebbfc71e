using System.Buffers.Binary;
using Asmr.Container.Model;
using K4os.Compression.LZ4;

namespace Asmr.Container;

/// <summary>
/// A file laid out before anything is written: every section framed and measured, so the SEGI section can carry
/// the final offsets of the MODL sections that follow it. Order: header, SEQH, SEGI, meta, unknown ancillary
/// sections, MODL 0..n−1 (FORMAT.md §4).
/// </summary>
internal sealed class FileLayout
{
    private readonly byte[] _fileHeader;
    private readonly EncodedSection[] _sections;

    private FileLayout(byte[] fileHeader, EncodedSection[] sections, IReadOnlyList<SegmentIndexEntry> segments, long length)
    {
        _fileHeader = fileHeader;
        _sections = sections;
        Segments = segments;
        Length = length;
    }

    /// <summary>The segment index as it will be written.</summary>
    public IReadOnlyList<SegmentIndexEntry> Segments { get; }

    /// <summary>Bytes the file will have.</summary>
    public long Length { get; }

    /// <summary>
    /// Checks <paramref name="file"/> against every rule a reader enforces and lays it out; throws
    /// <see cref="ArgumentException"/> naming the first problem.
    /// </summary>
    public static FileLayout Build(AsmrFile file, AsmrWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        byte[] sequencePayload = SequenceHeaderCodec.Encode(file.SequenceHeader);
        CheckSegments(file.Segments, file.SequenceHeader.FrameCount);
        CheckUnknownSections(file.UnknownSections);

        byte[] fileHeader = FileHeaderCodec.Encode(RequiredVersion(file.Segments));
        EncodedSection sequence = EncodedSection.Create(SectionTag.SequenceHeader, [sequencePayload], null);
        var ancillary = new List<EncodedSection>();
        if (file.Metadata is { } metadata)
        {
            byte[] json = MetadataCodec.Encode(metadata);
            ancillary.Add(EncodedSection.Create(SectionTag.Metadata, [json], options.CompressMetadata ? LZ4Level.L09_HC : null));
        }

        foreach (UnknownSection section in file.UnknownSections)
        {
            ancillary.Add(EncodedSection.Create(SectionTag.Parse(section.Tag), [section.Payload], null));
        }

        var models = new EncodedSection[file.Segments.Count];
        for (int i = 0; i < models.Length; i++)
        {
            byte[] index = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(index, (uint)i);
            models[i] = EncodedSection.Create(
                SectionTag.Model,
                [index, file.Segments[i].ModelPayload],
                options.CompressModels ? LZ4Level.L00_FAST : null);
        }

        long indexSectionLength = FormatConstants.SectionHeaderLength + SegmentIndexCodec.PayloadLength(models.Length) + FormatConstants.CrcLength;
        long position = fileHeader.Length + sequence.Length + indexSectionLength + ancillary.Sum(s => s.Length);
        var entries = new SegmentIndexEntry[models.Length];
        for (int i = 0; i < models.Length; i++)
        {
            AsmrSegment segment = file.Segments[i];
            entries[i] = new SegmentIndexEntry(i, segment.FirstFrame, segment.FrameCount, position, models[i].Length);
            position = checked(position + models[i].Length);
        }

        EncodedSection indexSection = EncodedSection.Create(SectionTag.SegmentIndex, [SegmentIndexCodec.Encode(entries)], null);
        if (indexSection.Length != indexSectionLength)
        {
            throw new InvalidOperationException("The SEGI section length differs from the length its offsets assumed.");
        }

        EncodedSection[] sections = [sequence, indexSection, .. ancillary, .. models];
        return new FileLayout(fileHeader, sections, Array.AsReadOnly(entries), position);
    }

    /// <summary>
    /// Bytes a file of these segments has beyond its model payloads: the file header and every section's framing,
    /// the sequence header, the segment index and the metadata, laid out exactly as <see cref="Build"/> lays them out.
    /// </summary>
    public static long ContainerLength(SequenceHeader header, IReadOnlyList<(int FirstFrame, int FrameCount)> segments, Metadata? metadata, AsmrWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var file = new AsmrFile
        {
            SequenceHeader = header,
            Segments = [.. segments.Select(s => new AsmrSegment(s.FirstFrame, s.FrameCount, ReadOnlyMemory<byte>.Empty))],
            Metadata = metadata,
        };
        return Build(file, options).Length;
    }

    /// <summary>Writes the file.</summary>
    public void WriteTo(OutputSink sink)
    {
        sink.Write(_fileHeader);
        foreach (EncodedSection section in _sections)
        {
            section.WriteTo(sink);
        }
    }

    /// <summary>
    /// The reader version the file needs (FORMAT.md §9): the highest model_version of its payloads (2: latent grids; 3:
    /// context-coded latents), 1 without either, so that files stay readable by the oldest readers that can decode them.
    /// </summary>
    private static int RequiredVersion(IReadOnlyList<AsmrSegment> segments)
    {
        int version = 1;
        foreach (var segment in segments)
        {
            version = Math.Max(version, ModelPayloadFormat.RequiredReaderVersion(segment.ModelPayload.Span));
        }

        return version;
    }

    private static void CheckSegments(IReadOnlyList<AsmrSegment> segments, int frameCount)
    {
        ArgumentNullException.ThrowIfNull(segments, nameof(AsmrFile.Segments));
        int maxCount = Math.Min(frameCount, ContainerLimits.MaxSegmentCount);
        if (segments.Count < 1 || segments.Count > maxCount)
        {
            throw new ArgumentException(
                $"A file has 1..{maxCount} segments (at most one per frame and at most {ContainerLimits.MaxSegmentCount}); this one has {segments.Count}.",
                nameof(segments));
        }

        long next = 0;
        for (int i = 0; i < segments.Count; i++)
        {
            AsmrSegment? segment = segments[i];
            if (segment is null)
            {
                throw new ArgumentException($"Segment {i} is null.", nameof(segments));
            }

            if (segment.FirstFrame != next)
            {
                throw new ArgumentException(
                    $"Segment {i} starts at frame {segment.FirstFrame}; segments must tile the sequence in order, so it must start at {next}.",
                    nameof(segments));
            }

            if (segment.FrameCount < 1 || segment.FirstFrame + (long)segment.FrameCount > frameCount)
            {
                throw new ArgumentException(
                    $"Segment {i} has {segment.FrameCount} frames; it must have 1..{frameCount - segment.FirstFrame} (the sequence has {frameCount}).",
                    nameof(segments));
            }

            if (segment.ModelPayload.Length > ContainerLimits.MaxSectionPayloadLength - 4)
            {
                throw new ArgumentException(
                    $"Segment {i}'s model payload is {segment.ModelPayload.Length} bytes; the limit is {ContainerLimits.MaxSectionPayloadLength - 4}.",
                    nameof(segments));
            }

            next = segment.FirstFrame + (long)segment.FrameCount;
        }

        if (next != frameCount)
        {
            throw new ArgumentException($"The segments cover {next} frames; the sequence has {frameCount}.", nameof(segments));
        }
    }

    private static void CheckUnknownSections(IReadOnlyList<UnknownSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections, nameof(AsmrFile.UnknownSections));
        foreach (UnknownSection? section in sections)
        {
            if (section is null)
            {
                throw new ArgumentException("An unknown section is null.", nameof(sections));
            }

            if (!SectionTag.TryParse(section.Tag, out SectionTag tag) || tag.IsCritical || tag.IsKnown)
            {
                throw new ArgumentException(
                    $"Unknown section tag '{section.Tag}' must be four ASCII letters, start with a lowercase letter (ancillary) and not be a tag this version defines.",
                    nameof(sections));
            }

            if (section.Payload.Length > ContainerLimits.MaxSectionPayloadLength)
            {
                throw new ArgumentException(
                    $"Unknown section '{section.Tag}' is {section.Payload.Length} bytes; the limit is {ContainerLimits.MaxSectionPayloadLength}.",
                    nameof(sections));
            }
        }
    }
}
