using System.Globalization;
using System.Text;
using Asmr.Container;

namespace Asmr.Codec.Training;

/// <summary>A minimal YUV4MPEG2 reader (8–16 bit, 4:2:0 / 4:2:2 / 4:4:4 / mono) for experiments and tests.</summary>
internal static class Y4mReader
{
    public static PlanarVideo Read(string path, int maxFrames = int.MaxValue)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, maxFrames);
    }

    public static PlanarVideo Read(Stream stream, int maxFrames = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(stream);
        string header = ReadLine(stream) ?? throw new InvalidDataException("Empty Y4M stream.");
        if (!header.StartsWith("YUV4MPEG2", StringComparison.Ordinal))
        {
            throw new InvalidDataException("Not a YUV4MPEG2 stream.");
        }

        int width = 0, height = 0, depth = 8;
        var chroma = ChromaFormat.Yuv420;
        foreach (string token in header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            switch (token[0])
            {
                case 'W':
                    width = int.Parse(token.AsSpan(1), CultureInfo.InvariantCulture);
                    break;
                case 'H':
                    height = int.Parse(token.AsSpan(1), CultureInfo.InvariantCulture);
                    break;
                case 'C':
                    (chroma, depth) = ParseColourspace(token[1..]);
                    break;
                default:
                    break;
            }
        }

        var frames = new List<ushort[][]>();
        var probe = new PlanarVideo(width, height, chroma, depth, frames);
        int bytesPerSample = depth > 8 ? 2 : 1;
        while (frames.Count < maxFrames)
        {
            string? line = ReadLine(stream);
            if (line is null)
            {
                break;
            }

            if (!line.StartsWith("FRAME", StringComparison.Ordinal))
            {
                throw new InvalidDataException("Expected a FRAME marker.");
            }

            var planes = new ushort[probe.PlaneCount][];
            for (int p = 0; p < planes.Length; p++)
            {
                int count = probe.PlaneWidth(p) * probe.PlaneHeight(p);
                var raw = new byte[count * bytesPerSample];
                stream.ReadExactly(raw);
                planes[p] = new ushort[count];
                for (int i = 0; i < count; i++)
                {
                    planes[p][i] = bytesPerSample == 1 ? raw[i] : (ushort)(raw[2 * i] | (raw[(2 * i) + 1] << 8));
                }
            }

            frames.Add(planes);
        }

        return new PlanarVideo(width, height, chroma, depth, frames);
    }

    private static (ChromaFormat Chroma, int Depth) ParseColourspace(string value)
    {
        int depth = 8;
        int p = value.IndexOf('p', StringComparison.Ordinal);
        if (p > 0 && int.TryParse(value.AsSpan(p + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int d))
        {
            depth = d;
        }

        if (value.StartsWith("mono", StringComparison.Ordinal))
        {
            return (ChromaFormat.Mono400, depth);
        }

        if (value.StartsWith("444", StringComparison.Ordinal))
        {
            return (ChromaFormat.Yuv444, depth);
        }

        return value.StartsWith("422", StringComparison.Ordinal) ? (ChromaFormat.Yuv422, depth) : (ChromaFormat.Yuv420, depth);
    }

    private static string? ReadLine(Stream stream)
    {
        var sb = new StringBuilder();
        while (true)
        {
            int b = stream.ReadByte();
            if (b < 0)
            {
                return sb.Length == 0 ? null : sb.ToString();
            }

            if (b == '\n')
            {
                return sb.ToString();
            }

            sb.Append((char)b);
        }
    }
}
