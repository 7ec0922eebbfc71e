namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// A grid's context model and its context-coded latents (spec §10.6, §10.7), written from the text alone: the six
/// inputs with the 0-outside rule and their clamp, the two layers in i64 with their clamps, the prediction of
/// (μ_int, f, s), and the latents decoded in the order t, y, x, c from one range-coded stream.
/// </summary>
/// <param name="J">context_hidden.</param>
/// <param name="Wc1">J × 6, row-major.</param>
/// <param name="Bc1">J biases.</param>
/// <param name="Wc2">2 × J, row-major.</param>
/// <param name="Bc2">k × 2, row-major.</param>
internal sealed record SpecContextModel(int J, int[] Wc1, int[] Bc1, int[] Wc2, int[] Bc2)
{
    /// <summary>Z[t][y][x][c] at (((t·Y + y)·X + x)·k + c), the row-major order of the latents record.</summary>
    public int[] DecodeLatents(byte[] data, int tau, int rows, int columns, int k)
    {
        var decoder = new SpecRangeDecoder(data);
        int[] z = new int[tau * rows * columns * k];
        for (int t = 0; t < tau; t++)
        {
            for (int y = 0; y < rows; y++)
            {
                for (int x = 0; x < columns; x++)
                {
                    for (int c = 0; c < k; c++)
                    {
                        int At(int tt, int yy, int xx, int cc) =>
                            tt < 0 || yy < 0 || xx < 0 || xx >= columns || cc < 0 ? 0 : z[(((((tt * rows) + yy) * columns) + xx) * k) + cc];

                        int[] inputs = [At(t - 1, y, x, c), At(t, y, x - 1, c), At(t, y - 1, x, c), At(t, y - 1, x - 1, c), At(t, y - 1, x + 1, c), At(t, y, x, c - 1)];
                        var (mu, f, s) = Predict(inputs, c);
                        z[(((((t * rows) + y) * columns) + x) * k) + c] = DecodeLatent(decoder, mu, f, s);
                    }
                }
            }
        }

        decoder.Finish();
        return z;
    }

    /// <summary>§10.7 Network and Prediction.</summary>
    public (long MeanInteger, int Fraction, int ScaleBin) Predict(int[] inputs, int c)
    {
        long[] a = [.. inputs.Select(v => (long)Math.Clamp(v, -64, 63))];
        long[] h = new long[J];
        for (int j = 0; j < J; j++)
        {
            long sum = Bc1[j];
            for (int i = 0; i < 6; i++)
            {
                sum += Wc1[(j * 6) + i] * a[i];
            }

            h[j] = Math.Clamp(sum, 0, 1L << 15);
        }

        long[] o = new long[2];
        for (int m = 0; m < 2; m++)
        {
            long sum = 0;
            for (int j = 0; j < J; j++)
            {
                sum += Wc2[(m * J) + j] * h[j];
            }

            o[m] = (sum >> 8) + Bc2[(c * 2) + m];
        }

        long mean = Math.Clamp(o[0], -(1L << 14), 1L << 14);
        long s = Math.Clamp(((o[1] + 16) >> 5) + 32, 0, 79);
        return (mean >> 8, (int)((mean >> 4) & 15), (int)s);
    }

    /// <summary>§10.6 Decode a latent.</summary>
    private static int DecodeLatent(SpecRangeDecoder decoder, long meanInteger, int f, int s)
    {
        int i = decoder.DecodeSymbol(SpecLaplaceTables.T[(16 * s) + f]);
        long r;
        if (i <= 30)
        {
            r = i - 15;
        }
        else
        {
            bool negative = decoder.BypassBit() == 1;
            int n = 0;
            while (decoder.BypassBit() == 1)
            {
                n++;
                if (n == 31)
                {
                    throw new InvalidDataException("context coding: 31st escape prefix one");
                }
            }

            long v = 0;
            for (int b = 0; b < n; b++)
            {
                v = (v << 1) | (long)decoder.BypassBit();
            }

            long e = (1L << n) - 1 + v;
            r = negative ? -(e + 16) : e + 16;
        }

        long q = meanInteger + r;
        if (q is < int.MinValue or > int.MaxValue)
        {
            throw new InvalidDataException("context coding: latent outside i32");
        }

        return (int)q;
    }
}
