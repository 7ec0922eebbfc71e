namespace Asmr.Decoder.Tests.Inference;

/// <summary>SplitMix64: a tiny deterministic generator, so pinned hashes never depend on System.Random.</summary>
internal sealed class TestRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public uint NextUInt32() => (uint)(NextUInt64() >> 32);

    /// <summary>Uniform in [min, max] (inclusive).</summary>
    public int Next(int min, int max) => (int)(min + (long)(NextUInt64() % (ulong)((long)max - min + 1)));

    public long NextInt64(long min, long max) => min + (long)(NextUInt64() % (ulong)(max - min + 1));

    public bool NextBool() => (NextUInt64() & 1) != 0;

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count - 1)];
}
