using System.Buffers.Binary;
using System.IO.Hashing;
using K4os.Compression.LZ4;

namespace Asmr.Container;

/// <summary>
/// One section ready to be written: its framing, its payload (borrowed, not copied, unless compressed) and its CRC,
/// so the writer knows every section's length before it writes the first byte.
/// </summary>
internal sealed class EncodedSection
{
    private readonly byte[] _head;
    private readonly ReadOnlyMemory<byte>[] _payload;
    private readonly byte[] _crc;

    private EncodedSection(SectionTag tag, byte[] head, ReadOnlyMemory<byte>[] payload)
    {
        Tag = tag;
        _head = head;
        _payload = payload;
        var crc = new Crc32();
        crc.Append(head);
        long length = head.Length + FormatConstants.CrcLength;
        foreach (ReadOnlyMemory<byte> part in payload)
        {
            crc.Append(part.Span);
            length += part.Length;
        }

        _crc = new byte[FormatConstants.CrcLength];
        BinaryPrimitives.WriteUInt32LittleEndian(_crc, crc.GetCurrentHashAsUInt32());
        Length = length;
    }

    public SectionTag Tag { get; }

    /// <summary>Bytes of the whole section, tag through CRC.</summary>
    public long Length { get; }

    /// <summary>True when the payload is stored as an LZ4 block.</summary>
    public bool IsCompressed => _head.Length == FormatConstants.CompressedSectionHeaderLength;

    /// <summary>
    /// Frames a payload given as consecutive parts. With a <paramref name="compression"/> level the payload is
    /// stored as an LZ4 block when that makes it smaller, otherwise as is.
    /// </summary>
    public static EncodedSection Create(SectionTag tag, ReadOnlyMemory<byte>[] parts, LZ4Level? compression)
    {
        long total = 0;
        foreach (ReadOnlyMemory<byte> part in parts)
        {
            total += part.Length;
        }

        if (total > ContainerLimits.MaxSectionPayloadLength)
        {
            throw new ArgumentException(
                $"A {tag} payload of {total} bytes exceeds the section limit of {ContainerLimits.MaxSectionPayloadLength} bytes.",
                nameof(parts));
        }

        if (compression is { } level && total > 0)
        {
            byte[] joined = Join(parts, (int)total);
            if (Lz4Block.TryEncode(joined, level, out byte[] block))
            {
                byte[] compressedHead = Head(tag, SectionFlags.Lz4, (uint)block.Length, (uint)joined.Length);
                return new EncodedSection(tag, compressedHead, [block]);
            }
        }

        return new EncodedSection(tag, Head(tag, SectionFlags.None, (uint)total, null), parts);
    }

    public void WriteTo(OutputSink sink)
    {
        sink.Write(_head);
        foreach (ReadOnlyMemory<byte> part in _payload)
        {
            sink.Write(part.Span);
        }

        sink.Write(_crc);
    }

    private static byte[] Head(SectionTag tag, SectionFlags flags, uint storedLength, uint? uncompressedLength)
    {
        byte[] head = new byte[uncompressedLength is null ? FormatConstants.SectionHeaderLength : FormatConstants.CompressedSectionHeaderLength];
        tag.WriteTo(head);
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(4), (ushort)flags);
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(6), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(8), storedLength);
        if (uncompressedLength is { } u)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(12), u);
        }

        return head;
    }

    private static byte[] Join(ReadOnlyMemory<byte>[] parts, int total)
    {
        byte[] joined = new byte[total];
        int at = 0;
        foreach (ReadOnlyMemory<byte> part in parts)
        {
            part.Span.CopyTo(joined.AsSpan(at));
            at += part.Length;
        }

        return joined;
    }
}
