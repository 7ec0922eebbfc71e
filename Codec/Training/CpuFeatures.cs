namespace Asmr.Codec.Training;

/// <summary>What this machine's CPU can do that changes how training runs.</summary>
internal static class CpuFeatures
{
    private static readonly Lazy<bool> Bf16 = new(DetectBFloat16);

    /// <summary>
    /// True when the CPU multiplies bfloat16 natively (AVX-512 BF16 or AMX BF16; read from /proc/cpuinfo on Linux, false
    /// elsewhere). Without it libtorch emulates bfloat16 and a bfloat16 GEMM is slower than a float32 one.
    /// </summary>
    public static bool HasNativeBFloat16 => Bf16.Value;

    /// <summary>True when one of the "flags" lines of a /proc/cpuinfo text names a native bfloat16 multiply.</summary>
    internal static bool CpuInfoHasBFloat16(string cpuinfo)
    {
        foreach (string line in cpuinfo.Split('\n'))
        {
            if (!line.StartsWith("flags", StringComparison.Ordinal))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string[] flags = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return flags.Contains("avx512_bf16") || flags.Contains("amx_bf16");
        }

        return false;
    }

    private static bool DetectBFloat16()
    {
        try
        {
            return OperatingSystem.IsLinux() && CpuInfoHasBFloat16(File.ReadAllText("/proc/cpuinfo"));
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
