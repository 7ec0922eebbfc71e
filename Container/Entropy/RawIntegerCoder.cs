using System.Runtime.CompilerServices;

namespace Asmr.Container.Entropy;

/// <summary>
/// Raw coding of a tensor's integers (spec §10.4, coding = 0): each value zig-zag mapped to a u32 and written as
/// minimal unsigned LEB128 (1..5 bytes). Decoding is strict: overlong encodings, values above 2^32 − 1, reading
/// past the end and unconsumed bytes are all rejected.
/// </summary>
internal static class RawIntegerCoder
{
    /// <summary>Longest encoding of one value.</summary>
    public const int MaxBytesPerValue = 5;

    /// <summary>Zig-zag map: 0, −1, 1, −2, … → 0, 1, 2, 3, ….</summary>
    public static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    /// <summary>Inverse of <see cref="ZigZag"/>.</summary>
    public static int UnZigZag(uint z) => (int)(z >> 1) ^ -(int)(z & 1);

    /// <summary>Bytes <see cref="Encode"/> produces for the values.</summary>
    public static long EncodedLength(ReadOnlySpan<int> values)
    {
        long length = 0;
        foreach (int value in values)
        {
            uint z = ZigZag(value);
            length += z < 1u << 7 ? 1 : z < 1u << 14 ? 2 : z < 1u << 21 ? 3 : z < 1u << 28 ? 4 : 5;
        }

        return length;
    }

    public static byte[] Encode(ReadOnlySpan<int> values)
    {
        byte[] output = new byte[checked((int)EncodedLength(values))];
        int position = 0;
        foreach (int value in values)
        {
            uint z = ZigZag(value);
            while (z >= 0x80)
            {
                output[position++] = (byte)(z | 0x80);
                z >>= 7;
            }

            output[position++] = (byte)z;
        }

        return output;
    }

    /// <summary>Decodes exactly <paramref name="count"/> values that must use up all of <paramref name="data"/>.</summary>
    /// <param name="tensorName">How error messages name the tensor.</param>
    /// <param name="dataOffset">Absolute offset of <paramref name="data"/>[0], for error messages.</param>
    public static int[] Decode(ReadOnlySpan<byte> data, int count, string tensorName, long dataOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > data.Length)
        {
            throw new InvalidDataException(
                $"Tensor {tensorName}: {count} raw values need at least {count} bytes, but byte_length is {data.Length} (data at {FormatErrors.Hex(dataOffset)}).");
        }

        int[] values = new int[count];
        Decode(data, values, tensorName, dataOffset);
        return values;
    }

    /// <summary>Decodes <paramref name="destination"/>.Length values that must use up all of <paramref name="data"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(ReadOnlySpan<byte> data, Span<int> destination, string tensorName, long dataOffset)
    {
        int position = 0;
        for (int i = 0; i < destination.Length; i++)
        {
            int start = position;
            uint z = 0;
            int shift = 0;
            while (true)
            {
                if (position >= data.Length)
                {
                    throw new InvalidDataException(
                        $"Tensor {tensorName}: raw data ends inside value {i} at {FormatErrors.Hex(dataOffset + data.Length)} (byte_length = {data.Length}).");
                }

                byte b = data[position++];
                if (shift == 28 && b > 0x0F)
                {
                    throw new InvalidDataException(
                        $"Tensor {tensorName}: raw value {i} at {FormatErrors.Hex(dataOffset + start)} does not fit in 32 bits (fifth LEB128 byte 0x{b:X2} > 0x0F).");
                }

                z |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    if (b == 0 && shift != 0)
                    {
                        throw new InvalidDataException(
                            $"Tensor {tensorName}: raw value {i} at {FormatErrors.Hex(dataOffset + start)} is overlong (its last LEB128 byte is 0).");
                    }

                    break;
                }

                shift += 7;
            }

            destination[i] = UnZigZag(z);
        }

        if (position != data.Length)
        {
            throw new InvalidDataException(
                $"Tensor {tensorName}: raw data has {data.Length - position} unused byte(s) at {FormatErrors.Hex(dataOffset + position)} after the last value (byte_length = {data.Length}).");
        }
    }
}
