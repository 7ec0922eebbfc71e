namespace Asmr.Container.Tests.Entropy;

/// <summary>Deterministic discrete Laplacian samples: round(X) for X ~ Laplace(0, scale), from a seeded generator.</summary>
internal static class LaplacianSamples
{
    public static int[] Generate(int count, double scale, int seed)
    {
        var random = new Random(seed);
        int[] values = new int[count];
        for (int i = 0; i < count; i++)
        {
            double u = random.NextDouble() - 0.5;
            double x = -scale * Math.Sign(u) * Math.Log(1 - (2 * Math.Abs(u)));
            values[i] = (int)Math.Clamp(Math.Round(x), -int.MaxValue, int.MaxValue);
        }

        return values;
    }
}
