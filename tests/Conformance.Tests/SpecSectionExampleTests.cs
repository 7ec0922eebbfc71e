using Asmr.Conformance.Tests.Reference;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Conformance.Tests;

/// <summary>The small worked example of spec/FORMAT.md §11.7, on both decoders.</summary>
public class SpecSectionExampleTests
{
    // L = 2, H = 1, O = 1, D = 8; bases t = [1, 1], y = [1, 1], x = [1, 2]; every μ = 1.
    private static readonly int[][] Bases = [[1, 1], [1, 1], [1, 2]];

    private static readonly SpecTensor[] SpecTensors =
    [
        new SpecTensor(1, 0, 1, 3, 1, 0, [0, 0, 0]),
        new SpecTensor(1, 1, 2, 1, 1, 0, [0, 1 << 30]),
        new SpecTensor(2, 0, 1, 1, 1, 0, [1 << 28]),
        new SpecTensor(4, 0, 1, 1, 1, 0, [1 << 26]),
        new SpecTensor(5, 0, 1, 1, 1, 0, [1 << 27]),
    ];

    private static readonly QuantizedTensor[] Tensors =
    [
        new QuantizedTensor(TensorRole.Modulation, 0, 1, 3, 1, [0, 0, 0]),
        new QuantizedTensor(TensorRole.Modulation, 1, 2, 1, 1, [0, 1 << 30]),
        new QuantizedTensor(TensorRole.Bias, 0, 1, 1, 1, [1 << 28]),
        new QuantizedTensor(TensorRole.OutputWeight, 0, 1, 1, 1, [1 << 26]),
        new QuantizedTensor(TensorRole.OutputBias, 0, 1, 1, 1, [1 << 27]),
    ];

    [Fact]
    public void Section11_7_SpecLiteralDecoder_GivesTheSpecSamples()
    {
        var model = new SpecModel(0, 1, 2, 1, 1, Bases, [0, 1], SpecTensors);
        var decoder = new SpecDecoder(model);

        var left = decoder.Trace(0, 0, 0);
        Assert.Equal(new[] { 1568 }, left.A[0]);
        Assert.Equal(new[] { 3784 }, left.B[0]);
        Assert.Equal(new[] { 159907840 }, left.V);
        Assert.Equal(new[] { 196214784 }, decoder.Trace(0, 0, 1).V);
        Assert.Equal(new[] { 153, 187 }, decoder.DecodeFrames(2, 1, 0, 8)[0][0]);
    }

    [Fact]
    public void Section11_7_AsmrcDecoder_GivesTheSpecSamples()
    {
        var architecture = new ModelArchitecture(Bases, 1, 1, [ModulationKind.Linear, ModulationKind.Table]);
        var model = new SegmentModel(0, 1, architecture, Tensors);

        var frame = new SegmentDecoder(model, 2, 1, ChromaFormat.Mono400, 8, new DecoderOptions { Threads = 1 }).DecodeFrame(0);

        Assert.Equal(new ushort[] { 153, 187 }, frame.Planes[0]);
    }

    [Fact]
    public void Section11_7_WithLatentGrid_SpecLiteralDecoder_GivesTheSpecSamples()
    {
        // The same model plus a grid on level 0 (k = 1, τ = 1): U = [2^28], z_0 = [−1], so θ_0 = 2^28 − 2^28 = 0.
        var model = new SpecModel(0, 1, 2, 1, 1, Bases, [0, 1],
            [.. SpecTensors, new SpecTensor(6, 0, 1, 1, 1, 0, [1 << 28]), new SpecTensor(7, 0, 1, 1, 1, 0, [-1])],
        [new SpecGrid(0, 1, 1)]);
        var decoder = new SpecDecoder(model);

        var left = decoder.Trace(0, 0, 0);
        Assert.Equal(new uint[] { 0 }, left.Theta[0]);
        Assert.Equal(new uint[] { 0 }, left.Pre);
        Assert.Equal(new[] { 0 }, left.A[0]);
        Assert.Equal(new[] { 4096 }, left.B[0]);
        Assert.Equal(new[] { 1 << 27 }, left.V);
        Assert.Equal(new[] { 201326592 }, decoder.Trace(0, 0, 1).V);
        Assert.Equal(new[] { 128, 192 }, decoder.DecodeFrames(2, 1, 0, 8)[0][0]);
    }

    [Fact]
    public void Section11_7_WithLatentGrid_AsmrcDecoder_GivesTheSpecSamples()
    {
        var architecture = new ModelArchitecture(Bases, 1, 1, [ModulationKind.Linear, ModulationKind.Table], [new LatentGrid(0, 1, 1)]);
        var model = new SegmentModel(0, 1, architecture,
        [
            .. Tensors,
            new QuantizedTensor(TensorRole.GridProjection, 0, 1, 1, 1, [1 << 28]),
            new QuantizedTensor(TensorRole.GridLatents, 0, 1, 1, 1, [-1]),
        ]);

        var frame = new SegmentDecoder(model, 2, 1, ChromaFormat.Mono400, 8, new DecoderOptions { Threads = 1 }).DecodeFrame(0);

        Assert.Equal(new ushort[] { 128, 192 }, frame.Planes[0]);
    }

    [Fact]
    public void Section11_8_CatmullRomWeights_SumTo2Pow19AndPhase0ReadsTheSampleItself()
    {
        for (int phi = 0; phi < 64; phi++)
        {
            Assert.Equal(1L << 19, Enumerable.Range(0, 4).Sum(tap => SpecMotionCompensation.Weight(tap, phi)));
        }

        Assert.Equal(new long[] { 0, 1 << 19, 0, 0 }, Enumerable.Range(0, 4).Select(tap => SpecMotionCompensation.Weight(tap, 0)));
        Assert.Equal(new long[] { -32768, 294912, 294912, -32768 }, Enumerable.Range(0, 4).Select(tap => SpecMotionCompensation.Weight(tap, 32)));
    }

    [Fact]
    public void Section11_8_AllZeroVectors_ShowTheFrameUnchanged()
    {
        // 5×3 4:2:0 10-bit: Y 5×3, Cb and Cr 3×2, all inside one 8×8 block.
        int[][] s = [[.. Enumerable.Range(0, 15).Select(i => (i * 97) % 1024)], [0, 1023, 5, 600, 7, 1], [9, 8, 7, 6, 5, 4]];
        var still = new SpecMotion(3, 1, 1, [[[[0, 0]]]]);

        Assert.Equal(s, SpecMotionCompensation.Show(s, still, 0, 5, 3, 1, 10));
    }

    [Fact]
    public void Section11_8_OneLumaSampleDown_ReadsTheRowBelowAndRepeatsTheLastRow()
    {
        // One 8×8 block, V = (4, 0): vy = 2^(2E+2)·4, oy = (vy + 2^3) >> 4 = 64, a whole luma sample; φ = 0.
        int[][] s = [[1, 2, 3, 4, 5, 6, 7, 8, 9]];
        var down = new SpecMotion(3, 1, 1, [[[[4, 0]]]]);

        Assert.Equal([4, 5, 6, 7, 8, 9, 7, 8, 9], SpecMotionCompensation.Show(s, down, 0, 3, 3, 0, 8)[0]);
    }
}
