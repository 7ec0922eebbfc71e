namespace Asmr.Container.Entropy;

/// <summary>
/// A grid's latents coded with the context model (draft spec §10.7): in the order time cell, row, column, channel,
/// each against the table its context predicts (<see cref="LaplaceSymbolCoding"/>), in one range-coded stream.
/// </summary>
internal static class LatentPlaneCoding
{
    /// <summary>Codes <paramref name="latents"/>, laid out [t][y][x][c].</summary>
    public static byte[] Encode(LatentContextModel model, ReadOnlySpan<int> latents, int timeCells, int rows, int columns, int channels)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckShape(model, latents.Length, timeCells, rows, columns, channels);
        var coder = new SymbolEncoder(new RangeEncoder(Math.Max(16, latents.Length / 4)));
        Walk(ref coder, model, latents.ToArray(), timeCells, rows, columns, channels);
        return coder.Encoder.Finish();
    }

    /// <summary>Decodes the latents of one grid, laid out [t][y][x][c]; the data must be consumed exactly.</summary>
    public static int[] Decode(LatentContextModel model, ReadOnlySpan<byte> data, int timeCells, int rows, int columns, int channels, string name, long offset)
    {
        ArgumentNullException.ThrowIfNull(model);
        long count = (long)timeCells * rows * columns * channels;
        CheckShape(model, count, timeCells, rows, columns, channels);
        var latents = new int[count];
        var coder = new SymbolDecoder(new RangeDecoder(data, name, offset));
        Walk(ref coder, model, latents, timeCells, rows, columns, channels);
        coder.Decoder.Finish();
        return latents;
    }

    /// <summary>
    /// Visits the latents in coding order (time cell, row, column, channel), each with its context's prediction, and
    /// stores what <paramref name="coder"/> returns: the latent itself when encoding, the decoded one when decoding.
    /// </summary>
    private static void Walk<TCoder>(ref TCoder coder, LatentContextModel model, Span<int> latents, int timeCells, int rows, int columns, int channels)
        where TCoder : ISymbolCoder, allows ref struct
    {
        Span<int> context = stackalloc int[LatentContext.Count];
        var zeroContext = new (int, int, int)?[channels];
        int i = 0;
        for (int t = 0; t < timeCells; t++)
        {
            for (int y = 0; y < rows; y++)
            {
                for (int x = 0; x < columns; x++)
                {
                    for (int c = 0; c < channels; c++, i++)
                    {
                        LatentContext.Gather(latents, rows, columns, channels, t, y, x, c, context);
                        var (mean, fraction, scale) = Predict(model, context, c, zeroContext);
                        latents[i] = coder.Code(latents[i], mean, fraction, scale);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The model's prediction, reused for a context of six zeros (it then depends on the channel only): most latents of
    /// a fine grid are zeros, so most contexts are, and the model would otherwise run for every latent.
    /// </summary>
    private static (int Mean, int Fraction, int Scale) Predict(LatentContextModel model, ReadOnlySpan<int> context, int channel, (int, int, int)?[] zeroContext)
    {
        if ((context[0] | context[1] | context[2] | context[3] | context[4] | context[5]) != 0)
        {
            return model.Predict(context, channel);
        }

        return zeroContext[channel] ??= model.Predict(context, channel);
    }

    private static void CheckShape(LatentContextModel model, long count, int timeCells, int rows, int columns, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeCells);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (channels > model.Channels)
        {
            throw new ArgumentException($"The context model has biases for {model.Channels} channels, not {channels}.", nameof(channels));
        }

        if (count != (long)timeCells * rows * columns * channels)
        {
            throw new ArgumentException($"{count} latents do not fill {timeCells}×{rows}×{columns}×{channels}.", nameof(count));
        }
    }

    private interface ISymbolCoder
    {
        /// <summary>Codes one latent against its prediction and returns it.</summary>
        int Code(int latent, int mean, int fraction, int scale);
    }

    private readonly struct SymbolEncoder(RangeEncoder encoder) : ISymbolCoder
    {
        public RangeEncoder Encoder { get; } = encoder;

        public int Code(int latent, int mean, int fraction, int scale)
        {
            LaplaceSymbolCoding.Encode(Encoder, latent, mean, fraction, scale);
            return latent;
        }
    }

    private ref struct SymbolDecoder(RangeDecoder decoder) : ISymbolCoder
    {
        public RangeDecoder Decoder = decoder;

        public int Code(int latent, int mean, int fraction, int scale) => LaplaceSymbolCoding.Decode(ref Decoder, mean, fraction, scale);
    }
}
