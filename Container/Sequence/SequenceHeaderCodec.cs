using System.Buffers.Binary;

namespace Asmr.Container;

/// <summary>The SEQH payload (FORMAT.md §7.1): 28 bytes in version 1; readers ignore bytes after them.</summary>
internal static class SequenceHeaderCodec
{
    /// <summary>Length of the version 1 payload.</summary>
    public const int PayloadLength = 28;

    private const int WidthAt = 0;
    private const int HeightAt = 4;
    private const int FrameCountAt = 8;
    private const int RateNumeratorAt = 12;
    private const int RateDenominatorAt = 16;
    private const int ChromaFormatAt = 20;
    private const int BitDepthAt = 21;
    private const int PrimariesAt = 22;
    private const int TransferAt = 23;
    private const int MatrixAt = 24;
    private const int FullRangeAt = 25;
    private const int ChromaSamplePositionAt = 26;
    private const int ReservedAt = 27;

    /// <summary>Serializes a header after checking it; throws <see cref="ArgumentException"/> if it is out of range.</summary>
    public static byte[] Encode(SequenceHeader header)
    {
        Validate(header);
        byte[] p = new byte[PayloadLength];
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(WidthAt), (uint)header.Width);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(HeightAt), (uint)header.Height);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(FrameCountAt), (uint)header.FrameCount);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(RateNumeratorAt), (uint)header.FrameRate.Numerator);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(RateDenominatorAt), (uint)header.FrameRate.Denominator);
        p[ChromaFormatAt] = (byte)header.ChromaFormat;
        p[BitDepthAt] = (byte)header.BitDepth;
        p[PrimariesAt] = header.Color.Primaries;
        p[TransferAt] = header.Color.Transfer;
        p[MatrixAt] = header.Color.Matrix;
        p[FullRangeAt] = header.Color.FullRange ? (byte)1 : (byte)0;
        p[ChromaSamplePositionAt] = header.Color.ChromaSamplePosition;
        p[ReservedAt] = 0;
        return p;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first property that is out of range.</summary>
    public static void Validate(SequenceHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(header.Color, nameof(header) + ".Color");
        (string Field, int At, long Value, string Rule)? problem = Check(
            header.Width,
            header.Height,
            header.FrameCount,
            header.FrameRate.Numerator,
            header.FrameRate.Denominator,
            (int)header.ChromaFormat,
            header.BitDepth,
            header.Color.Matrix,
            header.Color.ChromaSamplePosition,
            0);
        if (problem is { } p)
        {
            throw new ArgumentException($"Sequence header {p.Field} {p.Value} {p.Rule}.", nameof(header));
        }
    }

    /// <summary>
    /// Parses and checks a SEQH payload whose first byte is at file offset <paramref name="payloadOffset"/>;
    /// throws <see cref="InvalidDataException"/> naming the field and its offset.
    /// </summary>
    public static SequenceHeader Decode(ReadOnlySpan<byte> payload, long payloadOffset)
    {
        if (payload.Length < PayloadLength)
        {
            throw FormatErrors.Corrupt(
                $"SEQH: payload at offset {FormatErrors.Hex(payloadOffset)} is {payload.Length} bytes; it must be at least {PayloadLength}");
        }

        uint width = BinaryPrimitives.ReadUInt32LittleEndian(payload[WidthAt..]);
        uint height = BinaryPrimitives.ReadUInt32LittleEndian(payload[HeightAt..]);
        uint frames = BinaryPrimitives.ReadUInt32LittleEndian(payload[FrameCountAt..]);
        uint numerator = BinaryPrimitives.ReadUInt32LittleEndian(payload[RateNumeratorAt..]);
        uint denominator = BinaryPrimitives.ReadUInt32LittleEndian(payload[RateDenominatorAt..]);
        (string Field, int At, long Value, string Rule)? problem = Check(
            width,
            height,
            frames,
            numerator,
            denominator,
            payload[ChromaFormatAt],
            payload[BitDepthAt],
            payload[MatrixAt],
            payload[ChromaSamplePositionAt],
            payload[FullRangeAt]);
        if (problem is { } p)
        {
            throw FormatErrors.Corrupt($"SEQH: {p.Field} {p.Value} at offset {FormatErrors.Hex(payloadOffset + p.At)} {p.Rule}");
        }

        return new SequenceHeader
        {
            Width = (int)width,
            Height = (int)height,
            FrameCount = (int)frames,
            FrameRate = new Rational((int)numerator, (int)denominator),
            ChromaFormat = (ChromaFormat)payload[ChromaFormatAt],
            BitDepth = payload[BitDepthAt],
            Color = new ColorDescription
            {
                Primaries = payload[PrimariesAt],
                Transfer = payload[TransferAt],
                Matrix = payload[MatrixAt],
                FullRange = payload[FullRangeAt] == 1,
                ChromaSamplePosition = payload[ChromaSamplePositionAt],
            },
        };
    }

    private static (string Field, int At, long Value, string Rule)? Check(
        long width,
        long height,
        long frameCount,
        long rateNumerator,
        long rateDenominator,
        int chromaFormat,
        int bitDepth,
        int matrix,
        int chromaSamplePosition,
        int fullRange)
    {
        if (width is < 1 or > ContainerLimits.MaxDimension)
        {
            return ("width", WidthAt, width, $"is outside 1..{ContainerLimits.MaxDimension}");
        }

        if (height is < 1 or > ContainerLimits.MaxDimension)
        {
            return ("height", HeightAt, height, $"is outside 1..{ContainerLimits.MaxDimension}");
        }

        if (frameCount is < 1 or > ContainerLimits.MaxFrameCount)
        {
            return ("frame_count", FrameCountAt, frameCount, $"is outside 1..{ContainerLimits.MaxFrameCount}");
        }

        if (rateNumerator is < 1 or > int.MaxValue)
        {
            return ("frame_rate_numerator", RateNumeratorAt, rateNumerator, $"is outside 1..{int.MaxValue}");
        }

        if (rateDenominator is < 1 or > int.MaxValue)
        {
            return ("frame_rate_denominator", RateDenominatorAt, rateDenominator, $"is outside 1..{int.MaxValue}");
        }

        if (chromaFormat is < 0 or > 3)
        {
            return ("chroma_format", ChromaFormatAt, chromaFormat, "is not 0 (4:0:0), 1 (4:2:0), 2 (4:2:2) or 3 (4:4:4)");
        }

        if (bitDepth is < ContainerLimits.MinBitDepth or > ContainerLimits.MaxBitDepth)
        {
            return ("bit_depth", BitDepthAt, bitDepth, $"is outside {ContainerLimits.MinBitDepth}..{ContainerLimits.MaxBitDepth}");
        }

        if (matrix == 0 && chromaFormat is 1 or 2)
        {
            return ("matrix_coefficients", MatrixAt, matrix, $"(identity, GBR) is forbidden with chroma_format {chromaFormat} (subsampled chroma)");
        }

        if (fullRange is not (0 or 1))
        {
            return ("full_range", FullRangeAt, fullRange, "is not 0 or 1");
        }

        if (chromaSamplePosition is < 0 or > 3)
        {
            return ("chroma_sample_position", ChromaSamplePositionAt, chromaSamplePosition, "is outside 0..3");
        }

        return null;
    }
}
