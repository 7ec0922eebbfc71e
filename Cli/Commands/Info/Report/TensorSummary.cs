namespace Asmr.Cli.Commands.Info.Report;

/// <summary>One tensor of a segment model: shape, coding, and coded size against its order-0 entropy.</summary>
/// <param name="Role">
/// "modulation", "bias", "weight", "output_weight", "output_bias", "grid_projection", "grid_latents", "context_weight",
/// "context_bias", "context_output_weight" or "context_channel_bias".
/// </param>
/// <param name="Coding">"raw", "adaptive" or "context".</param>
/// <param name="Multiplier">The quantization step μ in the role's integer units.</param>
/// <param name="CodedBytes">The coded data (without the record header).</param>
/// <param name="EntropyBytes">The empirical order-0 entropy of the tensor's integers, in bytes.</param>
internal sealed record TensorSummary(
    string Role,
    int Level,
    int Rows,
    int Columns,
    string Coding,
    long Multiplier,
    long CodedBytes,
    double EntropyBytes)
{
    /// <summary>Coded bytes per entropy byte; null for a constant tensor (entropy 0).</summary>
    public double? Ratio => EntropyBytes > 0 ? CodedBytes / EntropyBytes : null;
}
