namespace Asmr.Cli.Tests.Hardening;

/// <summary>
/// One seeded random damage to a file: flipped bits, a truncation, or 16 bytes of junk written over it. The same
/// vector and seed always give the same bytes, so a failure names everything needed to make the file again.
/// </summary>
internal sealed record Corruption(string Vector, int Seed, string Kind, byte[] Bytes)
{
    public const int JunkLength = 16;

    /// <summary>A file name that says what was done, for the kept copy of a failing input.</summary>
    public string FileName => $"{Path.GetFileNameWithoutExtension(Vector)}-seed{Seed}-{Kind}.asmr";

    /// <summary>Damages <paramref name="original"/> the way <paramref name="seed"/> picks (the kind cycles with the seed).</summary>
    public static Corruption Make(string vector, byte[] original, int seed)
    {
        var random = new Random(seed);
        byte[] bytes = (byte[])original.Clone();
        switch (seed % 3)
        {
            case 0:
                int flips = random.Next(1, 9);
                for (int i = 0; i < flips; i++)
                {
                    int offset = random.Next(bytes.Length);
                    int bit = random.Next(8);
                    bytes[offset] ^= (byte)(1 << bit);
                }

                return new Corruption(vector, seed, $"flip{flips}", bytes);
            case 1:
                int length = random.Next(bytes.Length);
                return new Corruption(vector, seed, $"truncate{length}", bytes[..length]);
            default:
                int start = random.Next(bytes.Length);
                int end = Math.Min(bytes.Length, start + JunkLength);
                random.NextBytes(bytes.AsSpan(start, end - start));
                return new Corruption(vector, seed, $"junk{start}", bytes);
        }
    }
}
