using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Entropy;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>
/// Exporting a model_version 3 model (spec §10.7): the network's model with a context model per grid, its latents
/// context-coded; without context models the export is model_version 2 as before.
/// </summary>
public sealed class ContextModelExportTests
{
    private static readonly ModelArchitecture Architecture = new(
        [[1, 2, 1, 4], [2, 3, 2, 2], [3, 2, 2, 2]],
        8,
        3,
        [ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Linear],
        [new LatentGrid(1, 2, 1), new LatentGrid(2, 3, 2)]);

    [Fact]
    public void Export_with_context_models_is_a_version_7_model_that_decodes_like_the_version_2_export()
    {
        using var net = Network();
        var multipliers = Multipliers();
        var v2 = SegmentExporter.Export(net, 0, 4, multipliers);

        var v3 = SegmentExporter.Export(net, 0, 4, multipliers, [Context(3, 2, 1), Context(5, 3, 2)]);

        var expected = new ModelPayloadExpectations(0, 4, 12, 12, ChromaFormat.Yuv444);
        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(v3), expected);
        // Context-coded grids: compact record headers (model_version 7).
        Assert.Equal(7, read.Architecture.ModelVersion);
        Assert.Equal([3, 5], read.Architecture.Grids.Select(g => g.ContextHidden));
        Assert.Equal(v2.GridLatentMatrixOf(2), read.GridLatentMatrixOf(2));
        var frames2 = new SegmentDecoder(v2, 12, 12, ChromaFormat.Yuv444, 8).DecodeAll().ToList();
        var frames3 = new SegmentDecoder(read, 12, 12, ChromaFormat.Yuv444, 8).DecodeAll().ToList();
        for (int t = 0; t < frames2.Count; t++)
        {
            for (int p = 0; p < 3; p++)
            {
                Assert.Equal(frames2[t].Planes[p], frames3[t].Planes[p]);
            }
        }
    }

    [Fact]
    public void Export_folds_the_context_models_output_biases_into_the_channel_biases()
    {
        using var net = Network();
        var context = Context(2, 3, 7);
        int[] p = context.Parameters();
        int b2 = (2 * 6) + 2 + (2 * 2);

        var v3 = SegmentExporter.Export(net, 0, 4, Multipliers(), [Context(1, 2, 1), context]);

        var biases = v3.Tensors.Single(t => t.Role == TensorRole.ContextChannelBias && t.Level == 2);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => p[b2 + 2 + i] + p[b2 + (i % 2)]), biases.Values);
        Assert.All(v3.Tensors.Where(t => t.Role >= TensorRole.ContextWeight), t => Assert.Equal(1u, t.Multiplier));
    }

    [Fact]
    public void Export_without_context_models_is_unchanged_version_2()
    {
        using var net = Network();

        var model = SegmentExporter.Export(net, 0, 4, Multipliers());

        Assert.Equal(2, model.Architecture.ModelVersion);
        Assert.Equal(Architecture.TensorLayout(), model.Architecture.TensorLayout());
    }

    [Fact]
    public void Load_of_a_version_3_model_sets_the_network_as_its_version_2_twin()
    {
        using var net = Network();
        var multipliers = Multipliers();
        var v2 = SegmentExporter.Export(net, 0, 4, multipliers);
        var v3 = SegmentExporter.Export(net, 0, 4, multipliers, [Context(3, 2, 1), Context(5, 3, 2)]);

        SegmentExporter.Load(net, v3);
        var fromV3 = SegmentExporter.FloatTensors(net);
        SegmentExporter.Load(net, v2);

        Assert.Equal(SegmentExporter.FloatTensors(net), fromV3);
    }

    [Fact]
    public void Step_search_treats_context_model_roles_as_fixed_integers()
    {
        Assert.All(
            [TensorRole.GridLatents, TensorRole.ContextWeight, TensorRole.ContextBias, TensorRole.ContextOutputWeight, TensorRole.ContextChannelBias],
            role =>
            {
                Assert.True(TensorUnits.IsFixedInteger(role));
                Assert.Equal(1.0, TensorUnits.UnitsPerFloat(role));
            });
        Assert.False(TensorUnits.IsFixedInteger(TensorRole.GridProjection));
    }

    private static AsmrNetwork Network()
    {
        var net = new AsmrNetwork(Architecture, new NetworkInit(), 6);
        using var noGrad = no_grad();
        foreach (var z in net.GridLatents)
        {
            z.copy_((rand(z.shape) * 6) - 3);
        }

        SegmentExporter.RoundLatents(net);
        return net;
    }

    private static uint[] Multipliers() =>
        [.. Architecture.TensorLayout().Select(t => t.Role switch
        {
            TensorRole.GridLatents => 1u,
            TensorRole.OutputWeight or TensorRole.OutputBias => 1u << 10,
            _ => 1u << 12,
        })];

    /// <summary>A seeded integer context model with <paramref name="hidden"/> units for <paramref name="channels"/> channels.</summary>
    private static LatentContextModel Context(int hidden, int channels, int seed)
    {
        var random = new Random(seed);
        int[] Draw(int n) => [.. Enumerable.Range(0, n).Select(_ => random.Next(-400, 401))];
        return new LatentContextModel(hidden, Draw(hidden * 6), Draw(hidden), Draw(2 * hidden), Draw(2), Draw(2 * channels));
    }
}
