using System.Diagnostics;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Files;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// asmrc's decode speed for a file, measured in-process as the decode-speed benchmark does: the whole file decoded
/// from memory with the fixed-point decoder, best of several runs after one warm-up (JIT, caches).
/// </summary>
internal static class AsmrDecodeTimer
{
    /// <summary>Decoded frames per second of the .asmr file at <paramref name="path"/>.</summary>
    public static double FramesPerSecond(string path, int threads, int repeats)
    {
        byte[] file = File.ReadAllBytes(path);
        double best = double.MaxValue;
        int frames = 0;
        for (int r = 0; r <= repeats; r++)
        {
            using var bytes = new MemoryStream(file, writable: false);
            var clock = Stopwatch.StartNew();
            using var decoder = AsmrFileDecoder.Open(bytes, new DecoderOptions { Threads = threads }, leaveOpen: true);
            frames = 0;
            foreach (var frame in decoder.DecodeFrames(0, decoder.Header.FrameCount))
            {
                frames += frame.Width > 0 ? 1 : 0;
            }

            if (r > 0)
            {
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
        }

        return frames / best;
    }
}
