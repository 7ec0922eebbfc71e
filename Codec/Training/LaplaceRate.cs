using TorchSharp;
using static TorchSharp.torch;

namespace Asmr.Codec.Training;

/// <summary>The rate term of latents: bits under a discretised Laplace distribution, as the latents' coders see them.</summary>
internal static class LaplaceRate
{
    // Held, not temporaries: see AsmrNetwork's scalar fields.
    private static readonly Scalar Half = 0.5.ToScalar();
    private static readonly Scalar One = 1.0.ToScalar();

    /// <summary>
    /// Σ −log2(F(z + ½) − F(z − ½)) for the Laplace CDF F of <paramref name="mean"/> (0 when null) and
    /// <paramref name="scale"/>, each probability at least <paramref name="minProbability"/>.
    /// </summary>
    public static Tensor Bits(Tensor z, Tensor? mean, Tensor scale, Scalar minProbability) =>
        BitsEach(z, mean, scale, minProbability).sum();

    /// <summary>The bits of each value of <paramref name="z"/> (<see cref="Bits"/> before the sum).</summary>
    public static Tensor BitsEach(Tensor z, Tensor? mean, Tensor scale, Scalar minProbability)
    {
        Tensor Cdf(Tensor x)
        {
            var d = mean is null ? x : x - mean;
            return Half + (Half * d.sign() * (One - (-(d.abs() / scale)).exp()));
        }

        var p = (Cdf(z + Half) - Cdf(z - Half)).clamp_min(minProbability);
        return -p.log2();
    }
}
