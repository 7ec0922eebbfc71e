using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Asmr.Container.Model;

/// <summary>
/// Bounds-checked little-endian reading of a model payload. Every failure is an <see cref="InvalidDataException"/>
/// that names the field and its absolute offset (<c>baseOffset</c> + position in the payload).
/// </summary>
internal ref struct ModelPayloadCursor
{
    private readonly ReadOnlySpan<byte> _payload;
    private readonly long _baseOffset;
    private int _position;

    /// <param name="payload">The whole model payload.</param>
    /// <param name="baseOffset">Absolute offset of <paramref name="payload"/>[0] in the file (0 for payload-relative messages).</param>
    public ModelPayloadCursor(ReadOnlySpan<byte> payload, long baseOffset)
    {
        _payload = payload;
        _baseOffset = baseOffset;
        _position = 0;
    }

    /// <summary>Position within the payload.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _payload.Length - _position;

    /// <summary>Absolute offset of the current position.</summary>
    public readonly long AbsoluteOffset => _baseOffset + _position;

    /// <summary>Absolute offset of a payload position.</summary>
    public readonly long Absolute(int position) => _baseOffset + position;

    public byte ReadU8(string field) => Take(1, field)[0];

    public ushort ReadU16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, field));

    public uint ReadU32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field));

    /// <summary>
    /// Reads a varint (§10.2): 7 bits a byte, least significant first, the top bit set on every byte but the last; at
    /// most 5 bytes, a value below 2^32, and the shortest form (a last byte of 0 after others is refused).
    /// </summary>
    public uint ReadVarint(string field)
    {
        int start = _position;
        ulong value = 0;
        for (int i = 0; ; i++)
        {
            if (i == ModelPayloadFormat.MaxVarintLength)
            {
                Fail(field, start, $"is a varint longer than {ModelPayloadFormat.MaxVarintLength} bytes");
            }

            byte b = ReadU8(field);
            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (b == 0 && i > 0)
                {
                    Fail(field, start, $"is a varint of {i + 1} bytes whose last byte is 0; a varint has its shortest form");
                }

                break;
            }
        }

        if (value > uint.MaxValue)
        {
            Fail(field, start, $"is {value}; a varint holds at most 2^32 − 1");
        }

        return (uint)value;
    }

    /// <summary>Takes <paramref name="length"/> bytes (already checked against <see cref="Remaining"/> or not).</summary>
    public ReadOnlySpan<byte> Take(int length, string field)
    {
        if (length > Remaining)
        {
            throw new InvalidDataException(
                $"Model payload: truncated at {FormatErrors.Hex(AbsoluteOffset)}: {field} needs {length} byte(s) but only {Remaining} remain.");
        }

        var span = _payload.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>Throws the error for a field whose value is not allowed.</summary>
    /// <param name="fieldPosition">Payload position of the field.</param>
    [DoesNotReturn]
    public readonly void Fail(string field, int fieldPosition, string problem) =>
        throw new InvalidDataException($"Model payload: {field} at {FormatErrors.Hex(Absolute(fieldPosition))}: {problem}.");
}
