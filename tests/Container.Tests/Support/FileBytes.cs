using System.Buffers.Binary;
using System.IO.Hashing;

namespace Asmr.Container.Tests;

/// <summary>Edits of file bytes for corruption tests.</summary>
internal static class FileBytes
{
    /// <summary>A copy with a u32 overwritten.</summary>
    public static byte[] WithUInt32(byte[] file, long offset, uint value)
    {
        byte[] copy = (byte[])file.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan((int)offset), value);
        return copy;
    }

    /// <summary>A copy with a u16 overwritten.</summary>
    public static byte[] WithUInt16(byte[] file, long offset, ushort value)
    {
        byte[] copy = (byte[])file.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan((int)offset), value);
        return copy;
    }

    /// <summary>A copy with a u64 overwritten.</summary>
    public static byte[] WithUInt64(byte[] file, long offset, ulong value)
    {
        byte[] copy = (byte[])file.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan((int)offset), value);
        return copy;
    }

    /// <summary>A copy with one byte overwritten.</summary>
    public static byte[] WithByte(byte[] file, long offset, byte value)
    {
        byte[] copy = (byte[])file.Clone();
        copy[offset] = value;
        return copy;
    }

    /// <summary>Recomputes, in place, the CRC of the section at <paramref name="sectionOffset"/> from its stored_length.</summary>
    public static byte[] FixSectionCrc(byte[] file, long sectionOffset)
    {
        int at = (int)sectionOffset;
        int head = (BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(at + 4)) & 1) != 0 ? 16 : 12;
        int stored = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8));
        int crcAt = at + head + stored;
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(crcAt), Crc32.HashToUInt32(file.AsSpan(at, crcAt - at)));
        return file;
    }

    /// <summary>Recomputes, in place, the file header CRC from header_length.</summary>
    public static byte[] FixHeaderCrc(byte[] file)
    {
        int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(length - 4), Crc32.HashToUInt32(file.AsSpan(0, length - 4)));
        return file;
    }
}
