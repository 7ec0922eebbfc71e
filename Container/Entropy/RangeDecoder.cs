using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Asmr.Container.Entropy;

/// <summary>
/// The binary range decoder of spec §10.5, over exactly one tensor's coded bytes. Integer-only; no allocation per
/// bit. Every violation (non-zero first byte, impossible initial code, reading past the end, unconsumed bytes at
/// the end) throws <see cref="InvalidDataException"/> naming the tensor and the absolute offset.
/// </summary>
internal ref struct RangeDecoder
{
    /// <summary>Bytes read by initialisation.</summary>
    public const int InitBytes = 5;

    private const uint TopValue = 1u << 24;

    private readonly ReadOnlySpan<byte> _data;
    private readonly string _tensorName;
    private readonly long _dataOffset;
    private int _position;
    private uint _range;
    private uint _code;

    /// <param name="data">The tensor's coded bytes (exactly byte_length of them).</param>
    /// <param name="tensorName">How error messages name the tensor, e.g. "Weight[2] (tensor 7)".</param>
    /// <param name="dataOffset">Absolute offset of <paramref name="data"/>[0], for error messages.</param>
    public RangeDecoder(ReadOnlySpan<byte> data, string tensorName, long dataOffset)
    {
        _data = data;
        _tensorName = tensorName;
        _dataOffset = dataOffset;
        _range = uint.MaxValue;
        _code = 0;
        _position = 0;
        if (data.Length < InitBytes)
        {
            ThrowPastEnd();
        }

        if (data[0] != 0)
        {
            throw new InvalidDataException(
                $"Tensor {tensorName}: adaptive data at {FormatErrors.Hex(dataOffset)} starts with 0x{data[0]:X2}; the first byte of a range-coded tensor must be 0.");
        }

        for (int i = 0; i < InitBytes; i++)
        {
            _code = (_code << 8) | data[i];
        }

        _position = InitBytes;
        if (_code == uint.MaxValue)
        {
            throw new InvalidDataException(
                $"Tensor {tensorName}: adaptive data at {FormatErrors.Hex(dataOffset)} has an initial code of 0xFFFFFFFF, which no encoder produces (code must be below range).");
        }
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Decodes one bit with an adaptive context and updates the context.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeBit(ref AdaptiveBitContext context)
    {
        uint bound = (_range >> AdaptiveBitContext.ProbabilityBits) * context.P0;
        int bit;
        if (_code < bound)
        {
            _range = bound;
            bit = 0;
        }
        else
        {
            _code -= bound;
            _range -= bound;
            bit = 1;
        }

        context.Update(bit);
        if (_range < TopValue)
        {
            Normalize();
        }

        return bit;
    }

    /// <summary>Decodes one bit of probability 1/2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeBypassBit()
    {
        _range >>= 1;
        int bit = 0;
        if (_code >= _range)
        {
            _code -= _range;
            bit = 1;
        }

        if (_range < TopValue)
        {
            Normalize();
        }

        return bit;
    }

    /// <summary>
    /// Decodes a symbol of a static cumulative-frequency table (draft spec §10.6): v = code div (range >> 15) names
    /// the symbol whose interval holds it. A v at or past the total is no encoder's output: the data is rejected.
    /// </summary>
    public int DecodeSymbol(ReadOnlySpan<ushort> cumulative)
    {
        uint r = _range >> LaplaceTables.ProbabilityBits;
        uint v = _code / r;
        int last = cumulative.Length - 1;
        if (v >= cumulative[last])
        {
            ThrowInvalid("a symbol lies past the end of its frequency table");
        }

        int low = 0, high = last - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >> 1;
            if (cumulative[middle] <= v)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        _code -= r * cumulative[low];
        _range = r * (uint)(cumulative[low + 1] - cumulative[low]);
        if (_range < TopValue)
        {
            Normalize();
        }

        return low;
    }

    /// <summary>Decodes <paramref name="count"/> (0..32) bypass bits, most significant first.</summary>
    public uint DecodeBypassBits(int count)
    {
        uint value = 0;
        for (int i = 0; i < count; i++)
        {
            value = (value << 1) | (uint)DecodeBypassBit();
        }

        return value;
    }

    /// <summary>Checks that every byte has been consumed (spec §10.5: the data MUST be consumed exactly).</summary>
    public readonly void Finish()
    {
        if (_position != _data.Length)
        {
            throw new InvalidDataException(
                $"Tensor {_tensorName}: adaptive data has {_data.Length - _position} unused byte(s) at {FormatErrors.Hex(_dataOffset + _position)} after the last value (byte_length = {_data.Length}).");
        }
    }

    /// <summary>Throws the error for invalid decoded content, naming the tensor and the current offset.</summary>
    [DoesNotReturn]
    public readonly void ThrowInvalid(string problem) =>
        throw new InvalidDataException($"Tensor {_tensorName}: {problem} (adaptive data, near {FormatErrors.Hex(_dataOffset + _position)}).");

    private void Normalize()
    {
        do
        {
            if (_position >= _data.Length)
            {
                ThrowPastEnd();
            }

            _range <<= 8;
            _code = (_code << 8) | _data[_position++];
        }
        while (_range < TopValue);
    }

    [DoesNotReturn]
    private readonly void ThrowPastEnd() =>
        throw new InvalidDataException(
            $"Tensor {_tensorName}: adaptive data ends early at {FormatErrors.Hex(_dataOffset + _data.Length)} (byte_length = {_data.Length}); the decoder needs more bytes.");
}
