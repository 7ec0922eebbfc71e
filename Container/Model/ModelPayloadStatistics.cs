using Asmr.Container.Entropy;

namespace Asmr.Container.Model;

/// <summary>
/// Per-tensor and total coding statistics of a model payload, for <c>asmrc info</c>: coded bytes against the
/// empirical order-0 entropy of each tensor's integers.
/// </summary>
internal sealed class ModelPayloadStatistics
{
    private ModelPayloadStatistics(IReadOnlyList<ModelPayloadTensorStatistics> tensors, long payloadBytes)
    {
        Tensors = tensors;
        PayloadBytes = payloadBytes;
        TotalValues = tensors.Sum(t => t.Values);
        TotalCodedBytes = tensors.Sum(t => (long)t.CodedBytes);
        TotalEntropyBytes = tensors.Sum(t => t.EntropyBytes);
    }

    public IReadOnlyList<ModelPayloadTensorStatistics> Tensors { get; }

    /// <summary>The whole payload: model header, record headers and coded data.</summary>
    public long PayloadBytes { get; }

    /// <summary>Model header and record headers: <see cref="PayloadBytes"/> − <see cref="TotalCodedBytes"/>.</summary>
    public long OverheadBytes => PayloadBytes - TotalCodedBytes;

    public long TotalValues { get; }

    /// <summary>Σ byte_length.</summary>
    public long TotalCodedBytes { get; }

    /// <summary>Σ of the tensors' order-0 entropies (each tensor measured on its own, as each is coded on its own).</summary>
    public double TotalEntropyBytes { get; }

    /// <summary><see cref="TotalCodedBytes"/> / <see cref="TotalEntropyBytes"/>; null when the entropy is 0.</summary>
    public double? Ratio => TotalEntropyBytes > 0 ? TotalCodedBytes / TotalEntropyBytes : null;

    /// <summary>Parses (and fully validates) a payload and measures it.</summary>
    public static ModelPayloadStatistics FromPayload(ReadOnlySpan<byte> payload, ModelPayloadExpectations expected, long baseOffset = 0)
    {
        var model = ModelPayloadReader.Read(payload, expected, baseOffset, out int[] codedByteLengths);
        return Measure(model, codedByteLengths, payload.Length);
    }

    /// <summary>Measures the payload <see cref="ModelPayloadWriter"/> produces for a model.</summary>
    public static ModelPayloadStatistics FromModel(SegmentModel model)
    {
        byte[] payload = ModelPayloadWriter.Write(model, out int[] codedByteLengths);
        return Measure(model, codedByteLengths, payload.Length);
    }

    private static ModelPayloadStatistics Measure(SegmentModel model, int[] codedByteLengths, long payloadBytes)
    {
        var records = model.Records();
        var tensors = new ModelPayloadTensorStatistics[records.Count];
        for (int i = 0; i < tensors.Length; i++)
        {
            var t = records[i];
            tensors[i] = new ModelPayloadTensorStatistics(
                i, t.Role, t.Level, t.Rows, t.Columns, t.Multiplier, t.Coding, codedByteLengths[i], EntropyStatistics.Order0EntropyBytes(t.Values));
        }

        return new ModelPayloadStatistics(tensors, payloadBytes);
    }

}
