using Asmr.Codec.Training;
using Asmr.Container;

namespace Asmr.Codec.Tests;

/// <summary>Small deterministic synthetic videos (smooth moving gradients plus texture).</summary>
internal static class TestVideos
{
    public static PlanarVideo Smooth(int frames, int width, int height, ChromaFormat chroma = ChromaFormat.Yuv420)
    {
        var list = new List<ushort[][]>();
        var probe = new PlanarVideo(width, height, chroma, 8, list);
        for (int t = 0; t < frames; t++)
        {
            var planes = new ushort[probe.PlaneCount][];
            for (int p = 0; p < planes.Length; p++)
            {
                int pw = probe.PlaneWidth(p), ph = probe.PlaneHeight(p);
                planes[p] = new ushort[pw * ph];
                for (int y = 0; y < ph; y++)
                {
                    for (int x = 0; x < pw; x++)
                    {
                        double v = 128 + (60 * Math.Sin((0.3 * x) + (0.2 * t) + p)) + (40 * Math.Cos(0.25 * y * (p + 1)));
                        planes[p][(y * pw) + x] = (ushort)Math.Clamp(Math.Round(v), 0, 255);
                    }
                }
            }

            list.Add(planes);
        }

        return probe;
    }
}
