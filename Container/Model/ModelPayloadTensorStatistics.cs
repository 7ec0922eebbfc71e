namespace Asmr.Container.Model;

/// <summary>How well one tensor's integers are coded: its coded byte_length against their empirical order-0 entropy.</summary>
/// <param name="Index">Position in the payload, from 0.</param>
/// <param name="Role">The tensor's role.</param>
/// <param name="Level">The tensor's level.</param>
/// <param name="Rows">Rows of the tensor.</param>
/// <param name="Columns">Columns of the tensor.</param>
/// <param name="Multiplier">The quantization step μ.</param>
/// <param name="Coding">How the tensor is coded.</param>
/// <param name="CodedBytes">byte_length: the coded data, without the 19-byte record header.</param>
/// <param name="EntropyBytes">Σ −log2(count/n) over the values, in bytes (the order-0 empirical entropy).</param>
internal sealed record ModelPayloadTensorStatistics(
    int Index,
    TensorRole Role,
    int Level,
    int Rows,
    int Columns,
    uint Multiplier,
    EntropyCoding Coding,
    int CodedBytes,
    double EntropyBytes)
{
    /// <summary>rows·columns.</summary>
    public long Values => (long)Rows * Columns;

    /// <summary><see cref="CodedBytes"/> / <see cref="EntropyBytes"/>; null when the entropy is 0 (a constant tensor).</summary>
    public double? Ratio => EntropyBytes > 0 ? CodedBytes / EntropyBytes : null;

    /// <summary>Coded bits per value.</summary>
    public double BitsPerValue => Values == 0 ? 0 : CodedBytes * 8.0 / Values;
}
