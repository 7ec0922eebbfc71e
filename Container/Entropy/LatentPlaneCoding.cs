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
        var encoder = new RangeEncoder(Math.Max(16, latents.Length / 4));
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
                        LaplaceSymbolCoding.Encode(encoder, latents[i], mean, fraction, scale);
                    }
                }
            }
        }

        return encoder.Finish();
    }

    /// <summary>Decodes the latents of one grid, laid out [t][y][x][c]; the data must be consumed exactly.</summary>
    public static int[] Decode(LatentContextModel model, ReadOnlySpan<byte> data, int timeCells, int rows, int columns, int channels, string name, long offset)
    {
        ArgumentNullException.ThrowIfNull(model);
        long count = (long)timeCells * rows * columns * channels;
        CheckShape(model, count, timeCells, rows, columns, channels);
        var latents = new int[count];
        var decoder = new RangeDecoder(data, name, offset);
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
                        latents[i] = LaplaceSymbolCoding.Decode(ref decoder, mean, fraction, scale);
                    }
                }
            }
        }

        decoder.Finish();
        return latents;
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
}
