using Asmr.Benchmarks.DecodeSpeed;
using BenchmarkDotNet.Running;

namespace Asmr.Benchmarks;

internal static class Program
{
    /// <summary>
    /// <c>decode-speed [--quick] [--frames N] [--threads N]</c> runs the decode-speed comparison against ffmpeg;
    /// anything else goes to BenchmarkDotNet's switcher (micro-benchmarks).
    /// </summary>
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "decode-speed")
        {
            return DecodeSpeedRunner.Run(args[1..], Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
