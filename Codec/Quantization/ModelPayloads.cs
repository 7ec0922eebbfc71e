using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Codec.Quantization;

/// <summary>The product's model payload writer/reader, as the encoder uses them to measure real coded sizes.</summary>
internal static class ModelPayloads
{
    public static byte[] Write(SegmentModel model) => ModelPayloadWriter.Write(model);

    public static SegmentModel Read(byte[] payload, int sequenceWidth, int sequenceHeight, ChromaFormat chroma, int firstFrame, int frameCount) =>
        ModelPayloadReader.Read(payload, new ModelPayloadExpectations(firstFrame, frameCount, sequenceWidth, sequenceHeight, chroma));
}
