using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Decoder.Inference;
using Asmr.Media.IO;
using Asmr.Decoder.Video;
using Xunit.Abstractions;

namespace Asmr.Codec.Tests;

/// <summary>
/// Short encodes of real clips decode, with the real decoder, within a few dB of what their float fit reached, whatever
/// the steps and preset. At 0.05 bits per pixel a 128×96 crop's latents alone overshoot the rate at any step count (as
/// a few hundred steps leave them on a CIF clip), which the step search once met by quantizing whole tensors to zero:
/// a flat grey video. At 2 bits per pixel the rate is met.
/// </summary>
public sealed class ShortEncodeQualityTests(ITestOutputHelper output)
{
    private const string Media = "/work/shared/media/y4m";

    /// <summary>dB below the float fit the decoded video may measure (the encoder allows quantization 3 dB, judged on its loss).</summary>
    private const double Allowed = 4;

    [Theory]
    [InlineData("akiyo", "fast", 50, 0.05)]
    [InlineData("akiyo", "fast", 100, 0.05)]
    [InlineData("akiyo", "fast", 200, 0.05)]
    [InlineData("akiyo", "fast", 400, 0.05)]
    [InlineData("akiyo", "medium", 50, 0.05)]
    [InlineData("akiyo", "medium", 100, 0.05)]
    [InlineData("akiyo", "medium", 200, 0.05)]
    [InlineData("akiyo", "medium", 400, 0.05)]
    [InlineData("akiyo", "fast", 200, 2.0)]
    [InlineData("akiyo", "medium", 200, 2.0)]
    [InlineData("foreman", "fast", 200, 0.05)]
    [InlineData("foreman", "medium", 200, 0.05)]
    public void A_short_encode_decodes_within_a_few_dB_of_its_float_fit(string clip, string preset, int steps, double bitsPerPixel)
    {
        var (frames, header) = Crop(Path.Combine(Media, $"{clip}_352x288_10f.y4m"), x: 112, y: 32, width: 128, height: 96, count: 3);
        var settings = new EncoderSettings
        {
            Preset = Enum.Parse<EncoderPreset>(preset, ignoreCase: true),
            Steps = steps,
            BitsPerPixel = bitsPerPixel,
        };

        var report = AsmrEncoder.EncodeWithReports(frames, header, settings).Single();

        var decoded = new SegmentDecoder(report.Model, header.Width, header.Height, header.ChromaFormat, header.BitDepth)
            .DecodeFrames(0, report.Model.FrameCount).Select(f => f.Planes).ToList();
        var source = new VideoClip(frames);
        double measured = VideoMetrics.Measure(source, decoded).PsnrRgb;
        double fitted = Trainer.LossToPsnr(report.FloatLoss, 3);
        output.WriteLine($"{clip} {preset} {steps} {bitsPerPixel}: fit {fitted:0.00} dB, quantized {Trainer.LossToPsnr(report.QuantizedLoss, 3):0.00} dB, decoded {measured:0.00} dB, {report.PayloadBytes} bytes");
        Assert.True(measured >= fitted - Allowed, $"decoded {measured:0.00} dB, float fit {fitted:0.00} dB");
    }

    /// <summary>The first <paramref name="count"/> frames of a 4:2:0 y4m file, cropped (even offsets keep the chroma aligned).</summary>
    private static (List<VideoFrame> Frames, SequenceHeader Header) Crop(string path, int x, int y, int width, int height, int count)
    {
        using var reader = Y4mReader.Open(path, new VideoSourceOptions { MaxFrames = count });
        var frames = new List<VideoFrame>();
        foreach (var frame in reader.ReadFrames())
        {
            var crop = new VideoFrame(width, height, frame.Chroma, frame.BitDepth);
            for (int p = 0; p < crop.PlaneCount; p++)
            {
                int sx = x * crop.PlaneWidth(p) / width, sy = y * crop.PlaneHeight(p) / height;
                for (int row = 0; row < crop.PlaneHeight(p); row++)
                {
                    frame.Row(p, sy + row).Slice(sx, crop.PlaneWidth(p)).CopyTo(crop.Row(p, row));
                }
            }

            frames.Add(crop);
        }

        return (frames, reader.Header with { Width = width, Height = height, FrameCount = frames.Count });
    }
}
