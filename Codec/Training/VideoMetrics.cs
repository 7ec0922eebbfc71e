namespace Asmr.Codec.Training;

/// <summary>Quality of a reconstruction: per-plane PSNR and RGB PSNR (BT.601 limited range, nearest chroma).</summary>
internal sealed record VideoMetrics(double PsnrY, double PsnrCb, double PsnrCr, double PsnrRgb, double PsnrYuv611)
{
    public override string ToString() =>
        $"RGB {PsnrRgb:F2} dB | Y {PsnrY:F2} Cb {PsnrCb:F2} Cr {PsnrCr:F2} | YUV611 {PsnrYuv611:F2}";

    public static VideoMetrics Measure(VideoClip source, IReadOnlyList<ushort[][]> decoded)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(decoded);
        int planes = source.PlaneCount;
        var sq = new double[planes];
        var n = new long[planes];
        double rgbSq = 0;
        long rgbN = 0;
        double max = (1 << source.BitDepth) - 1;
        for (int t = 0; t < source.Frames.Count; t++)
        {
            for (int p = 0; p < planes; p++)
            {
                var a = source.Frames[t].Planes[p];
                var b = decoded[t][p];
                for (int i = 0; i < a.Length; i++)
                {
                    double d = a[i] - b[i];
                    sq[p] += d * d;
                }

                n[p] += a.Length;
            }

            if (planes == 3)
            {
                rgbSq += RgbSquaredError(source, source.Frames[t].Planes, decoded[t], ref rgbN);
            }
        }

        double Psnr(double s, long count) => s <= 0 ? 99 : 10 * Math.Log10(max * max / (s / count));
        double py = Psnr(sq[0], n[0]);
        if (planes == 1)
        {
            return new VideoMetrics(py, 99, 99, py, py);
        }

        double mseYuv = ((6 * sq[0] / n[0]) + (sq[1] / n[1]) + (sq[2] / n[2])) / 8;
        return new VideoMetrics(py, Psnr(sq[1], n[1]), Psnr(sq[2], n[2]), Psnr(rgbSq, rgbN), Psnr(mseYuv, 1));
    }

    private static double RgbSquaredError(VideoClip v, ushort[][] a, ushort[][] b, ref long count)
    {
        double sum = 0;
        int w = v.Width, cw = v.PlaneWidth(1);
        int sx = v.SubsampleX(1), sy = v.SubsampleY(1);
        double max = (1 << v.BitDepth) - 1;
        double k = max / 255.0;
        for (int y = 0; y < v.Height; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int ci = ((y / sy) * cw) + (x / sx);
                var (r1, g1, b1) = ToRgb(a[0][(y * w) + x], a[1][ci], a[2][ci], k, max);
                var (r2, g2, b2) = ToRgb(b[0][(y * w) + x], b[1][ci], b[2][ci], k, max);
                sum += ((r1 - r2) * (r1 - r2)) + ((g1 - g2) * (g1 - g2)) + ((b1 - b2) * (b1 - b2));
            }
        }

        count += 3L * v.Width * v.Height;
        return sum;
    }

    private static (double R, double G, double B) ToRgb(double y, double cb, double cr, double k, double max)
    {
        double yy = (y - (16 * k)) * (255.0 / 219.0);
        double u = (cb - (128 * k)) * (255.0 / 224.0);
        double v = (cr - (128 * k)) * (255.0 / 224.0);
        double r = Math.Round(Math.Clamp(yy + (1.402 * v), 0, max));
        double g = Math.Round(Math.Clamp(yy - (0.344136 * u) - (0.714136 * v), 0, max));
        double b = Math.Round(Math.Clamp(yy + (1.772 * u), 0, max));
        return (r, g, b);
    }
}
