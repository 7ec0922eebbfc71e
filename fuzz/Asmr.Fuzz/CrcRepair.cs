using System.Buffers.Binary;
using System.IO.Hashing;

namespace Asmr.Fuzz;

/// <summary>
/// Rewrites the file-header CRC and every section CRC it can find (walking the framing of FORMAT.md §5–§6), so that
/// AFL's mutations get past the CRC checks and reach the section, model and decoder parsers. Never throws: framing
/// it cannot follow is left as it is, for the reader to reject.
/// </summary>
internal static class CrcRepair
{
    private const int HeaderLengthAt = 12;
    private const int SectionHeaderLength = 12;
    private const int CompressedSectionHeaderLength = 16;
    private const int CrcLength = 4;

    public static void Repair(byte[] file)
    {
        if (file.Length < 24)
        {
            return;
        }

        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(HeaderLengthAt));
        if (headerLength < 24 || headerLength > file.Length)
        {
            return;
        }

        WriteCrc(file, 0, (int)headerLength);
        long position = headerLength;
        while (position + SectionHeaderLength <= file.Length)
        {
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan((int)position + 4));
            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)position + 8));
            int head = (flags & 1) != 0 ? CompressedSectionHeaderLength : SectionHeaderLength;
            long total = head + (long)stored + CrcLength;
            if (position + total > file.Length)
            {
                return;
            }

            WriteCrc(file, (int)position, (int)total);
            position += total;
        }
    }

    private static void WriteCrc(byte[] file, int offset, int length)
    {
        int crcAt = offset + length - CrcLength;
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(crcAt), Crc32.HashToUInt32(file.AsSpan(offset, length - CrcLength)));
    }
}
