using System.Runtime.CompilerServices;

namespace Asmr.Container.Entropy;

/// <summary>
/// The binary range encoder of spec §10.5 (informative part), in the style of LZMA's: a 33-bit <c>low</c> held in a
/// u64, a u32 <c>range</c>, and a cached byte plus a count of pending 0xFF bytes for carry propagation.
/// <see cref="Finish"/> flushes with five shift-lows; the first output byte is then always 0.
/// </summary>
internal sealed class RangeEncoder
{
    private const uint TopValue = 1u << 24;

    private byte[] _buffer;
    private int _length;
    private ulong _low;
    private uint _range = uint.MaxValue;
    private byte _cache;
    private long _cacheSize = 1;
    private bool _finished;

    public RangeEncoder(int initialCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        _buffer = new byte[Math.Max(initialCapacity, 16)];
    }

    /// <summary>Bytes output so far (the final count is known after <see cref="Finish"/>).</summary>
    public int Length => _length;

    /// <summary>Codes one bit with an adaptive context and updates the context.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EncodeBit(ref AdaptiveBitContext context, int bit)
    {
        ThrowIfFinished();
        uint bound = (_range >> AdaptiveBitContext.ProbabilityBits) * context.P0;
        if (bit == 0)
        {
            _range = bound;
        }
        else
        {
            _low += bound;
            _range -= bound;
        }

        context.Update(bit);
        while (_range < TopValue)
        {
            _range <<= 8;
            ShiftLow();
        }
    }

    /// <summary>Codes one bit with probability 1/2 (no context).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EncodeBypassBit(int bit)
    {
        ThrowIfFinished();
        _range >>= 1;
        if (bit != 0)
        {
            _low += _range;
        }

        while (_range < TopValue)
        {
            _range <<= 8;
            ShiftLow();
        }
    }

    /// <summary>
    /// Codes symbol <paramref name="symbol"/> of a static table of cumulative frequencies in units of
    /// 2^−<see cref="LaplaceTables.ProbabilityBits"/> (draft spec §10.6): r = range >> 15, low += r·c[i], range = r·(c[i+1] − c[i]).
    /// </summary>
    public void EncodeSymbol(ReadOnlySpan<ushort> cumulative, int symbol)
    {
        ThrowIfFinished();
        uint r = _range >> LaplaceTables.ProbabilityBits;
        _low += (ulong)r * cumulative[symbol];
        _range = r * (uint)(cumulative[symbol + 1] - cumulative[symbol]);
        while (_range < TopValue)
        {
            _range <<= 8;
            ShiftLow();
        }
    }

    /// <summary>Codes the low <paramref name="count"/> bits of <paramref name="value"/> as bypass bits, most significant first.</summary>
    public void EncodeBypassBits(uint value, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 32);
        for (int i = count - 1; i >= 0; i--)
        {
            EncodeBypassBit((int)((value >> i) & 1));
        }
    }

    /// <summary>Flushes the coder (five shift-lows) and returns the coded bytes. The encoder cannot be used afterwards.</summary>
    public byte[] Finish()
    {
        ThrowIfFinished();
        for (int i = 0; i < 5; i++)
        {
            ShiftLow();
        }

        _finished = true;
        return _buffer.AsSpan(0, _length).ToArray();
    }

    private void ShiftLow()
    {
        if ((uint)_low < 0xFF000000u || (_low >> 32) != 0)
        {
            byte carry = (byte)(_low >> 32);
            byte temp = _cache;
            do
            {
                WriteByte((byte)(temp + carry));
                temp = 0xFF;
            }
            while (--_cacheSize != 0);

            _cache = (byte)(_low >> 24);
        }

        _cacheSize++;
        _low = (_low & 0x00FFFFFFu) << 8;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The range encoder has already been finished.");
        }
    }

    private void WriteByte(byte value)
    {
        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        }

        _buffer[_length++] = value;
    }
}
