namespace Asmr.Decoder.Tests.Inference;

/// <summary>The test project's own SIN table (spec §11.2), built without the production code.</summary>
internal static class ReferenceSine
{
    public static readonly short[] Table = Build();

    public static short[] Build()
    {
        var t = new short[65536];
        for (int i = 0; i < t.Length; i++)
        {
            double x = 16384.0 * Math.Sin(2.0 * Math.PI * i / 65536.0);
            t[i] = (short)(x >= 0 ? Math.Floor(x + 0.5) : -Math.Floor(-x + 0.5));
        }

        return t;
    }
}
