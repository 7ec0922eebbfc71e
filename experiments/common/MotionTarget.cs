using Asmr.Codec.Training;
using Asmr.Container.Model;
using Asmr.Decoder.Motion;
using Asmr.Decoder.Video;

namespace Asmr.Experiments;

/// <summary>
/// Experiment (not in the format): fit the network to the source moved back along its block motion, then warp what
/// the decoder produces forward again. If out(t, p) = F_t(p + d) is what the viewer sees, the network's frame should
/// be F_t(q) = S_t(q − d) (exact inside a block, approximate across block edges): a video aligned to the reference,
/// which changes little over time, fitted with the default training (same step, same cost). The warp then runs on the
/// real decoder's integer frames, so the file's quality can be measured with the vectors' bytes added.
/// </summary>
/// <param name="Cubic">Samples read with a Catmull-Rom cubic (4 taps each way) instead of bilinear.</param>
/// <param name="Smooth">
/// The vector of a sample interpolated bilinearly between the centres of the four nearest blocks (a continuous field,
/// so moving back and then forward nearly cancel) instead of its block's vector.
/// </param>
internal sealed record MotionTarget(BlockMotion Motion, bool Cubic, bool Smooth)
{
    /// <summary>The source moved back along the vectors: sample (t, q) reads S_t at q − d(t, q), rounded.</summary>
    public VideoClip Align(VideoClip video) =>
        new([.. video.Frames.Select((f, t) => Frame(video, Shift(video, t, f.Planes, -1)))]);

    /// <summary>
    /// Decoded frames warped forward: sample (t, p) reads D_t at p + d(t, p), rounded. The cubic smooth warp is the
    /// decoder's integer one (<see cref="MotionCompensation"/>), the other variants float.
    /// </summary>
    public List<ushort[][]> Warp(VideoClip video, IReadOnlyList<ushort[][]> decoded)
    {
        if (!(Cubic && Smooth))
        {
            return [.. decoded.Select((planes, t) => Shift(video, t, planes, +1))];
        }

        var field = Field(video);
        return [.. decoded.Select((planes, t) => MotionCompensation.Apply(Frame(video, planes), field, t).Planes)];
    }

    /// <summary>The vectors as the decoder's motion field (quarter samples).</summary>
    public MotionField Field(VideoClip video) =>
        new(int.Log2(Motion.Block), video.Width, video.Height,
            [.. Motion.Vectors.Select(f => f.SelectMany(v => new[] { (int)Math.Round(v.Y * 4), (int)Math.Round(v.X * 4) }).ToArray())]);

    /// <summary>The vector (luma samples) at luma position (y, x) of frame t.</summary>
    public (double Y, double X) VectorAt(int t, double y, double x, int width, int height)
    {
        if (!Smooth)
        {
            return Motion.At(t, Math.Min((int)y, height - 1), Math.Min((int)x, width - 1));
        }

        // Block centres sit at (j + ½)·block − ½ in sample coordinates; outside the outer centres the field is constant.
        int b = Motion.Block;
        double gy = Math.Clamp(((y + 0.5) / b) - 0.5, 0, Motion.BlocksY - 1), gx = Math.Clamp(((x + 0.5) / b) - 0.5, 0, Motion.BlocksX - 1);
        int j0 = (int)gy, i0 = (int)gx, j1 = Math.Min(j0 + 1, Motion.BlocksY - 1), i1 = Math.Min(i0 + 1, Motion.BlocksX - 1);
        double fy = gy - j0, fx = gx - i0;
        var v = Motion.Vectors[t];
        (double Y, double X) a = v[(j0 * Motion.BlocksX) + i0], c = v[(j0 * Motion.BlocksX) + i1], e = v[(j1 * Motion.BlocksX) + i0], g = v[(j1 * Motion.BlocksX) + i1];
        double Mix(double p00, double p01, double p10, double p11) => ((p00 * (1 - fx)) + (p01 * fx)) * (1 - fy) + (((p10 * (1 - fx)) + (p11 * fx)) * fy);
        return (Mix(a.Y, c.Y, e.Y, g.Y), Mix(a.X, c.X, e.X, g.X));
    }

    private ushort[][] Shift(VideoClip video, int t, ushort[][] planes, int sign)
    {
        int max = (1 << video.BitDepth) - 1;
        var result = new ushort[planes.Length][];
        for (int p = 0; p < planes.Length; p++)
        {
            int sy = video.SubsampleY(p), sx = video.SubsampleX(p), pw = video.PlaneWidth(p), ph = video.PlaneHeight(p);
            var source = planes[p].Select(v => (double)v).ToArray();
            var plane = new ushort[pw * ph];
            for (int y = 0; y < ph; y++)
            {
                for (int x = 0; x < pw; x++)
                {
                    // A chroma sample's vector is the luma field's at its position, in chroma samples.
                    var d = VectorAt(t, y * sy, x * sx, video.Width, video.Height);
                    double ry = y + (sign * d.Y / sy), rx = x + (sign * d.X / sx);
                    double v = Cubic ? SampleCubic(source, pw, ph, ry, rx) : BlockMotion.Sample(source, pw, ph, ry, rx);
                    plane[(y * pw) + x] = (ushort)Math.Clamp((int)Math.Round(v), 0, max);
                }
            }

            result[p] = plane;
        }

        return result;
    }

    /// <summary>Catmull-Rom cubic sample of a plane at a real position, the edges repeated.</summary>
    private static double SampleCubic(double[] plane, int width, int height, double y, double x)
    {
        y = Math.Clamp(y, 0, height - 1);
        x = Math.Clamp(x, 0, width - 1);
        int y0 = (int)Math.Floor(y), x0 = (int)Math.Floor(x);
        double fy = y - y0, fx = x - x0;
        Span<double> wy = stackalloc double[4], wx = stackalloc double[4];
        Weights(fy, wy);
        Weights(fx, wx);
        double sum = 0;
        for (int j = 0; j < 4; j++)
        {
            int yy = Math.Clamp(y0 - 1 + j, 0, height - 1);
            double row = 0;
            for (int i = 0; i < 4; i++)
            {
                row += wx[i] * plane[(yy * width) + Math.Clamp(x0 - 1 + i, 0, width - 1)];
            }

            sum += wy[j] * row;
        }

        return sum;
    }

    private static void Weights(double f, Span<double> w)
    {
        double f2 = f * f, f3 = f2 * f;
        w[0] = (-0.5 * f3) + f2 - (0.5 * f);
        w[1] = (1.5 * f3) - (2.5 * f2) + 1;
        w[2] = (-1.5 * f3) + (2 * f2) + (0.5 * f);
        w[3] = (0.5 * f3) - (0.5 * f2);
    }

    /// <summary>Bits of the field's vectors: the order-0 entropy of each component's difference to the frame before's.</summary>
    public static double EntropyBits(MotionField field)
    {
        var counts = new Dictionary<int, long>();
        for (int t = 0; t < field.FrameCount; t++)
        {
            var v = field.Frame(t);
            for (int i = 0; i < v.Length; i++)
            {
                int e = v[i] - (t > 0 ? field.Frame(t - 1)[i] : 0);
                counts[e] = counts.GetValueOrDefault(e) + 1;
            }
        }

        double total = counts.Values.Sum();
        return counts.Values.Sum(c => -c * Math.Log2(c / total));
    }

    public static VideoFrame Frame(VideoClip video, ushort[][] planes)
    {
        var frame = new VideoFrame(video.Width, video.Height, video.Chroma, video.BitDepth);
        for (int p = 0; p < planes.Length; p++)
        {
            planes[p].CopyTo(frame.Planes[p], 0);
        }

        return frame;
    }
}
