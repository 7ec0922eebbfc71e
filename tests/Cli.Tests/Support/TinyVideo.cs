using System.Text;

namespace Asmr.Cli.Tests.Support;

/// <summary>Tiny synthetic y4m clips for the shard, merge and resume tests: seconds to encode, deterministic.</summary>
internal static class TinyVideo
{
    /// <summary>A 4:2:0 8-bit y4m whose pictures depend on <paramref name="variant"/>.</summary>
    public static byte[] Y4m(int width, int height, int frames, int variant)
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F25:1 Ip A1:1 C420jpeg\n"));
        int cw = (width + 1) / 2, ch = (height + 1) / 2;
        for (int f = 0; f < frames; f++)
        {
            stream.Write(Encoding.ASCII.GetBytes("FRAME\n"));
            for (int i = 0; i < width * height; i++)
            {
                stream.WriteByte((byte)(40 + ((((i % width) * (3 + variant)) + ((i / width) * 5) + (f * 9)) % 160)));
            }

            for (int i = 0; i < 2 * cw * ch; i++)
            {
                stream.WriteByte((byte)(100 + ((i + f) % 50)));
            }
        }

        return stream.ToArray();
    }
}
