namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// The decoder of spec §10.5, written from the text alone: range, code, 32 count-based contexts, bypass bits,
/// normalisation, and the binarization of a value. Independent of Asmr.Container's coder.
/// </summary>
internal sealed class SpecRangeDecoder
{
    private readonly byte[] _data;
    private readonly int[] _n0 = new int[32];
    private readonly int[] _n1 = new int[32];
    private int _position;
    private uint _range = 0xFFFFFFFF;
    private uint _code;

    public SpecRangeDecoder(byte[] data)
    {
        _data = data;
        if (data.Length < 5 || data[0] != 0)
        {
            throw new InvalidDataException("range coder: byte_length < 5 or first byte not 0");
        }

        for (int i = 0; i < 5; i++)
        {
            _code = (_code << 8) | data[_position++];
        }

        if (_code == 0xFFFFFFFF)
        {
            throw new InvalidDataException("range coder: code = 0xFFFFFFFF");
        }
    }

    public static int[] DecodeAll(byte[] data, int count)
    {
        var decoder = new SpecRangeDecoder(data);
        int[] values = new int[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = decoder.DecodeValue();
        }

        if (decoder._position != data.Length)
        {
            throw new InvalidDataException("range coder: bytes left over");
        }

        return values;
    }

    /// <summary>Checks §10.5 End: every byte of the data has been read.</summary>
    public void Finish()
    {
        if (_position != _data.Length)
        {
            throw new InvalidDataException("range coder: bytes left over");
        }
    }

    /// <summary>
    /// §10.6: decodes a symbol of the cumulative frequencies c (33 values, c[32] = 2^15): r = range >> 15,
    /// v = code div r (v ≥ 2^15 is invalid), the i with c[i] ≤ v &lt; c[i + 1].
    /// </summary>
    public int DecodeSymbol(int[] c)
    {
        uint r = _range >> 15;
        uint v = _code / r;
        if (v >= 1u << 15)
        {
            throw new InvalidDataException("range coder: symbol value v ≥ 2^15");
        }

        int i = 0;
        while (!(c[i] <= v && v < c[i + 1]))
        {
            i++;
        }

        _code -= r * (uint)c[i];
        _range = r * (uint)(c[i + 1] - c[i]);
        Normalise();
        return i;
    }

    /// <summary>§10.5: a bypass bit.</summary>
    public int BypassBit() => Bypass();

    private uint P0(int c)
    {
        long n0 = _n0[c], n1 = _n1[c];
        long p = ((2 * n0) + 1 << 12) / ((2 * (n0 + n1)) + 2);
        return (uint)Math.Clamp(p, 1, 4095);
    }

    private int Bit(int c)
    {
        uint bound = (_range >> 12) * P0(c);
        int bit;
        if (_code < bound)
        {
            bit = 0;
            _range = bound;
        }
        else
        {
            bit = 1;
            _code -= bound;
            _range -= bound;
        }

        if (bit == 0)
        {
            _n0[c]++;
        }
        else
        {
            _n1[c]++;
        }

        if (_n0[c] + _n1[c] == 1024)
        {
            _n0[c] = (_n0[c] + 1) >> 1;
            _n1[c] = (_n1[c] + 1) >> 1;
        }

        Normalise();
        return bit;
    }

    private int Bypass()
    {
        _range >>= 1;
        int bit = 0;
        if (_code >= _range)
        {
            bit = 1;
            _code -= _range;
        }

        Normalise();
        return bit;
    }

    private void Normalise()
    {
        while (_range < (1u << 24))
        {
            if (_position >= _data.Length)
            {
                throw new InvalidDataException("range coder: needs a byte beyond byte_length");
            }

            _range <<= 8;
            _code = (_code << 8) | _data[_position++];
        }
    }

    private int DecodeValue()
    {
        if (Bit(0) == 0)
        {
            return 0;
        }

        int s = Bit(1);
        long a = 0;
        for (int i = 0; i <= 13; i++)
        {
            if (Bit(2 + i) == 0)
            {
                a = i + 1;
                break;
            }
        }

        if (a == 0)
        {
            int n = 0;
            for (int i = 0; ; i++)
            {
                if (Bit(16 + Math.Min(i, 15)) == 0)
                {
                    break;
                }

                n++;
                if (n == 31)
                {
                    throw new InvalidDataException("range coder: 31st one in the escape prefix");
                }
            }

            long v = 0;
            for (int i = 0; i < n; i++)
            {
                v = (v << 1) | (long)Bypass();
            }

            long r = (1L << n) - 1 + v;
            a = r + 15;
            if (a > int.MaxValue)
            {
                throw new InvalidDataException("range coder: magnitude above 2^31 − 1");
            }
        }

        return s == 1 ? (int)-a : (int)a;
    }
}
