using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Xunit.Abstractions;

namespace Asmr.Decoder.Tests.Inference;

public class SegmentDecoderPrecisionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2, 16)]
    [InlineData(4, 24)]
    [InlineData(5, 40)]
    public void DecodeAll_FinelyQuantizedSiren_MatchesDoublePrecisionNetwork(int levels, int width)
    {
        int[][] bases = levels switch
        {
            2 => [[2, 2], [8, 4], [8, 4]],
            4 => [[2, 1, 1, 2], [4, 2, 2, 4], [4, 2, 2, 4]],
            _ => [[1, 2, 1, 1, 2], [4, 2, 1, 2, 4], [2, 2, 2, 2, 4]],
        };
        var kinds = Enumerable.Range(0, levels).Select(l => l % 2 == 0 ? ModulationKind.Linear : ModulationKind.Table).ToArray();
        var config = new ModelConfig(bases, width, kinds, ChromaFormat.Yuv444, 16, 32, 32, 4);
        var model = SirenModels.Build(config, new TestRandom((ulong)(levels * 100) + (ulong)width));
        var frames = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model));
        var reference = new FloatReference(model);
        double max = 0;
        double sum = 0;
        int count = 0;
        for (int t = 0; t < 4; t++)
        {
            for (int y = 0; y < 32; y++)
            {
                for (int x = 0; x < 32; x++)
                {
                    var exact = reference.Output(t, y, x);
                    for (int o = 0; o < 3; o++)
                    {
                        double expected = exact[o] * 65536;
                        if (expected is < 0 or > 65535)
                        {
                            continue;
                        }

                        double error = Math.Abs(frames[t].Planes[o][(y * 32) + x] - expected);
                        max = Math.Max(max, error);
                        sum += error;
                        count++;
                    }
                }
            }
        }

        double mean = sum / count;
        output.WriteLine($"L={levels} H={width}: {count} samples inside the range, |error| mean {mean:F2}, max {max:F2} (16-bit LSB)");
        Assert.True(count > 4 * 32 * 32 * 3 * 0.9, $"Only {count} samples inside the output range.");

        // In 16-bit LSBs (2^−16 of full scale). The error is dominated by rounding A and B to int16 in units of 2^−14
        // (4 LSB here), about √(H/12)·4 LSB rms; measured mean 3.8–6.0, max 19–30 for these three models.
        Assert.True(mean < 8, $"mean |error| {mean:F2} LSB");
        Assert.True(max < 64, $"max |error| {max:F2} LSB");
    }
}
