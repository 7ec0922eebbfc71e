using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Tests;

/// <summary>Small deterministic synthetic videos (smooth moving gradients plus texture).</summary>
internal static class TestVideos
{
    public static VideoClip Smooth(int frames, int width, int height, ChromaFormat chroma = ChromaFormat.Yuv420)
    {
        var list = new List<VideoFrame>();
        for (int t = 0; t < frames; t++)
        {
            var frame = new VideoFrame(width, height, chroma, 8);
            for (int p = 0; p < frame.PlaneCount; p++)
            {
                int pw = frame.PlaneWidth(p), ph = frame.PlaneHeight(p);
                for (int y = 0; y < ph; y++)
                {
                    for (int x = 0; x < pw; x++)
                    {
                        double v = 128 + (60 * Math.Sin((0.3 * x) + (0.2 * t) + p)) + (40 * Math.Cos(0.25 * y * (p + 1)));
                        frame.Planes[p][(y * pw) + x] = (ushort)Math.Clamp(Math.Round(v), 0, 255);
                    }
                }
            }

            list.Add(frame);
        }

        return new VideoClip(list);
    }
}
