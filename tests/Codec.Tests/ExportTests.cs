using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

public sealed class ExportTests
{
    [Theory]
    [InlineData(ModulationKind.Table)]
    [InlineData(ModulationKind.Linear)]
    public void Fine_step_export_decodes_like_the_float_model(ModulationKind last)
    {
        var video = TestVideos.Smooth(4, 20, 14);
        var a = new ModelArchitecture(
            [[2, 1, 2, 1], [2, 2, 1, 4], [3, 1, 2, 4]],
            16,
            3,
            [ModulationKind.Table, ModulationKind.Table, ModulationKind.Linear, last]);
        using var net = new AsmrNetwork(a, new NetworkInit(), 11);
        using var target = new TrainingTarget(a, video);
        Trainer.Train(net, target, new TrainerOptions { Steps = 40, ReportEvery = 1000 });

        var fine = DecoderAgreement.FineMultipliers(a);
        var model = SegmentExporter.Export(net, 0, video.Frames.Count, fine);
        var payload = ModelPayloadWriter.Write(model);
        var read = ModelPayloadReader.Read(payload, new ModelPayloadExpectations(0, video.Frames.Count, video.Width, video.Height, video.Chroma));

        var floatFrames = DecoderAgreement.FloatFrames(net, target);

        var decoder = new SegmentDecoder(read, video.Width, video.Height, video.Chroma, 8);
        var (worst, differing, total) = DecoderAgreement.Compare(floatFrames, [.. decoder.DecodeAll()]);
        Assert.True(worst <= 1, $"worst difference {worst}");
        Assert.True(differing < total / 20, $"{differing} of {total} samples differ");
    }

    [Fact]
    public void Dequantized_load_matches_the_exported_integers()
    {
        var a = new ModelArchitecture([[1, 2, 1], [2, 1, 2], [2, 2, 2]], 8, 1, [ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table]);
        using var net = new AsmrNetwork(a, new NetworkInit(), 2);
        var steps = a.TensorLayout().Select(_ => 1u << 20).ToArray();
        var model = SegmentExporter.Export(net, 0, 1, steps);
        SegmentExporter.Load(net, model);
        var again = SegmentExporter.Export(net, 0, 1, steps);
        for (int i = 0; i < model.Tensors.Count; i++)
        {
            Assert.Equal(model.Tensors[i].Values, again.Tensors[i].Values);
        }
    }
}
