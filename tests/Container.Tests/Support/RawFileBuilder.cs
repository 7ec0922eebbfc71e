using System.Buffers.Binary;
using System.IO.Hashing;
using K4os.Compression.LZ4;

namespace Asmr.Container.Tests;

/// <summary>
/// Builds .asmr bytes by hand, independently of the production writer, so tests can make files the writer never
/// would: unknown sections, future headers, odd orders. SEGI offsets are filled in from the MODL sections added.
/// </summary>
internal sealed class RawFileBuilder
{
    private readonly List<(byte[] Bytes, (uint First, uint Count)[]? Segments, bool IsModel)> _items = [];

    public ushort FormatVersion { get; init; } = 1;

    public ushort MinReaderVersion { get; init; } = 1;

    public uint HeaderFlags { get; init; }

    public byte[] HeaderExtension { get; init; } = [];

    /// <summary>One section with the given stored payload, flags and (for LZ4) uncompressed length.</summary>
    public static byte[] Section(string tag, ReadOnlySpan<byte> storedPayload, ushort flags = 0, uint? uncompressedLength = null, ushort reserved = 0)
    {
        int head = (flags & 1) != 0 ? 16 : 12;
        byte[] s = new byte[head + storedPayload.Length + 4];
        for (int i = 0; i < 4; i++)
        {
            s[i] = (byte)tag[i];
        }

        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(4), flags);
        BinaryPrimitives.WriteUInt16LittleEndian(s.AsSpan(6), reserved);
        BinaryPrimitives.WriteUInt32LittleEndian(s.AsSpan(8), (uint)storedPayload.Length);
        if (head == 16)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s.AsSpan(12), uncompressedLength ?? 0);
        }

        storedPayload.CopyTo(s.AsSpan(head));
        BinaryPrimitives.WriteUInt32LittleEndian(s.AsSpan(s.Length - 4), Crc32.HashToUInt32(s.AsSpan(0, s.Length - 4)));
        return s;
    }

    /// <summary>An LZ4-compressed section (flag bit 0) holding <paramref name="payload"/>.</summary>
    public static byte[] CompressedSection(string tag, ReadOnlySpan<byte> payload)
    {
        byte[] block = new byte[LZ4Codec.MaximumOutputSize(payload.Length)];
        int n = LZ4Codec.Encode(payload, block, LZ4Level.L09_HC);
        return Section(tag, block.AsSpan(0, n), flags: 1, uncompressedLength: (uint)payload.Length);
    }

    /// <summary>A file header with the builder's versions, flags and extension bytes.</summary>
    public byte[] FileHeader()
    {
        byte[] h = new byte[24 + HeaderExtension.Length];
        byte[] magic = [0x8A, 0x41, 0x53, 0x4D, 0x52, 0x0D, 0x0A, 0x1A];
        magic.CopyTo(h, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(10), MinReaderVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(12), (uint)h.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(16), HeaderFlags);
        HeaderExtension.CopyTo(h, 20);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(h.Length - 4), Crc32.HashToUInt32(h.AsSpan(0, h.Length - 4)));
        return h;
    }

    /// <summary>A SEQH payload built field by field (FORMAT.md §7.1).</summary>
    public static byte[] SequencePayload(
        uint width, uint height, uint frames, uint rateNumerator = 25, uint rateDenominator = 1,
        byte chroma = 1, byte bitDepth = 8, byte primaries = 1, byte transfer = 1, byte matrix = 1,
        byte fullRange = 0, byte chromaPosition = 1)
    {
        byte[] p = new byte[28];
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(0), width);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4), height);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(8), frames);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(12), rateNumerator);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(16), rateDenominator);
        p[20] = chroma;
        p[21] = bitDepth;
        p[22] = primaries;
        p[23] = transfer;
        p[24] = matrix;
        p[25] = fullRange;
        p[26] = chromaPosition;
        return p;
    }

    /// <summary>Adds a ready-made section.</summary>
    public RawFileBuilder Add(byte[] section)
    {
        _items.Add((section, null, false));
        return this;
    }

    /// <summary>Adds a SEQH section.</summary>
    public RawFileBuilder Sequence(uint width, uint height, uint frames) => Add(Section("SEQH", SequencePayload(width, height, frames)));

    /// <summary>Adds a SEGI section for these (first_frame, frame_count) pairs; its offsets point at the MODL sections added, in order.</summary>
    public RawFileBuilder SegmentIndex(params (uint First, uint Count)[] segments)
    {
        _items.Add(([], segments, false));
        return this;
    }

    /// <summary>Adds a MODL section: segment_index then the model bytes.</summary>
    public RawFileBuilder Model(uint segmentIndex, ReadOnlySpan<byte> model, bool compressed = false)
    {
        byte[] payload = new byte[4 + model.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, segmentIndex);
        model.CopyTo(payload.AsSpan(4));
        _items.Add((compressed ? CompressedSection("MODL", payload) : Section("MODL", payload), null, true));
        return this;
    }

    /// <summary>The file.</summary>
    public byte[] Build()
    {
        byte[] header = FileHeader();
        long position = header.Length;
        var modelPositions = new List<(long Offset, long Length)>();
        foreach (var item in _items)
        {
            long length = item.Segments is { } s ? 12 + 4 + (24 * s.Length) + 4 : item.Bytes.Length;
            if (item.IsModel)
            {
                modelPositions.Add((position, length));
            }

            position += length;
        }

        var file = new List<byte>(header);
        foreach (var item in _items)
        {
            if (item.Segments is { } segments)
            {
                byte[] payload = new byte[4 + (24 * segments.Length)];
                BinaryPrimitives.WriteUInt32LittleEndian(payload, (uint)segments.Length);
                for (int i = 0; i < segments.Length; i++)
                {
                    Span<byte> e = payload.AsSpan(4 + (24 * i));
                    (long offset, long length) = i < modelPositions.Count ? modelPositions[i] : (0, 0);
                    BinaryPrimitives.WriteUInt32LittleEndian(e, segments[i].First);
                    BinaryPrimitives.WriteUInt32LittleEndian(e[4..], segments[i].Count);
                    BinaryPrimitives.WriteUInt64LittleEndian(e[8..], (ulong)offset);
                    BinaryPrimitives.WriteUInt64LittleEndian(e[16..], (ulong)length);
                }

                file.AddRange(Section("SEGI", payload));
            }
            else
            {
                file.AddRange(item.Bytes);
            }
        }

        return [.. file];
    }
}
