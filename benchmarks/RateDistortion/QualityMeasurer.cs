using Asmr.Media.IO;
using Asmr.Media.Metrics;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// Measures every point the same way: the decoded y4m against the source y4m with the project's own metrics
/// (<see cref="QualityMetrics"/>: pooled PSNR Y, YUV 6:1:1 and RGB, and SSIM-Y; they match ffmpeg's psnr and ssim filters).
/// </summary>
internal static class QualityMeasurer
{
    /// <summary>Compares <paramref name="decodedY4m"/> with <paramref name="sourceY4m"/> frame by frame.</summary>
    /// <exception cref="InvalidDataException">The two differ in frame count, size, chroma format or bit depth.</exception>
    public static SequenceQuality Measure(string sourceY4m, string decodedY4m)
    {
        using var reference = Y4mReader.Open(sourceY4m);
        using var test = Y4mReader.Open(decodedY4m);
        return QualityMetrics.Compare(reference, test);
    }
}
