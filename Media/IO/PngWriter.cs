using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using Asmr.Container;
using Asmr.Media.Color;
using Asmr.Decoder.Video;

namespace Asmr.Media.IO;

/// <summary>
/// Writes one frame as a PNG: truecolour RGB (colour type 2), 8 bits per channel for 8-bit frames and 16 bits for deeper ones,
/// converted with <see cref="YuvToRgb"/> (chroma by replication). No ancillary chunks, one IDAT stream (split into chunks of
/// at most 1 MiB), every row with filter type 1 (Sub), zlib at the default level.
/// </summary>
public static class PngWriter
{
    private const int MaxIdatChunk = 1 << 20;

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG bit depth used for a frame bit depth: 8 for 8, else 16.</summary>
    /// <param name="frameBitDepth">The frame's D.</param>
    public static int PngBitDepth(int frameBitDepth) => frameBitDepth == 8 ? 8 : 16;

    /// <summary>Encodes a frame as PNG into a stream.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="frame">The frame.</param>
    /// <param name="color">The frame's matrix and range.</param>
    public static void Write(Stream stream, VideoFrame frame, ColorDescription color)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(color);
        int depth = PngBitDepth(frame.BitDepth);
        var converter = new YuvToRgb(color, frame.BitDepth, frame.Height, depth);
        Write(stream, frame, converter);
    }

    /// <summary>Encodes a frame as PNG into a file, atomically (temporary file, then rename).</summary>
    /// <param name="path">The destination.</param>
    /// <param name="frame">The frame.</param>
    /// <param name="color">The frame's matrix and range.</param>
    public static void WriteFile(string path, VideoFrame frame, ColorDescription color)
    {
        using AtomicFileWriter file = AtomicFileWriter.Create(path, overwrite: true);
        Write(file.Stream, frame, color);
        file.Commit();
    }

    /// <summary>Encodes with a prepared converter (its output depth must be 8 or 16).</summary>
    internal static void Write(Stream stream, VideoFrame frame, YuvToRgb converter)
    {
        int depth = converter.OutputBitDepth;
        if (depth is not (8 or 16))
        {
            throw new ArgumentException($"PNG needs 8- or 16-bit RGB; the converter writes {depth}-bit.", nameof(converter));
        }

        int bytesPerPixel = depth == 8 ? 3 : 6;
        int rowBytes = frame.Width * bytesPerPixel;
        stream.Write(Signature);

        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, frame.Width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], frame.Height);
        ihdr[8] = (byte)depth;
        ihdr[9] = 2; // truecolour
        ihdr[10] = 0; // deflate
        ihdr[11] = 0; // adaptive filtering
        ihdr[12] = 0; // no interlace
        WriteChunk(stream, "IHDR"u8, ihdr);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var rgb = new ushort[frame.Width * 3];
            var raw = new byte[rowBytes];
            var filtered = new byte[rowBytes + 1];
            filtered[0] = 1; // Sub
            for (int y = 0; y < frame.Height; y++)
            {
                converter.ConvertRow(frame, y, rgb);
                if (depth == 8)
                {
                    for (int i = 0; i < rgb.Length; i++)
                    {
                        raw[i] = (byte)rgb[i];
                    }
                }
                else
                {
                    for (int i = 0; i < rgb.Length; i++)
                    {
                        BinaryPrimitives.WriteUInt16BigEndian(raw.AsSpan(2 * i, 2), rgb[i]);
                    }
                }

                for (int i = 0; i < rowBytes; i++)
                {
                    filtered[i + 1] = (byte)(raw[i] - (i >= bytesPerPixel ? raw[i - bytesPerPixel] : 0));
                }

                zlib.Write(filtered);
            }
        }

        ReadOnlySpan<byte> data = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        do
        {
            int n = Math.Min(data.Length, MaxIdatChunk);
            WriteChunk(stream, "IDAT"u8, data[..n]);
            data = data[n..];
        }
        while (!data.IsEmpty);

        WriteChunk(stream, "IEND"u8, []);
    }

    /// <summary>Length, type, data, CRC-32 of type and data.</summary>
    private static void WriteChunk(Stream stream, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        stream.Write(type);
        stream.Write(data);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        stream.Write(word);
    }
}
