namespace Asmr.Container.Tests;

/// <summary>A declared length of 2^31 or 2^32−1 is rejected before anything that large is allocated.</summary>
public class AsmrReaderAllocationTests
{
    private const long AllowedBytes = 1 << 20;
    private const int SeqhAt = 24;
    private const int SegiAt = 24 + 44;
    private const int ModlAt = 24 + 44 + 44;

    public static TheoryData<string, uint> Cases()
    {
        var data = new TheoryData<string, uint>();
        foreach (uint value in new[] { 0x80000000u, 0xFFFFFFFFu })
        {
            foreach (string field in new[] { "header_length", "SEQH stored_length", "SEGI stored_length", "SEGI segment_count", "SEGI model_section_length", "MODL stored_length", "meta stored_length", "meta uncompressed_length" })
            {
                data.Add(field, value);
            }
        }

        return data;
    }

    private static byte[] FileWith(string field, uint value)
    {
        byte[] plain = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1)).Model(0, [1, 2, 3]).Build();
        byte[] withMeta = new RawFileBuilder()
            .Sequence(4, 4, 1).SegmentIndex((0, 1)).Add(RawFileBuilder.CompressedSection("meta", Samples.Repetitive(3000))).Model(0, [1, 2, 3]).Build();
        return field switch
        {
            "header_length" => FileBytes.WithUInt32(plain, 12, value),
            "SEQH stored_length" => FileBytes.WithUInt32(plain, SeqhAt + 8, value),
            "SEGI stored_length" => FileBytes.WithUInt32(plain, SegiAt + 8, value),
            "SEGI segment_count" => FileBytes.FixSectionCrc(FileBytes.WithUInt32(plain, SegiAt + 12, value), SegiAt),
            "SEGI model_section_length" => FileBytes.FixSectionCrc(FileBytes.WithUInt64(plain, SegiAt + 12 + 4 + 16, value), SegiAt),
            "MODL stored_length" => FileBytes.WithUInt32(plain, ModlAt + 8, value),
            "meta stored_length" => FileBytes.WithUInt32(withMeta, ModlAt + 8, value),
            "meta uncompressed_length" => FileBytes.FixSectionCrc(FileBytes.WithUInt32(withMeta, ModlAt + 12, value), ModlAt),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    private static void ReadEverything(byte[] bytes)
    {
        using AsmrReader reader = Samples.Open(bytes);
        reader.ReadSegmentModel(0);
        reader.ReadMetadata();
        reader.Verify();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_HugeDeclaredLength_IsRejectedWithoutAllocatingIt(string field, uint value)
    {
        byte[] bytes = FileWith(field, value);
        Assert.Throws<InvalidDataException>(() => ReadEverything(bytes)); // warm up: JIT and statics

        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InvalidDataException>(() => ReadEverything(bytes));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < AllowedBytes, $"{field} = {value}: allocated {allocated} bytes ({e.Message})");
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }
}
