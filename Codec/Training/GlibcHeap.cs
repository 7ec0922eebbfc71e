using System.Runtime.InteropServices;

namespace Asmr.Codec.Training;

/// <summary>
/// Keeps libtorch's freed tensor memory in the process. By default glibc serves large blocks (a training step's
/// tensors are megabytes) with mmap and gives them back on free, so every step pays for fresh zeroed pages: on
/// 2 cores that was 40 % of a CIF training step, spent in the kernel. With mmap off and trimming far away, freed
/// blocks are reused. Peak memory is unchanged; it is simply not returned until the process ends.
/// </summary>
internal static class GlibcHeap
{
    private const int TrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int MmapMax = -4; // M_MMAP_MAX

    private static int _applied;

    /// <summary>Applies the setting once per process; a no-op off Linux or without glibc's mallopt.</summary>
    public static void KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _applied, 1) == 1)
        {
            return;
        }

        try
        {
            _ = Mallopt(MmapMax, 0);
            _ = Mallopt(TrimThreshold, int.MaxValue);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library (musl): keep its defaults.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int parameter, int value);
}
