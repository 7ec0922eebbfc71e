using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Files;

/// <summary>
/// The pipeline a file from a stranger goes through, shared by the fuzz harness (fuzz/Asmr.Fuzz) and the replay
/// tests: open, verify every section, read and parse each segment's model and decode its first frame. Decoding is
/// skipped when width·height·frames of a segment exceeds <see cref="MaxDecodedSamples"/>, so one input costs bounded
/// time and memory. The only exceptions that may escape are the documented ones:
/// <see cref="InvalidDataException"/> (corrupt) and <see cref="NotSupportedException"/> (needs a newer reader).
/// </summary>
internal static class UntrustedFileCheck
{
    /// <summary>The decode budget per segment, in luma samples times frames.</summary>
    public const long MaxDecodedSamples = 1L << 20;

    private static readonly DecoderOptions SingleThread = new() { Threads = 1 };

    /// <summary>Runs the pipeline on <paramref name="bytes"/>; returns the number of frames decoded.</summary>
    /// <exception cref="InvalidDataException">The file is corrupt.</exception>
    /// <exception cref="NotSupportedException">The file needs a newer reader.</exception>
    public static int Run(ReadOnlySpan<byte> bytes) => Run(new MemoryStream(bytes.ToArray(), writable: false));

    /// <summary>Runs the pipeline on a seekable stream (disposed afterwards); returns the number of frames decoded.</summary>
    public static int Run(Stream stream)
    {
        using AsmrReader reader = AsmrReader.Open(stream);
        reader.Verify();
        SequenceHeader sequence = reader.SequenceHeader;
        int decoded = 0;
        for (int segment = 0; segment < reader.Segments.Count; segment++)
        {
            SegmentIndexEntry entry = reader.Segments[segment];
            ReadOnlyMemory<byte> payload = reader.ReadSegmentModel(segment);
            var expected = new ModelPayloadExpectations(entry.FirstFrame, entry.FrameCount, sequence.Width, sequence.Height, sequence.ChromaFormat)
            {
                FileMinReaderVersion = reader.Header.MinReaderVersion,
            };
            SegmentModel model = ModelPayloadReader.Read(payload.Span, expected);
            long samples = (long)sequence.Width * sequence.Height * entry.FrameCount;
            if (samples > MaxDecodedSamples)
            {
                continue;
            }

            var decoder = new SegmentDecoder(model, sequence.Width, sequence.Height, sequence.ChromaFormat, sequence.BitDepth, SingleThread);
            _ = decoder.DecodeFrame(0);
            decoded++;
        }

        return decoded;
    }
}
