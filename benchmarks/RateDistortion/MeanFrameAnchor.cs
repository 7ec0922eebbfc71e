using System.Globalization;
using Asmr.Decoder.Video;
using Asmr.Media.IO;
using Asmr.Media.Metrics;

namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// The "one still picture" reference: the clip's mean frame (every sample the rounded mean over the frames), coded by
/// x264 as a single intra frame and shown for every frame. A video codec that does not beat it at the same size codes
/// no change over time worth its bytes.
/// </summary>
internal sealed class MeanFrameAnchor
{
    /// <summary>The <see cref="RdPoint.Codec"/> of its points; they are a reference, not an anchor curve for BD-rates.</summary>
    public const string Codec = "mean frame";

    /// <summary>The <see cref="RdPoint.Preset"/> of its points.</summary>
    public const string Preset = "x264 medium intra";

    /// <summary>CRFs below the run's list, so that the curve reaches the sizes of asmrc's higher rates.</summary>
    public static IReadOnlyList<int> ExtraCrfs { get; } = [4, 8, 12];

    private const string MeanFile = "mean.y4m";

    private static readonly AnchorSpec X264Medium = new(AnchorCodec.X264, "medium");

    private readonly AnchorEncoder _encoder;

    /// <param name="encoder">The run's anchor encoder, whose x264 medium command codes the one-frame mean picture.</param>
    public MeanFrameAnchor(AnchorEncoder encoder)
    {
        _encoder = encoder;
    }

    /// <summary>Writes the mean of every frame of <paramref name="sourceY4m"/> as a one-frame y4m.</summary>
    public static void WriteMean(string sourceY4m, string meanY4m)
    {
        using var reader = Y4mReader.Open(sourceY4m);
        var header = reader.Header;
        var frame = new VideoFrame(header.Width, header.Height, header.ChromaFormat, header.BitDepth);
        long[][] sums = [.. frame.Planes.Select(p => new long[p.Length])];
        long count = 0;
        while (reader.TryReadFrame(frame))
        {
            for (int p = 0; p < frame.PlaneCount; p++)
            {
                var plane = frame.Planes[p];
                var sum = sums[p];
                for (int i = 0; i < plane.Length; i++)
                {
                    sum[i] += plane[i];
                }
            }

            count++;
        }

        if (count == 0)
        {
            throw new InvalidOperationException($"{sourceY4m} has no frames.");
        }

        for (int p = 0; p < frame.PlaneCount; p++)
        {
            for (int i = 0; i < sums[p].Length; i++)
            {
                frame.Planes[p][i] = (ushort)((sums[p][i] + (count / 2)) / count);
            }
        }

        using var writer = Y4mWriter.Create(meanY4m, header);
        writer.WriteFrame(frame);
        writer.Complete();
    }

    /// <summary>Writes the first frame of <paramref name="pictureY4m"/> <paramref name="frames"/> times.</summary>
    public static void Repeat(string pictureY4m, int frames, string outputY4m)
    {
        using var reader = Y4mReader.Open(pictureY4m);
        var header = reader.Header;
        var frame = new VideoFrame(header.Width, header.Height, header.ChromaFormat, header.BitDepth);
        if (!reader.TryReadFrame(frame))
        {
            throw new InvalidOperationException($"{pictureY4m} has no frames.");
        }

        using var writer = Y4mWriter.Create(outputY4m, header);
        for (int f = 0; f < frames; f++)
        {
            writer.WriteFrame(frame);
        }

        writer.Complete();
    }

    /// <summary>The uncoded mean frame's quality against the clip: the best any coding of it can reach.</summary>
    public static SequenceQuality MeasureUncoded(string sourceY4m, string workDirectory, int frames)
    {
        string mean = Path.Combine(workDirectory, MeanFile);
        WriteMean(sourceY4m, mean);
        string shown = Path.Combine(workDirectory, "mean-shown.y4m");
        Repeat(mean, frames, shown);
        var quality = QualityMeasurer.Measure(sourceY4m, shown);
        File.Delete(shown);
        return quality;
    }

    /// <summary>
    /// Codes the mean frame (written by <see cref="MeasureUncoded"/> into <paramref name="workDirectory"/>) at one CRF,
    /// decodes it, shows it for every frame and measures that against the source.
    /// </summary>
    public RdPoint Encode(int crf, string sourceY4m, string workDirectory, double pixels, int frames)
    {
        string stream = $"mean-crf{crf}.264";
        // The source has a single frame, which x264 codes as an intra frame.
        var args = _encoder.EncodeArguments(X264Medium, crf, MeanFile, stream);
        ProcessResult encode = ExternalProcess.RunChecked("ffmpeg", args, workDirectory);
        long bytes = new FileInfo(Path.Combine(workDirectory, stream)).Length;
        ExternalProcess.RunChecked("ffmpeg", AnchorEncoder.DecodeArguments(stream, "mean-decoded.y4m"), workDirectory);
        string shown = Path.Combine(workDirectory, "mean-shown.y4m");
        Repeat(Path.Combine(workDirectory, "mean-decoded.y4m"), frames, shown);
        var quality = QualityMeasurer.Measure(Path.Combine(workDirectory, sourceY4m), shown);
        File.Delete(shown);
        File.Delete(Path.Combine(workDirectory, "mean-decoded.y4m"));
        string parameter = string.Create(CultureInfo.InvariantCulture, $"crf {crf}");
        return RdPoint.Measured(Codec, Preset, parameter, bytes, pixels, quality, encode.Elapsed.TotalSeconds, decodeFps: 0, ExternalProcess.Format("ffmpeg", args)) with { Crf = crf };
    }
}
