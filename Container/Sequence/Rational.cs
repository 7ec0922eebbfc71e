using System.Globalization;

namespace Asmr.Container;

/// <summary>A positive fraction such as a frame rate: 30000/1001 frames per second.</summary>
public readonly record struct Rational(int Numerator, int Denominator)
{
    /// <summary>The value as a double (NaN when the denominator is 0).</summary>
    public double ToDouble() => Denominator == 0 ? double.NaN : (double)Numerator / Denominator;

    /// <summary>"numerator/denominator".</summary>
    public override string ToString() =>
        Numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);
}
