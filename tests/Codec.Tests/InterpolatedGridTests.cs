using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>
/// Latent grids interpolated onto the level below (<see cref="AsmrNetwork.InterpolatedGrids"/>, model_version 5): the
/// float network's picture is what the fixed-point decoder makes of the exported file.
/// </summary>
public sealed class InterpolatedGridTests
{
    // Level 2 (L − 2) has bases t 2, y 2, x 3: the interpolation meets ratios 2 and 3 and a grid cell shared by two
    // time cells of the finer level.
    private static readonly ModelArchitecture Architecture = new(
        [[2, 1, 2, 1], [2, 3, 2, 2], [3, 1, 3, 4]],
        16,
        3,
        [ModulationKind.Table, ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table],
        [new LatentGrid(1, 2, 2), new LatentGrid(2, 3, 2)]);

    [Fact]
    public void Only_a_grid_above_the_finest_shared_level_is_interpolated()
    {
        using var net = new AsmrNetwork(Architecture, new NetworkInit(), 5, 4) { InterpolatedGrids = true };

        Assert.True(net.IsInterpolated(0));
        Assert.False(net.IsInterpolated(1));
        Assert.Equal(4.0 * 2 * 3, net.GridProjectionScale(0));
        Assert.Equal(1.0, net.GridProjectionScale(1));
    }

    [Fact]
    public void The_bilinear_weights_of_every_cell_add_up_to_one()
    {
        var (cells, weights) = CellOrder.BilinearTaps(Architecture, 0);

        Assert.Equal(Architecture.CellCount(2) * 4, weights.Length);
        for (int c = 0; c < weights.Length / 4; c++)
        {
            Assert.Equal(1.0, weights.Skip(c * 4).Take(4).Sum(), 6);
        }

        Assert.All(cells, n => Assert.InRange(n, 0, Architecture.GridCellCount(0) - 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_export_keeps_the_placement_and_decodes_like_the_float_network(bool interpolated)
    {
        var video = TestVideos.Smooth(4, 20, 14);
        using var net = new AsmrNetwork(Architecture, new NetworkInit(), 11, 4) { InterpolatedGrids = interpolated };
        using var target = new TrainingTarget(Architecture, video);
        Trainer.Train(net, target, new TrainerOptions { Steps = 40, ReportEvery = 1000 });
        // A short fit leaves the latents near 0: give every grid integers of both signs so that the interpolation shows.
        var random = new Random(3);
        for (int g = 0; g < Architecture.Grids.Count; g++)
        {
            var shape = net.LatentValues(g).shape;
            var values = Enumerable.Range(0, (int)(shape[0] * shape[1])).Select(_ => (float)random.Next(-3, 4)).ToArray();
            using var latents = tensor(values).view(shape);
            net.SetLatentValues(g, latents);
        }

        var fine = DecoderAgreement.FineMultipliers(Architecture);
        var model = SegmentExporter.Export(net, 0, video.Frames.Count, fine, [.. net.GridContexts.Select(c => c.ToInteger())])
            .WithInterpolatedGrids([interpolated, false]);
        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(model), new ModelPayloadExpectations(0, video.Frames.Count, video.Width, video.Height, video.Chroma));
        // The export has compact record headers (model_version 7) whether or not a grid is interpolated.
        Assert.Equal(7, read.Architecture.ModelVersion);
        Assert.Equal([interpolated, false], read.Architecture.Grids.Select(g => g.Interpolated));

        var floatFrames = DecoderAgreement.FloatFrames(net, target);

        var decoded = new SegmentDecoder(read, video.Width, video.Height, video.Chroma, 8).DecodeAll().ToList();
        var (worst, differing, total) = DecoderAgreement.Compare(floatFrames, decoded);
        Assert.True(worst <= 1, $"worst difference {worst}");
        Assert.True(differing < total / 20, $"{differing} of {total} samples differ");
    }
}
