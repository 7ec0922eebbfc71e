using System.Globalization;
using System.Runtime.InteropServices;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>The machine a run measured: CPU model, logical cores, memory and operating system.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string OperatingSystem)
{
    /// <summary>Reads /proc/cpuinfo and /proc/meminfo where they exist (Linux); "unknown" elsewhere.</summary>
    public static MachineInfo Detect()
    {
        string cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        string memory = "unknown";
        if (ReadField("/proc/meminfo", "MemTotal") is { } total
            && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out long kib))
        {
            memory = string.Create(CultureInfo.InvariantCulture, $"{kib / 1048576.0:0.0} GiB");
        }

        return new MachineInfo(cpu, Environment.ProcessorCount, memory, RuntimeInformation.OSDescription);
    }

    private static string? ReadField(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (string line in File.ReadLines(file))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == key)
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
