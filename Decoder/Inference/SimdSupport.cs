using System.Runtime.Intrinsics;
using X86 = System.Runtime.Intrinsics.X86;

namespace Asmr.Decoder.Inference;

/// <summary>Which <see cref="SimdPath"/>s this machine can run, and the fastest of them.</summary>
internal static class SimdSupport
{
    /// <summary>Every path the current process can execute, scalar first.</summary>
    public static IReadOnlyList<SimdPath> Available { get; } = Detect();

    /// <summary>The path a decoder uses unless told otherwise.</summary>
    public static SimdPath Best { get; } = ChooseBest();

    public static bool IsAvailable(SimdPath path) => Available.Contains(path);

    private static List<SimdPath> Detect()
    {
        var paths = new List<SimdPath> { SimdPath.Scalar };
        if (Vector128.IsHardwareAccelerated)
        {
            paths.Add(SimdPath.Portable128);
        }

        if (X86.Sse2.IsSupported)
        {
            paths.Add(SimdPath.Sse2);
        }

        if (X86.Avx2.IsSupported)
        {
            paths.Add(SimdPath.Avx2);
        }

        if (X86.AvxVnni.IsSupported)
        {
            paths.Add(SimdPath.AvxVnni);
        }

        if (X86.Avx512BW.IsSupported && Vector512.IsHardwareAccelerated)
        {
            paths.Add(SimdPath.Avx512);
        }

        return paths;
    }

    private static SimdPath ChooseBest()
    {
        // Measured on Zen 5: 512-bit vpmaddwd+vpaddd beats 256-bit vpdpwssd; VNNI beats plain AVX2.
        foreach (var p in new[] { SimdPath.Avx512, SimdPath.AvxVnni, SimdPath.Avx2, SimdPath.Sse2, SimdPath.Portable128 })
        {
            if (IsAvailable(p))
            {
                return p;
            }
        }

        return SimdPath.Scalar;
    }
}
