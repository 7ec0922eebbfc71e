using Asmr.Conformance.Hashing;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Conformance.Running;

/// <summary>
/// The whole decoding process of a conformance check, as a player runs it: open and verify the container (every
/// section, every CRC, unknown ancillary sections skipped), then per segment parse the model (spec §10) and decode
/// its frames (spec §11), hashing the output (spec §12).
/// </summary>
internal static class VectorDecoder
{
    /// <summary>Decodes a file; returns per-frame hashes and the stream hash. Corrupt input throws.</summary>
    public static DecodedOutput Decode(string path, DecoderOptions options)
    {
        using var reader = AsmrReader.Open(path);
        return Decode(reader, options);
    }

    public static DecodedOutput Decode(AsmrReader reader, DecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Verify();
        var sequence = reader.SequenceHeader;
        var sections = reader.ReadSectionDirectory();
        using var hasher = new DecodedOutputHasher();
        foreach (var entry in reader.Segments)
        {
            var model = ReadModel(reader, sections, entry);
            var decoder = new SegmentDecoder(model, sequence.Width, sequence.Height, sequence.ChromaFormat, sequence.BitDepth, options);
            foreach (var frame in decoder.DecodeAll())
            {
                hasher.AddFrame(frame);
            }
        }

        var frames = hasher.FrameHashes.ToArray();
        return new DecodedOutput(frames, hasher.Finish());
    }

    /// <summary>Reads and parses the model of one segment, with offsets in messages relative to the file.</summary>
    public static SegmentModel ReadModel(AsmrReader reader, IReadOnlyList<SectionInfo> sections, SegmentIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sections);
        var sequence = reader.SequenceHeader;
        ReadOnlyMemory<byte> payload = reader.ReadSegmentModel(entry.Index);
        var section = sections.FirstOrDefault(s => s.Segment == entry.Index);

        // Uncompressed: the model starts after the 12-byte section header and the 4-byte segment_index.
        long baseOffset = section is { IsCompressed: false } ? section.Offset + 16 : 0;
        var expected = new ModelPayloadExpectations(entry.FirstFrame, entry.FrameCount, sequence.Width, sequence.Height, sequence.ChromaFormat)
        {
            FileMinReaderVersion = reader.Header.MinReaderVersion,
        };
        return ModelPayloadReader.Read(payload.Span, expected, baseOffset);
    }
}
