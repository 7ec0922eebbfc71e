using System.Buffers.Binary;
using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Media.IO;

/// <summary>
/// Planar raw frames as Y4M payloads and ffmpeg's <c>rawvideo</c> use them: planes one after the other, rows without padding,
/// one byte per sample at 8 bits, two little-endian bytes per sample above 8 bits.
/// </summary>
internal static class RawFrameCodec
{
    /// <summary>Bytes in one raw frame.</summary>
    public static long FrameBytes(int width, int height, ChromaFormat format, int bitDepth) =>
        format.SamplesPerFrame(width, height) * (bitDepth > 8 ? 2 : 1);

    /// <summary>Bytes in one raw frame of the header's format.</summary>
    public static long FrameBytes(SequenceHeader header) => FrameBytes(header.Width, header.Height, header.ChromaFormat, header.BitDepth);

    /// <summary>Copies raw bytes into the frame's planes.</summary>
    /// <returns>The index of the first sample above 2^D − 1, or −1 when every sample is in range.</returns>
    public static long Unpack(ReadOnlySpan<byte> source, VideoFrame frame)
    {
        long offset = 0;
        long bad = -1;
        int max = frame.MaxValue;
        for (int p = 0; p < frame.PlaneCount; p++)
        {
            ushort[] plane = frame.Planes[p];
            if (frame.BitDepth == 8)
            {
                ReadOnlySpan<byte> src = source.Slice((int)offset, plane.Length);
                for (int i = 0; i < plane.Length; i++)
                {
                    plane[i] = src[i];
                }

                offset += plane.Length;
            }
            else
            {
                ReadOnlySpan<byte> src = source.Slice((int)offset, plane.Length * 2);
                for (int i = 0; i < plane.Length; i++)
                {
                    ushort v = BinaryPrimitives.ReadUInt16LittleEndian(src.Slice(2 * i, 2));
                    plane[i] = v;
                    if (v > max && bad < 0)
                    {
                        bad = offset / 2 + i;
                    }
                }

                offset += plane.Length * 2L;
            }
        }

        return bad;
    }

    /// <summary>Writes the frame's planes as raw bytes.</summary>
    /// <exception cref="ArgumentException">A sample is above 2^D − 1.</exception>
    public static void Pack(VideoFrame frame, Span<byte> destination)
    {
        long offset = 0;
        int max = frame.MaxValue;
        for (int p = 0; p < frame.PlaneCount; p++)
        {
            ushort[] plane = frame.Planes[p];
            int step = frame.BitDepth == 8 ? 1 : 2;
            Span<byte> dst = destination.Slice((int)offset, plane.Length * step);
            for (int i = 0; i < plane.Length; i++)
            {
                ushort v = plane[i];
                if (v > max)
                {
                    throw new ArgumentException($"Plane {p} sample {i} is {v}, above the {frame.BitDepth}-bit maximum {max}.", nameof(frame));
                }

                if (step == 1)
                {
                    dst[i] = (byte)v;
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(dst.Slice(2 * i, 2), v);
                }
            }

            offset += dst.Length;
        }
    }

    /// <summary>Checks that a frame has the header's geometry and bit depth.</summary>
    /// <exception cref="ArgumentException">It does not.</exception>
    public static void CheckMatches(VideoFrame frame, SequenceHeader header, string paramName)
    {
        ArgumentNullException.ThrowIfNull(frame, paramName);
        if (frame.Width != header.Width || frame.Height != header.Height || frame.Chroma != header.ChromaFormat || frame.BitDepth != header.BitDepth)
        {
            throw new ArgumentException(
                $"The frame is {frame.Width}x{frame.Height} {frame.Chroma} {frame.BitDepth}-bit; the stream is {header.Width}x{header.Height} {header.ChromaFormat} {header.BitDepth}-bit.",
                paramName);
        }
    }
}
