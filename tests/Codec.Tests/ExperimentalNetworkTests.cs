using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container.Model;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

/// <summary>The measured-but-not-adopted network variants (experiments/NOTES.md): they compute what they claim and can never leak into a file.</summary>
public sealed class ExperimentalNetworkTests
{
    private static ModelArchitecture Tiny() => new(
        [[1, 2, 1, 4], [2, 3, 2, 2], [3, 2, 2, 2]],
        8,
        3,
        [ModulationKind.Table, ModulationKind.Table, ModulationKind.Table, ModulationKind.Linear]);

    [Fact]
    public void Unit_amplitudes_give_exactly_the_plain_network()
    {
        using var plain = new AsmrNetwork(Tiny(), new NetworkInit(), 5);
        using var amplitude = new AsmrNetwork(Tiny(), new NetworkInit { LastLevelAmplitude = true }, 5);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        amplitude.named_parameters().Single(p => p.name == "amp_w").parameter.zero_();
        var pooling = new[] { (1, 1), (2, 2), (2, 2) };

        var a = plain.ForwardPooled(plain.SharedPre(), pooling);
        var b = amplitude.ForwardPooled(amplitude.SharedPre(), pooling);

        Assert.Equal(0f, (a - b).abs().max().item<float>());
    }

    [Fact]
    public void Amplitudes_scale_the_last_level_activations()
    {
        using var net = new AsmrNetwork(Tiny(), new NetworkInit { LastLevelAmplitude = true, OutputGain = 1 }, 5);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        net.named_parameters().Single(p => p.name == "amp_w").parameter.zero_();
        var pooling = new[] { (1, 1), (1, 1), (1, 1) };
        var bias = net.OutputBias.view(1, 3, 1);
        var one = net.ForwardPooled(net.SharedPre(), pooling).view(-1, 3, 16) - bias;
        net.named_parameters().Single(p => p.name == "amp_b").parameter.fill_(0.5);
        var half = net.ForwardPooled(net.SharedPre(), pooling).view(-1, 3, 16) - bias;

        Assert.True((half - (one * 0.5)).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void Factorised_last_level_with_amplitudes_equals_the_direct_one()
    {
        using var net = new AsmrNetwork(Tiny(), new NetworkInit { LastLevelAmplitude = true, AmplitudeGain = 1, OutputGain = 1 }, 7);

        Assert.True(NetworkTests.FactorisedVersusDirectDifference(net) < 1e-5);
    }

    [Fact]
    public void Networks_with_experimental_amplitudes_refuse_to_export()
    {
        using var amplitude = new AsmrNetwork(Tiny(), new NetworkInit { LastLevelAmplitude = true }, 1);
        var multipliers = Enumerable.Repeat(64u, Tiny().TensorLayout().Count).ToArray();

        Assert.Throws<NotSupportedException>(() => SegmentExporter.Export(amplitude, 0, 4, multipliers));
    }
}
