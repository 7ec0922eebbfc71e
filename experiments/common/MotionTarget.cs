using Asmr.Codec.Training;
using Asmr.Decoder.Video;

namespace Asmr.Experiments;

/// <summary>
/// Experiment (not in the format): fit the network to the source moved back along its block motion, then warp what
/// the decoder produces forward again. If out(t, p) = F_t(p + d) is what the viewer sees, the network's frame should
/// be F_t(q) = S_t(q − d) (exact inside a block, approximate across block edges): a video aligned to the reference,
/// which changes little over time, fitted with the default training (same step, same cost). The warp then runs on the
/// real decoder's integer frames, so the file's quality can be measured with the vectors' bytes added.
/// </summary>
internal static class MotionTarget
{
    /// <summary>The source moved back along the vectors: sample (t, q) reads S_t at q − d(t, b(q)), bilinear, rounded.</summary>
    public static VideoClip Align(VideoClip video, BlockMotion motion) =>
        new([.. video.Frames.Select((f, t) => Frame(video, Shift(video, t, f.Planes, motion, -1)))]);

    /// <summary>Decoded frames warped forward: sample (t, p) reads D_t at p + d(t, b(p)), bilinear, rounded.</summary>
    public static List<ushort[][]> Warp(VideoClip video, IReadOnlyList<ushort[][]> decoded, BlockMotion motion) =>
        [.. decoded.Select((planes, t) => Shift(video, t, planes, motion, +1))];

    private static ushort[][] Shift(VideoClip video, int t, ushort[][] planes, BlockMotion motion, int sign)
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
                    var d = motion.At(t, Math.Min(y * sy, video.Height - 1), Math.Min(x * sx, video.Width - 1));
                    double v = BlockMotion.Sample(source, pw, ph, y + (sign * d.Y / sy), x + (sign * d.X / sx));
                    plane[(y * pw) + x] = (ushort)Math.Clamp((int)Math.Round(v), 0, max);
                }
            }

            result[p] = plane;
        }

        return result;
    }

    private static VideoFrame Frame(VideoClip video, ushort[][] planes)
    {
        var frame = new VideoFrame(video.Width, video.Height, video.Chroma, video.BitDepth);
        for (int p = 0; p < planes.Length; p++)
        {
            planes[p].CopyTo(frame.Planes[p], 0);
        }

        return frame;
    }
}
