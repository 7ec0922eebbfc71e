using Asmr.Codec.Training;
using static TorchSharp.torch;

namespace Asmr.Codec.Tests;

public sealed class LastLevelAmplitudeTests
{
    private static readonly (int, int)[] Pooling = [(1, 1), (2, 2), (2, 2)];

    [Fact]
    public void A_new_network_with_amplitudes_gives_the_plain_networks_output()
    {
        using var plain = new AsmrNetwork(NetworkTests.Tiny(), new NetworkInit { OutputGain = 1 }, 7);
        using var amplitude = new AsmrNetwork(NetworkTests.Tiny(), new NetworkInit { OutputGain = 1 }, 7, lastLevelAmplitude: true);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var expected = plain.ForwardPooled(plain.SharedPre(), Pooling);
        var actual = amplitude.ForwardPooled(amplitude.SharedPre(), Pooling);

        Assert.True((expected - actual).abs().max().item<float>() < 1e-6f);
    }

    [Fact]
    public void Amplitudes_scale_each_unit_the_same_in_the_factorised_and_the_direct_last_level()
    {
        using var net = NetworkWithMovedAmplitudes();

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var pre = net.SharedPre();
        var amplitudes = pre.narrow(1, 8, 8);

        Assert.Equal(16, pre.shape[1]);
        Assert.True((amplitudes - 1).abs().max().item<float>() > 0.1f, "the test must move the amplitudes off 1");
        Assert.True(NetworkTests.FactorisedVersusDirectDifference(net) < 1e-5);
    }

    [Fact]
    public void The_per_sample_reference_applies_the_amplitudes_as_the_shared_forward_does()
    {
        using var net = NetworkWithMovedAmplitudes();

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        Assert.True(NetworkTests.SharedVersusPerSampleDifference(net, out _) < 1e-5);
    }

    /// <summary>A tiny network with amplitudes whose weights are random (a new one's amplitudes are all 1).</summary>
    private static AsmrNetwork NetworkWithMovedAmplitudes()
    {
        var net = new AsmrNetwork(NetworkTests.Tiny(), new NetworkInit { OutputGain = 1 }, 7, lastLevelAmplitude: true);
        using (no_grad())
        {
            var amplitudeWeight = net.named_parameters().Single(p => p.name == "amplitude_w").parameter;
            amplitudeWeight.copy_(randn(amplitudeWeight.shape, generator: new Generator(3)) * 0.5);
        }

        return net;
    }

    [Fact]
    public void A_network_with_amplitudes_is_never_exported_to_a_file_that_cannot_hold_them()
    {
        using var net = new AsmrNetwork(NetworkTests.Tiny(), new NetworkInit { OutputGain = 1 }, 7, lastLevelAmplitude: true);
        uint[] multipliers = [.. net.Architecture.TensorLayout().Select(_ => 1000u)];

        Assert.Throws<NotSupportedException>(() => Quantization.SegmentExporter.Export(net, 0, 4, multipliers));
    }
}
