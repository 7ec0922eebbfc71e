using Asmr.Benchmarks.DecodeSpeed;
using Asmr.Benchmarks.RateDistortion;
using BenchmarkDotNet.Running;

namespace Asmr.Benchmarks;

internal static class Program
{
    /// <summary>
    /// <c>decode-speed [--quick] [--frames N] [--threads N] [--size CIF|720p|1080p]</c> runs the decode-speed comparison against ffmpeg;
    /// <c>rd [--quick] [--clips …] …</c> the rate-distortion benchmark (<c>rd --help</c>);
    /// anything else goes to BenchmarkDotNet's switcher (micro-benchmarks).
    /// </summary>
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "decode-speed")
        {
            return DecodeSpeedRunner.Run(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == "rd")
        {
            return RdRunner.Run(args[1..], Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
