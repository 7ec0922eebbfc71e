using System.Buffers.Binary;
using System.IO.Hashing;

namespace Asmr.Container;

/// <summary>
/// The file header (FORMAT.md §5): magic, format_version, min_reader_version, header_length, flags, then any bytes
/// a later version adds, then the header CRC. Checked in the order of §8.2: magic, header_length, CRC, versions.
/// </summary>
internal static class FileHeaderCodec
{
    private const int FormatVersionAt = 8;
    private const int MinReaderVersionAt = 10;
    private const int HeaderLengthAt = 12;
    private const int FlagsAt = 16;
    private const int CrcAt = 20;

    /// <summary>
    /// The 24-byte header this implementation writes: format_version = min_reader_version = <paramref name="version"/>
    /// (1, or 2 when a model needs it, FORMAT.md §9).
    /// </summary>
    public static byte[] Encode(int version = 1, bool part = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, FormatConstants.FormatVersion);
        byte[] h = new byte[FormatConstants.FileHeaderLength];
        (part ? FormatConstants.PartMagic : FormatConstants.Magic).CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(FormatVersionAt), (ushort)version);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(MinReaderVersionAt), (ushort)version);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(HeaderLengthAt), FormatConstants.FileHeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(FlagsAt), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(CrcAt), Crc32.HashToUInt32(h.AsSpan(0, CrcAt)));
        return h;
    }

    /// <summary>
    /// Reads and checks the file header at offset 0. Throws <see cref="InvalidDataException"/> for damage and
    /// <see cref="NotSupportedException"/> when the file needs a newer reader.
    /// </summary>
    /// <param name="source">The file.</param>
    /// <param name="part">Whether a part file (FORMAT.md §13) is expected instead of a whole file.</param>
    public static AsmrFileHeader Read(ContainerSource source, bool part = false)
    {
        long length = source.Length;
        Span<byte> prefix = stackalloc byte[FormatConstants.FileHeaderPrefixLength];
        int magicBytes = (int)Math.Min(length, FormatConstants.MagicLength);
        source.ReadExactly(0, prefix[..magicBytes]);
        ReadOnlySpan<byte> magic = part ? FormatConstants.PartMagic : FormatConstants.Magic;
        ReadOnlySpan<byte> other = part ? FormatConstants.Magic : FormatConstants.PartMagic;
        if (magicBytes == FormatConstants.MagicLength && prefix[..magicBytes].SequenceEqual(other))
        {
            throw part
                ? FormatErrors.Corrupt("this is a whole .asmr video, not a part file made by asmrc encode --shard")
                : new PartFileException();
        }

        if (!prefix[..magicBytes].SequenceEqual(magic[..magicBytes]))
        {
            throw FormatErrors.Corrupt(
                $"not an .asmr file: bytes at offset 0x0 are {Convert.ToHexString(prefix[..magicBytes])}, the magic is {Convert.ToHexString(FormatConstants.Magic)}");
        }

        if (length < FormatConstants.FileHeaderLength)
        {
            throw FormatErrors.Corrupt(
                $"truncated file header: the file is {length} bytes, a file header is at least {FormatConstants.FileHeaderLength}");
        }

        source.ReadExactly(0, prefix);
        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(prefix[HeaderLengthAt..]);
        if (headerLength < FormatConstants.FileHeaderLength || headerLength > ContainerLimits.MaxHeaderLength)
        {
            throw FormatErrors.Corrupt(
                $"header_length {headerLength} at offset {FormatErrors.Hex(HeaderLengthAt)} is outside {FormatConstants.FileHeaderLength}..{ContainerLimits.MaxHeaderLength}");
        }

        if (headerLength > length)
        {
            throw FormatErrors.Corrupt(
                $"truncated file header: header_length {headerLength} at offset {FormatErrors.Hex(HeaderLengthAt)} exceeds the {length}-byte file");
        }

        byte[] header = source.ReadBytes(0, (int)headerLength);
        int crcAt = (int)headerLength - FormatConstants.CrcLength;
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(crcAt));
        uint computed = Crc32.HashToUInt32(header.AsSpan(0, crcAt));
        if (stored != computed)
        {
            throw FormatErrors.Corrupt(
                $"file header CRC mismatch: stored {FormatErrors.Hex32(stored)} at offset {FormatErrors.Hex(crcAt)}, computed {FormatErrors.Hex32(computed)}");
        }

        int formatVersion = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(FormatVersionAt));
        int minReaderVersion = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(MinReaderVersionAt));
        if (formatVersion == 0)
        {
            throw FormatErrors.Corrupt($"format_version 0 at offset {FormatErrors.Hex(FormatVersionAt)} is invalid; versions start at 1");
        }

        if (minReaderVersion == 0 || minReaderVersion > formatVersion)
        {
            throw FormatErrors.Corrupt(
                $"min_reader_version {minReaderVersion} at offset {FormatErrors.Hex(MinReaderVersionAt)} is outside 1..{formatVersion} (the format_version)");
        }

        if (minReaderVersion > FormatConstants.ReaderVersion)
        {
            throw new NotSupportedException(
                $"this file needs reader version {minReaderVersion}; this asmrc reads up to version {FormatConstants.ReaderVersion} (format_version {formatVersion})");
        }

        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(FlagsAt));
        return new AsmrFileHeader(formatVersion, minReaderVersion, (int)headerLength, flags);
    }
}
