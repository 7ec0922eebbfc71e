using System.Buffers.Binary;
using System.IO.Hashing;
using Asmr.Container;

namespace Asmr.Conformance.Generator;

/// <summary>Helpers that damage a valid file in one precise way, keeping every other check intact.</summary>
internal static class ByteSurgery
{
    /// <summary>The sections of a file, in file order.</summary>
    public static IReadOnlyList<SectionInfo> Sections(byte[] file)
    {
        using var reader = AsmrReader.Open(new MemoryStream(file, writable: false));
        return reader.ReadSectionDirectory();
    }

    /// <summary>The first section with <paramref name="tag"/>.</summary>
    public static SectionInfo Section(byte[] file, string tag) =>
        Sections(file).First(s => s.Tag == tag);

    /// <summary>Recomputes a section's CRC after its bytes were changed on purpose.</summary>
    public static void FixSectionCrc(byte[] file, SectionInfo section)
    {
        int start = (int)section.Offset;
        int crcAt = start + (int)section.Length - 4;
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(crcAt), Crc32.HashToUInt32(file.AsSpan(start, crcAt - start)));
    }

    /// <summary>Recomputes the 24-byte file header's CRC.</summary>
    public static void FixHeaderCrc(byte[] file) =>
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(20), Crc32.HashToUInt32(file.AsSpan(0, 20)));
}
