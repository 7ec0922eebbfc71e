using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Xunit.Abstractions;

namespace Asmr.Decoder.Tests.Inference;

public class DecoderThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Measure_SmallModel_DecodesEveryFrameAndReportsARate()
    {
        var small = new ModelConfig(
            [[2, 2], [8, 4], [8, 4]], 16, [ModulationKind.Linear, ModulationKind.Table], ChromaFormat.Yuv420, 8, 32, 32, 4);
        var result = DecoderThroughput.Measure(small, 4, new DecoderOptions { Threads = 1 }, repeats: 1);
        Assert.Equal(4, result.Frames);
        Assert.True(result.MegapixelsPerSecond > 0);
        output.WriteLine($"small: {result}");

        // By hand: ASMR_DECODER_THROUGHPUT=1 measures the 1080p medium models (takes a while in Debug builds).
        if (Environment.GetEnvironmentVariable("ASMR_DECODER_THROUGHPUT") == "1")
        {
            foreach (int hidden in new[] { 32, 64 })
            {
                foreach (var options in new[] { new DecoderOptions(), new DecoderOptions { Threads = 1 }, new DecoderOptions { ForceScalar = true, Threads = 1 } })
                {
                    var r = DecoderThroughput.Measure(DecoderThroughput.Medium1080p(hidden), options.ForceScalar ? 2 : 8, options, options.ForceScalar ? 1 : 3);
                    output.WriteLine(
                        $"1080p H={hidden} {r.Path} threads={r.Threads}: {r.MegapixelsPerSecond:F1} Mpx/s wall, {r.MegapixelsPerCpuSecond:F1} Mpx/s per CPU-second " +
                        $"({r.Frames} frames in {r.Seconds:F2} s, {r.MacsPerSample:F0} MAC/sample)");
                }
            }
        }
    }
}
