using System.Buffers.Binary;
using Asmr.Container.Model;
using K4os.Compression.LZ4;

namespace Asmr.Container;

/// <summary>
/// Writes part files (FORMAT.md §13): file header with the part magic, SEQH, PART, meta, then the part's MODL sections,
/// each carrying its segment's index in the whole video. Written atomically, as <see cref="AsmrWriter"/> writes.
/// </summary>
public static class PartWriter
{
    public static void Write(string path, AsmrPartFile file, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(file);
        byte[][] bytes = Layout(file);
        cancellationToken.ThrowIfCancellationRequested();
        using AtomicFileWriter output = AtomicFileWriter.Create(path, overwrite);
        foreach (byte[] chunk in bytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output.Stream.Write(chunk);
        }

        output.Commit();
    }

    /// <summary>The file as a list of byte arrays, in order.</summary>
    internal static byte[][] Layout(AsmrPartFile file)
    {
        // A part the reader would refuse is a bug of the caller: say so before anything is written.
        long frames = file.Segments.Sum(s => (long)s.FrameCount);
        if (file.Segments.Count < 1 || file.Part.Frames.Count != frames || file.Part.FirstSegment + file.Segments.Count > file.Part.PlanSegmentCount)
        {
            throw new ArgumentException(
                $"A part needs 1..{file.Part.PlanSegmentCount - file.Part.FirstSegment} segments and statistics for each of their {frames} frames; it has {file.Segments.Count} segments and {file.Part.Frames.Count} frame statistics.",
                nameof(file));
        }

        int version = 1;
        foreach (AsmrSegment segment in file.Segments)
        {
            version = Math.Max(version, ModelPayloadFormat.RequiredReaderVersion(segment.ModelPayload.Span));
        }

        var sections = new List<EncodedSection>
        {
            EncodedSection.Create(SectionTag.SequenceHeader, [SequenceHeaderCodec.Encode(file.SequenceHeader)], null),
            EncodedSection.Create(SectionTag.Part, [PartSectionCodec.Encode(file.Part, file.Segments, file.SequenceHeader.ChromaFormat.PlaneCount())], null),
        };
        if (file.Metadata is { } metadata)
        {
            sections.Add(EncodedSection.Create(SectionTag.Metadata, [MetadataCodec.Encode(metadata)], LZ4Level.L09_HC));
        }

        for (int i = 0; i < file.Segments.Count; i++)
        {
            byte[] index = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(index, (uint)(file.Part.FirstSegment + i));
            sections.Add(EncodedSection.Create(SectionTag.Model, [index, file.Segments[i].ModelPayload], null));
        }

        var chunks = new List<byte[]> { FileHeaderCodec.Encode(version, part: true) };
        foreach (EncodedSection section in sections)
        {
            using var buffer = new MemoryStream();
            section.WriteTo(new OutputSink(buffer, null, CancellationToken.None));
            chunks.Add(buffer.ToArray());
        }

        return [.. chunks];
    }
}
