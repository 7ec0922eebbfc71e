using CsCheck;

namespace Asmr.Container.Tests;

/// <summary>Damaged input of every kind ends in <see cref="InvalidDataException"/> or <see cref="NotSupportedException"/>, nothing else.</summary>
public class AsmrReaderCorruptionTests
{
    public static TheoryData<string> SampleNames() => ["rich", "appendix"];

    private static byte[] Sample(string name) => name switch
    {
        "rich" => Samples.RichBytes(),
        _ => Samples.ToBytes(Samples.AppendixExample()),
    };

    /// <summary>Runs every read path over the bytes: open, directory, metadata, each model, full read, verify.</summary>
    private static void ReadEverything(byte[] bytes)
    {
        using (AsmrReader reader = Samples.Open(bytes))
        {
            reader.GetSummary();
            for (int k = 0; k < reader.Segments.Count; k++)
            {
                reader.ReadSegmentModel(k);
            }

            reader.Verify();
        }

        Samples.Read(bytes);
    }

    private static Exception? Failure(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (InvalidDataException e)
        {
            return e;
        }
        catch (NotSupportedException e)
        {
            return e;
        }
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Read_EveryTruncation_IsRejectedWithInvalidData(string sample)
    {
        byte[] bytes = Sample(sample);

        for (int length = 0; length < bytes.Length; length++)
        {
            byte[] truncated = bytes[..length];
            var e = Record.Exception(() => Samples.Read(truncated));
            Assert.True(e is InvalidDataException, $"length {length}: {e?.GetType().Name ?? "no exception"}");
        }
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Open_EveryTruncation_IsRejectedWithoutReadingTheModels(string sample)
    {
        byte[] bytes = Sample(sample);

        for (int length = 0; length < bytes.Length; length++)
        {
            byte[] truncated = bytes[..length];
            var e = Record.Exception(() => Samples.Open(truncated).Dispose());
            Assert.True(e is InvalidDataException, $"length {length}: {e?.GetType().Name ?? "no exception"}");
        }
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Read_EverySingleBitFlip_IsDetected(string sample)
    {
        byte[] bytes = Sample(sample);
        Samples.Read(bytes); // the intact file reads

        for (int bit = 0; bit < bytes.Length * 8; bit++)
        {
            byte[] flipped = (byte[])bytes.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var e = Record.Exception(() => Samples.Read(flipped));
            Assert.True(
                e is InvalidDataException or NotSupportedException,
                $"bit {bit % 8} of byte 0x{bit / 8:X}: {e?.GetType().Name ?? "no exception"} {e?.Message}");
        }
    }

    [Fact]
    public void Verify_EverySingleBitFlip_IsDetected()
    {
        byte[] bytes = Samples.RichBytes();

        for (int bit = 0; bit < bytes.Length * 8; bit++)
        {
            byte[] flipped = (byte[])bytes.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Exception? e = Failure(() =>
            {
                using AsmrReader reader = Samples.Open(flipped);
                reader.Verify();
            });
            Assert.True(e is not null, $"bit {bit % 8} of byte 0x{bit / 8:X} went unnoticed");
        }
    }

    [Fact]
    public void ReadEverything_RandomEdits_ThrowOnlyDocumentedExceptions()
    {
        byte[] original = Samples.RichBytes();
        Gen<(int Kind, int Position, int Length, byte[] Bytes)> edits =
            Gen.Select(Gen.Int[0, 3], Gen.Int[0, original.Length - 1], Gen.Int[1, 16], Gen.Byte.Array[1, 16]);

        edits.Sample(
            edit =>
            {
                byte[] bytes = Edit(original, edit.Kind, edit.Position, edit.Length, edit.Bytes);
                Failure(() => ReadEverything(bytes));
            },
            iter: 20_000);
    }

    [Fact]
    public void ReadEverything_RandomBytesAfterAValidMagic_ThrowOnlyDocumentedExceptions()
    {
        byte[] magic = Samples.RichBytes()[..8];
        Gen.Byte.Array[0, 300].Sample(
            tail =>
            {
                Failure(() => ReadEverything([.. magic, .. tail]));
            },
            iter: 20_000);
    }

    [Fact]
    public void ReadEverything_EditsThatKeepEveryCrcValid_ThrowOnlyDocumentedExceptions()
    {
        // Overwrite a field inside SEQH/SEGI/MODL/meta and recompute that section's CRC, so the payload parsers
        // themselves (not the CRC) must catch the damage.
        byte[] original = Samples.ToBytes(Samples.Rich(), Samples.Plain);
        IReadOnlyList<SectionInfo> sections;
        using (AsmrReader reader = Samples.Open(original))
        {
            sections = reader.ReadSectionDirectory();
        }

        Gen<(int Section, int Position, byte[] Bytes)> edits =
            Gen.Select(Gen.Int[0, sections.Count - 1], Gen.Int[0, 10_000], Gen.Byte.Array[1, 8]);
        edits.Sample(
            edit =>
            {
                SectionInfo section = sections[edit.Section];
                long start = section.Offset + 12 + (section.IsCompressed ? 4 : 0);
                int at = (int)(start + (edit.Position % Math.Max(1, section.StoredLength)));
                byte[] bytes = (byte[])original.Clone();
                for (int i = 0; i < edit.Bytes.Length && at + i < section.Offset + section.Length - 4; i++)
                {
                    bytes[at + i] = edit.Bytes[i];
                }

                FileBytes.FixSectionCrc(bytes, section.Offset);
                Failure(() => ReadEverything(bytes));
            },
            iter: 20_000);
    }

    [Fact]
    public void Read_MetaWithGarbageLz4Block_IsRejected()
    {
        byte[] bytes = new RawFileBuilder()
            .Sequence(4, 4, 1)
            .SegmentIndex((0, 1))
            .Add(RawFileBuilder.Section("meta", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], flags: 1, uncompressedLength: 50))
            .Model(0, [1])
            .Build();

        var e = Assert.Throws<InvalidDataException>(() => Samples.Read(bytes));

        Assert.Contains("meta: the LZ4 payload", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(100)]
    public void ReadSegmentModel_Lz4BlockOfAnotherSizeThanDeclared_IsRejected(int delta)
    {
        byte[] model = Samples.Repetitive(2000);
        byte[] bytes = new RawFileBuilder().Sequence(4, 4, 1).SegmentIndex((0, 1)).Model(0, model, compressed: true).Build();
        int modelAt = 24 + 44 + 44;
        bytes = FileBytes.FixSectionCrc(FileBytes.WithUInt32(bytes, modelAt + 12, (uint)(4 + model.Length + delta)), modelAt);
        using AsmrReader reader = Samples.Open(bytes);

        var e = Assert.Throws<InvalidDataException>(() => reader.ReadSegmentModel(0));

        Assert.Contains("MODL: the LZ4 payload", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Edit(byte[] original, int kind, int position, int length, byte[] bytes)
    {
        switch (kind)
        {
            case 0: // overwrite
                byte[] copy = (byte[])original.Clone();
                for (int i = 0; i < bytes.Length && position + i < copy.Length; i++)
                {
                    copy[position + i] = bytes[i];
                }

                return copy;
            case 1: // insert
                return [.. original[..position], .. bytes, .. original[position..]];
            case 2: // delete
                return [.. original[..position], .. original[Math.Min(original.Length, position + length)..]];
            default: // duplicate a run
                int end = Math.Min(original.Length, position + length);
                return [.. original[..end], .. original[position..end], .. original[end..]];
        }
    }
}
