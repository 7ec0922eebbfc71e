using System.Diagnostics;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>
/// A by-hand throughput measurement (not a timed test): a 1080p 4:2:0 "medium" model, L = 6, last level β = 16
/// (4×4 pixels per parent), decoded for a few frames after a warm-up frame. Run it with
/// <c>ASMR_DECODER_THROUGHPUT=1 dotnet test tests/Decoder.Tests/Asmr.Decoder.Tests.csproj -c Release
/// --filter DecoderThroughputTests --logger "console;verbosity=detailed"</c>.
/// </summary>
internal static class DecoderThroughput
{
    /// <param name="MegapixelsPerSecond">Wall clock (luma pixels).</param>
    /// <param name="MegapixelsPerCpuSecond">Per second of this process's CPU time: what each core delivers, unaffected by other load.</param>
    public sealed record Result(
        int Hidden, int Frames, double Seconds, double MegapixelsPerSecond, double MegapixelsPerCpuSecond, double MacsPerSample, string Path, int Threads);

    /// <summary>Grid 1920×1088×8: t [2,1,2,1,2,1], y [17,2,2,2,2,4], x [15,4,2,2,2,4].</summary>
    public static ModelConfig Medium1080p(int hidden) => new(
        [[2, 1, 2, 1, 2, 1], [17, 2, 2, 2, 2, 4], [15, 4, 2, 2, 2, 4]],
        hidden,
        [ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table, ModulationKind.Table],
        ChromaFormat.Yuv420,
        8,
        1920,
        1080,
        8);

    /// <summary>Best of <paramref name="repeats"/> decodes of frames [0, frames) after a warm-up frame.</summary>
    public static Result Measure(ModelConfig config, int frames, DecoderOptions options, int repeats = 3)
    {
        var model = TestModels.Build(config, new TestRandom(7), ValueStyle.Realistic);
        var decoder = DecoderTestCases.Decoder(config, model, options);
        _ = decoder.DecodeFrame(0);
        double pixels = frames * (double)config.PictureWidth * config.PictureHeight / 1e6;
        Result? best = null;
        for (int r = 0; r < repeats; r++)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            int decoded = decoder.DecodeFrames(0, frames).Count();
            double seconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            var result = new Result(
                config.Width, decoded, seconds, pixels / seconds, pixels / cpuSeconds, model.Architecture.MacsPerSample(), decoder.Path.ToString(), options.EffectiveThreads);
            if (best is null || result.MegapixelsPerSecond > best.MegapixelsPerSecond)
            {
                best = best is null ? result : result with { MegapixelsPerCpuSecond = Math.Max(result.MegapixelsPerCpuSecond, best.MegapixelsPerCpuSecond) };
            }
            else
            {
                best = best with { MegapixelsPerCpuSecond = Math.Max(result.MegapixelsPerCpuSecond, best.MegapixelsPerCpuSecond) };
            }
        }

        return best!;
    }
}
