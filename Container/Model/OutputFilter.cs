namespace Asmr.Container.Model;

/// <summary>
/// A segment's output filter (model_version 6, spec §10.9, §11.9): for each plane, one coefficient per tap of a diamond
/// |dy| + |dx| ≤ R and an offset, in units of 2^−<see cref="FractionBits"/>, applied to every frame as shown. The
/// encoder fits it by least squares to what the decoder outputs, so it removes part of the error the network leaves.
/// </summary>
internal sealed class OutputFilter
{
    /// <summary>Smallest and largest diamond radius R (5 to 25 taps).</summary>
    public const int MinRadius = 1, MaxRadius = 3;

    /// <summary>Coefficients and offsets are integers in units of 2^−12.</summary>
    public const int FractionBits = 12;

    /// <summary>A tap coefficient lies strictly inside ±2^15 (§10.9): a sum of up to 10-bit samples then fits i32.</summary>
    public const int TapLimit = 1 << 15;

    /// <summary>An offset lies strictly inside ±2^24 (§10.9).</summary>
    public const int OffsetLimit = 1 << 24;

    private readonly int[] _values;

    /// <param name="radius">R, <see cref="MinRadius"/>..<see cref="MaxRadius"/>.</param>
    /// <param name="planes">O, the output channels (1 or 3).</param>
    /// <param name="values">
    /// Plane by plane, the <see cref="TapCount"/>(R) tap coefficients in the order of <see cref="Taps"/>, then the
    /// offset: the record's rows.
    /// </param>
    public OutputFilter(int radius, int planes, int[] values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(radius, MinRadius);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radius, MaxRadius);
        ArgumentNullException.ThrowIfNull(values);
        if (planes is not (1 or 3))
        {
            throw new ArgumentException($"An output filter has 1 or 3 planes, not {planes}.", nameof(planes));
        }

        if (values.Length != planes * (TapCount(radius) + 1))
        {
            throw new ArgumentException($"A radius-{radius} filter of {planes} planes has {planes * (TapCount(radius) + 1)} values, not {values.Length}.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (Limit(radius, i) is int limit && (values[i] <= -limit || values[i] >= limit))
            {
                throw new ArgumentException($"Value {i} of the output filter is {values[i]}; taps lie strictly inside ±2^15 and offsets inside ±2^24.", nameof(values));
            }
        }

        Radius = radius;
        Planes = planes;
        _values = (int[])values.Clone();
    }

    public int Radius { get; }

    public int Planes { get; }

    /// <summary>Plane <paramref name="plane"/>'s tap coefficients, then its offset.</summary>
    public ReadOnlySpan<int> Plane(int plane) => _values.AsSpan(plane * (TapCount(Radius) + 1), TapCount(Radius) + 1);

    /// <summary>The record's values (§10.9): plane by plane, the taps, then the offset.</summary>
    public int[] Values() => (int[])_values.Clone();

    /// <summary>The bound of value <paramref name="index"/> of a radius-R filter's record: <see cref="OffsetLimit"/> for a plane's last value, else <see cref="TapLimit"/>.</summary>
    public static int Limit(int radius, int index) => index % (TapCount(radius) + 1) == TapCount(radius) ? OffsetLimit : TapLimit;

    /// <summary>Taps of a radius-R diamond: 2R(R + 1) + 1.</summary>
    public static int TapCount(int radius) => (2 * radius * (radius + 1)) + 1;

    /// <summary>The diamond's taps (dy, dx) in their stored order: dy from −R to R, and within a row dx from left to right.</summary>
    public static (int Dy, int Dx)[] Taps(int radius)
    {
        var taps = new List<(int, int)>();
        for (int dy = -radius; dy <= radius; dy++)
        {
            int reach = radius - Math.Abs(dy);
            for (int dx = -reach; dx <= reach; dx++)
            {
                taps.Add((dy, dx));
            }
        }

        return [.. taps];
    }
}
