using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Tests;

public sealed class EncoderTests
{
    private static (List<VideoFrame> Frames, SequenceHeader Header) Source(int frames, int width, int height)
    {
        var list = TestVideos.Smooth(frames, width, height).Frames.ToList();
        var header = new SequenceHeader { Width = width, Height = height, FrameCount = frames, FrameRate = new Rational(25, 1) };
        return (list, header);
    }

    [Fact]
    public void Encode_returns_one_decodable_model_per_segment_within_the_rate_budget()
    {
        var (frames, header) = Source(5, 24, 18);
        var settings = new EncoderSettings { Steps = 30, Width = 8, SegmentLength = 3, BitsPerPixel = 8.0 };
        var reports = AsmrEncoder.EncodeWithReports(frames, header, settings);

        Assert.Equal(2, reports.Count);
        Assert.Equal((0, 2), (reports[0].Model.FirstFrame, reports[0].Model.FrameCount));
        Assert.Equal((2, 3), (reports[1].Model.FirstFrame, reports[1].Model.FrameCount));
        foreach (var r in reports)
        {
            long budget = (long)(8.0 * 24 * 18 * r.Model.FrameCount / 8);
            Assert.True(r.PayloadBytes <= budget, $"{r.PayloadBytes} bytes for a budget of {budget}");
            var payload = ModelPayloadWriter.Write(r.Model);
            var read = ModelPayloadReader.Read(payload, new ModelPayloadExpectations(r.Model.FirstFrame, r.Model.FrameCount, 24, 18, ChromaFormat.Yuv420));
            var decoded = new SegmentDecoder(read, 24, 18, ChromaFormat.Yuv420, 8).DecodeAll().ToList();
            Assert.Equal(r.Model.FrameCount, decoded.Count);
        }
    }

    [Fact]
    public void Training_lowers_the_loss_below_that_of_a_flat_grey_picture()
    {
        var (frames, header) = Source(2, 16, 16);
        var settings = new EncoderSettings { Steps = 150, Width = 16, BitsPerPixel = null };
        var report = AsmrEncoder.EncodeWithReports(frames, header, settings).Single();

        // A flat mid-grey reconstruction of this content has a loss of roughly 0.1 (RGB-weighted MSE in full-scale units).
        Assert.True(report.FloatLoss < 0.01, $"float loss {report.FloatLoss}");
        Assert.True(report.QuantizedLoss < report.FloatLoss * 1.5 + 1e-4, $"quantized loss {report.QuantizedLoss}");
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("medium")]
    public void A_rate_that_cannot_be_met_is_missed_rather_than_met_with_a_flat_picture(string preset)
    {
        // 0.001 bits per pixel: fewer bytes than the latents alone, at any step.
        var (frames, header) = Source(2, 32, 32);
        var settings = new EncoderSettings { Preset = Enum.Parse<EncoderPreset>(preset, ignoreCase: true), Steps = 100, Width = 8, BitsPerPixel = 0.001 };
        var report = AsmrEncoder.EncodeWithReports(frames, header, settings).Single();

        double lost = Trainer.LossToPsnr(report.FloatLoss, 3) - Trainer.LossToPsnr(report.QuantizedLoss, 3);
        Assert.True(lost <= AsmrEncoder.MaxQuantizationLossDb + 0.01, $"quantization lost {lost:0.00} dB (float loss {report.FloatLoss}, quantized {report.QuantizedLoss})");
    }

    [Theory]
    [InlineData(1.0e-3, 1000, 1.1e-3, 1000, 2000L, true)] // better and no larger
    [InlineData(1.0e-3, 1900, 1.1e-3, 1000, 2000L, true)] // better, larger, but within the limit
    [InlineData(1.0e-3, 2100, 1.1e-3, 1000, 2000L, false)] // better but over the limit the fine-tuned one meets
    [InlineData(1.0e-3, 2100, 1.1e-3, 2200, 2000L, true)] // both over the limit: the smaller and better one
    [InlineData(1.0e-3, 2100, 1.1e-3, 1000, null, true)] // no size target: quality decides
    [InlineData(1.2e-3, 900, 1.1e-3, 1000, 2000L, false)] // fine-tuning helped
    [InlineData(1.1e-3, 1000, 1.1e-3, 1000, 2000L, false)] // a tie keeps the fine-tuned model
    public void The_model_from_before_fine_tuning_is_kept_only_when_it_is_better_and_affordable(
        double beforeLoss, long beforeBytes, double afterLoss, long afterBytes, long? limit, bool keepsBefore)
    {
        Assert.Equal(keepsBefore, AsmrEncoder.KeepsModelBeforeFineTuning(beforeLoss, beforeBytes, afterLoss, afterBytes, limit));
    }

    [Fact]
    public void Same_settings_and_seed_give_identical_models()
    {
        var (frames, header) = Source(2, 16, 16);
        var settings = new EncoderSettings { Steps = 20, Width = 8, Seed = 9 };
        var a = AsmrEncoder.Encode(frames, header, settings).Single();
        var b = AsmrEncoder.Encode(frames, header, settings).Single();
        Assert.Equal(ModelPayloadWriter.Write(a), ModelPayloadWriter.Write(b));
    }
}
