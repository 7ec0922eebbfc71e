using Asmr.Container.Model;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Motion;

/// <summary>
/// Block motion of a segment against one reference picture: for every frame and block, the displacement (quarter
/// luma samples) at which the reference best predicts the block, by SSE plus λ times the bits of the vector's
/// difference to the same block's vector in the frame nearer the reference. Frames are searched outward from the
/// reference, each window centred on that nearer frame's vector, so a pan is followed with a small window.
/// </summary>
internal static class MotionSearch
{
    /// <param name="luma">The segment's luma planes.</param>
    /// <param name="width">Luma width.</param>
    /// <param name="height">Luma height.</param>
    /// <param name="bitDepth">The samples' bit depth; costs are in 8-bit units whatever it is, so λ keeps its meaning.</param>
    /// <param name="reference">The frame the others are moved onto (its own vectors are zero).</param>
    /// <param name="blockLog2">Block size exponent (<see cref="MotionField.MinBlockLog2"/>..<see cref="MotionField.MaxBlockLog2"/>).</param>
    /// <param name="range">Whole samples searched each way around the predicted vector.</param>
    /// <param name="lambda">SSE (in 8-bit sample units squared) per bit of vector.</param>
    public static MotionField Estimate(IReadOnlyList<ushort[]> luma, int width, int height, int bitDepth, int reference, int blockLog2, int range, double lambda)
    {
        ArgumentNullException.ThrowIfNull(luma);
        ArgumentOutOfRangeException.ThrowIfNegative(reference);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(reference, luma.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(range);
        int block = 1 << blockLog2;
        int blocksY = MotionField.Blocks(height, blockLog2), blocksX = MotionField.Blocks(width, blockLog2);
        double scale = 1.0 / (1 << (bitDepth - 8));
        var refPlane = luma[reference].Select(v => v * scale).ToArray();
        var vectors = new int[luma.Count][];
        vectors[reference] = new int[2 * blocksY * blocksX];
        var order = Enumerable.Range(1, luma.Count).SelectMany(d => new[] { reference - d, reference + d }).Where(t => t >= 0 && t < luma.Count);
        foreach (int t in order)
        {
            var target = luma[t].Select(v => v * scale).ToArray();
            var previous = vectors[t < reference ? t + 1 : t - 1];
            var v = new int[2 * blocksY * blocksX];
            for (int j = 0; j < blocksY; j++)
            {
                for (int i = 0; i < blocksX; i++)
                {
                    int k = 2 * ((j * blocksX) + i);
                    var best = Search(target, refPlane, width, height, j * block, i * block, block, (previous[k], previous[k + 1]), range, lambda);
                    (v[k], v[k + 1]) = best;
                }
            }

            vectors[t] = v;
        }

        return new MotionField(blockLog2, width, height, vectors);
    }

    /// <summary>Bits of the signed Exp-Golomb code of a quarter-sample difference (0 → 1 bit, ±1 → 3 bits, …).</summary>
    public static int ExpGolombBits(int q)
    {
        long mapped = q > 0 ? (2L * q) - 1 : -2L * q;
        return (2 * (int)Math.Floor(Math.Log2(mapped + 1))) + 1;
    }

    /// <summary>Bilinear sample of a plane at a real position, the edges repeated.</summary>
    public static double Sample(double[] plane, int width, int height, double y, double x)
    {
        y = Math.Clamp(y, 0, height - 1);
        x = Math.Clamp(x, 0, width - 1);
        int y0 = (int)y, x0 = (int)x;
        int y1 = Math.Min(y0 + 1, height - 1), x1 = Math.Min(x0 + 1, width - 1);
        double fy = y - y0, fx = x - x0;
        double top = plane[(y0 * width) + x0] + ((plane[(y0 * width) + x1] - plane[(y0 * width) + x0]) * fx);
        double bottom = plane[(y1 * width) + x0] + ((plane[(y1 * width) + x1] - plane[(y1 * width) + x0]) * fx);
        return top + ((bottom - top) * fy);
    }

    private static (int Y, int X) Search(double[] target, double[] reference, int width, int height, int top, int left, int block, (int Y, int X) predicted, int range, double lambda)
    {
        int h = Math.Min(block, height - top), w = Math.Min(block, width - left);
        double Cost(int qy, int qx)
        {
            double sum = 0, dy = qy / 4.0, dx = qx / 4.0;
            for (int y = top; y < top + h; y++)
            {
                for (int x = left; x < left + w; x++)
                {
                    double e = target[(y * width) + x] - Sample(reference, width, height, y + dy, x + dx);
                    sum += e * e;
                }
            }

            int bits = ExpGolombBits(qy - predicted.Y) + ExpGolombBits(qx - predicted.X);
            return sum + (lambda * bits);
        }

        // Whole samples around the prediction (kept in quarter units), then quarter samples around the best; the centre of
        // each window is already the best so far, so it is not priced again.
        var best = predicted;
        double bestCost = Cost(best.Y, best.X);
        for (int sy = -range; sy <= range; sy++)
        {
            for (int sx = -range; sx <= range; sx++)
            {
                if (sy == 0 && sx == 0)
                {
                    continue;
                }

                int qy = Math.Clamp(predicted.Y + (4 * sy), -MotionField.MaxVector, MotionField.MaxVector);
                int qx = Math.Clamp(predicted.X + (4 * sx), -MotionField.MaxVector, MotionField.MaxVector);
                double c = Cost(qy, qx);
                if (c < bestCost)
                {
                    (bestCost, best) = (c, (qy, qx));
                }
            }
        }

        var centre = best;
        for (int fy = -3; fy <= 3; fy++)
        {
            for (int fx = -3; fx <= 3; fx++)
            {
                if (fy == 0 && fx == 0)
                {
                    continue;
                }

                int qy = Math.Clamp(centre.Y + fy, -MotionField.MaxVector, MotionField.MaxVector);
                int qx = Math.Clamp(centre.X + fx, -MotionField.MaxVector, MotionField.MaxVector);
                double c = Cost(qy, qx);
                if (c < bestCost)
                {
                    (bestCost, best) = (c, (qy, qx));
                }
            }
        }

        return best;
    }
}
