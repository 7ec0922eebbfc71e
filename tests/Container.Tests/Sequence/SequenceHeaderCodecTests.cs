using CsCheck;

namespace Asmr.Container.Tests;

public class SequenceHeaderCodecTests
{
    [Fact]
    public void Encode_Bt709Header_ProducesTheDocumentedByteLayout()
    {
        var header = new SequenceHeader
        {
            Width = 0x0102,
            Height = 0x0304,
            FrameCount = 0x050607,
            FrameRate = new Rational(30000, 1001),
            ChromaFormat = ChromaFormat.Yuv422,
            BitDepth = 12,
            Color = new ColorDescription { Primaries = 9, Transfer = 18, Matrix = 10, FullRange = true, ChromaSamplePosition = 3 },
        };

        byte[] expected = RawFileBuilder.SequencePayload(
            0x0102, 0x0304, 0x050607, 30000, 1001, chroma: 2, bitDepth: 12, primaries: 9, transfer: 18, matrix: 10, fullRange: 1, chromaPosition: 3);
        Assert.Equal(expected, SequenceHeaderCodec.Encode(header));
    }

    [Theory]
    [InlineData(1, 1, ChromaFormat.Yuv420)]
    [InlineData(2, 2, ChromaFormat.Yuv420)]
    [InlineData(17, 9, ChromaFormat.Yuv422)]
    [InlineData(16384, 16384, ChromaFormat.Yuv444)]
    [InlineData(65535, 65535, ChromaFormat.Mono400)]
    [InlineData(1, 65535, ChromaFormat.Yuv420)]
    public void Decode_OfEncode_ReturnsTheSameHeader(int width, int height, ChromaFormat chroma)
    {
        SequenceHeader header = Samples.Sequence(width, height, 7) with { ChromaFormat = chroma };

        SequenceHeader decoded = SequenceHeaderCodec.Decode(SequenceHeaderCodec.Encode(header), 0);

        Assert.Equal(header, decoded);
    }

    [Fact]
    public void Decode_OfEncode_RoundTripsRandomValidHeaders()
    {
        Gen<SequenceHeader> gen =
            from size in Gen.Select(Gen.Int[1, 65535], Gen.Int[1, 65535], Gen.Int[1, 1 << 24])
            from rate in Gen.Select(Gen.Int[1, int.MaxValue], Gen.Int[1, int.MaxValue])
            from format in Gen.Select(Gen.Int[0, 3], Gen.Int[8, 16])
            from color in Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Bool, Gen.Int[0, 3])
            select new SequenceHeader
            {
                Width = size.Item1,
                Height = size.Item2,
                FrameCount = size.Item3,
                FrameRate = new Rational(rate.Item1, rate.Item2),
                ChromaFormat = (ChromaFormat)format.Item1,
                BitDepth = format.Item2,
                Color = new ColorDescription
                {
                    Primaries = color.Item1,
                    Transfer = color.Item2,
                    Matrix = color.Item3 == 0 && format.Item1 is 1 or 2 ? (byte)1 : color.Item3,
                    FullRange = color.Item4,
                    ChromaSamplePosition = (byte)color.Item5,
                },
            };

        gen.Sample(header => Assert.Equal(header, SequenceHeaderCodec.Decode(SequenceHeaderCodec.Encode(header), 0)), iter: 2000);
    }

    [Fact]
    public void Decode_PayloadLongerThanVersion1_IgnoresTheExtraBytes()
    {
        byte[] payload = [.. RawFileBuilder.SequencePayload(3, 5, 7), 0xEE, 0xEE, 0xEE, 0xEE];

        SequenceHeader header = SequenceHeaderCodec.Decode(payload, 0);

        Assert.Equal((3, 5, 7), (header.Width, header.Height, header.FrameCount));
    }

    [Fact]
    public void Decode_NonZeroReservedByte_IsIgnored()
    {
        byte[] payload = RawFileBuilder.SequencePayload(3, 5, 7);
        payload[27] = 0xFF;

        Assert.Equal(3, SequenceHeaderCodec.Decode(payload, 0).Width);
    }

    [Fact]
    public void Decode_PayloadShorterThan28Bytes_ThrowsInvalidData()
    {
        byte[] payload = RawFileBuilder.SequencePayload(3, 5, 7)[..27];

        var e = Assert.Throws<InvalidDataException>(() => SequenceHeaderCodec.Decode(payload, 0x40));
        Assert.Contains("offset 0x40", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0u, "width 0")]
    [InlineData(0, 65536u, "width 65536")]
    [InlineData(4, 0u, "height 0")]
    [InlineData(4, 65536u, "height 65536")]
    [InlineData(8, 0u, "frame_count 0")]
    [InlineData(8, (1u << 24) + 1, "frame_count 16777217")]
    [InlineData(12, 0u, "frame_rate_numerator 0")]
    [InlineData(12, 0x80000000u, "frame_rate_numerator 2147483648")]
    [InlineData(16, 0u, "frame_rate_denominator 0")]
    [InlineData(16, 0xFFFFFFFFu, "frame_rate_denominator 4294967295")]
    public void Decode_U32FieldOutOfRange_ThrowsNamingFieldAndOffset(int fieldOffset, uint value, string expected)
    {
        byte[] payload = FileBytes.WithUInt32(RawFileBuilder.SequencePayload(16, 16, 10), fieldOffset, value);

        var e = Assert.Throws<InvalidDataException>(() => SequenceHeaderCodec.Decode(payload, 0x100));

        Assert.StartsWith("SEQH: " + expected + " at offset 0x" + (0x100 + fieldOffset).ToString("X"), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, 4, "chroma_format 4")]
    [InlineData(21, 7, "bit_depth 7")]
    [InlineData(21, 17, "bit_depth 17")]
    [InlineData(24, 0, "matrix_coefficients 0")]
    [InlineData(25, 2, "full_range 2")]
    [InlineData(26, 4, "chroma_sample_position 4")]
    public void Decode_U8FieldForbiddenValue_ThrowsNamingFieldAndOffset(int fieldOffset, byte value, string expected)
    {
        byte[] payload = FileBytes.WithByte(RawFileBuilder.SequencePayload(16, 16, 10, chroma: 1), fieldOffset, value);

        var e = Assert.Throws<InvalidDataException>(() => SequenceHeaderCodec.Decode(payload, 0x20));

        Assert.StartsWith("SEQH: " + expected + " at offset 0x" + (0x20 + fieldOffset).ToString("X"), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Decode_IdentityMatrixWithoutSubsampling_IsAccepted(byte chroma)
    {
        byte[] payload = RawFileBuilder.SequencePayload(16, 16, 10, chroma: chroma, matrix: 0);

        Assert.Equal(0, SequenceHeaderCodec.Decode(payload, 0).Color.Matrix);
    }

    [Fact]
    public void Decode_ReservedH273CodePoints_AreAccepted()
    {
        byte[] payload = RawFileBuilder.SequencePayload(16, 16, 10, primaries: 255, transfer: 3, matrix: 200);

        ColorDescription color = SequenceHeaderCodec.Decode(payload, 0).Color;

        Assert.Equal((255, 3, 200), (color.Primaries, color.Transfer, color.Matrix));
    }

    public static TheoryData<SequenceHeader, string> InvalidHeaders()
    {
        SequenceHeader ok = Samples.Sequence(16, 16, 10);
        return new TheoryData<SequenceHeader, string>
        {
            { ok with { Width = 0 }, "width 0" },
            { ok with { Width = 65536 }, "width 65536" },
            { ok with { Height = -1 }, "height -1" },
            { ok with { FrameCount = 0 }, "frame_count 0" },
            { ok with { FrameCount = (1 << 24) + 1 }, "frame_count 16777217" },
            { ok with { FrameRate = new Rational(0, 1) }, "frame_rate_numerator 0" },
            { ok with { FrameRate = new Rational(25, -1) }, "frame_rate_denominator -1" },
            { ok with { ChromaFormat = (ChromaFormat)9 }, "chroma_format 9" },
            { ok with { BitDepth = 7 }, "bit_depth 7" },
            { ok with { BitDepth = 17 }, "bit_depth 17" },
            { ok with { Color = ok.Color with { Matrix = 0 } }, "matrix_coefficients 0" },
            { ok with { Color = ok.Color with { ChromaSamplePosition = 4 } }, "chroma_sample_position 4" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidHeaders))]
    public void Encode_OutOfRangeHeader_ThrowsArgumentExceptionNamingTheField(SequenceHeader header, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => SequenceHeaderCodec.Encode(header));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
