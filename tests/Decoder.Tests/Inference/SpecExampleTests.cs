using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Decoder.Tests.Inference;

/// <summary>The informative worked example of spec §11.7, decoded by every path.</summary>
public class SpecExampleTests
{
    [Fact]
    public void DecodeFrame_SpecWorkedExample_Gives153And187()
    {
        var arch = new ModelArchitecture([[1, 1], [1, 1], [1, 2]], 1, 1, [ModulationKind.Linear, ModulationKind.Table]);
        var model = new SegmentModel(0, 1, arch,
        [
            new QuantizedTensor(TensorRole.Modulation, 0, 1, 3, 1, [0, 0, 0]),
            new QuantizedTensor(TensorRole.Modulation, 1, 2, 1, 1, [0, 1 << 30]),
            new QuantizedTensor(TensorRole.Bias, 0, 1, 1, 1, [1 << 28]),
            new QuantizedTensor(TensorRole.OutputWeight, 0, 1, 1, 1, [1 << 26]),
            new QuantizedTensor(TensorRole.OutputBias, 0, 1, 1, 1, [1 << 27]),
        ]);
        Assert.Equal(159907840, new ReferenceDecoder(model).Output(0, 0, 0)[0]);
        Assert.Equal(196214784, new ReferenceDecoder(model).Output(0, 0, 1)[0]);
        foreach (var path in SimdSupport.Available)
        {
            var frame = new SegmentDecoder(model, 2, 1, ChromaFormat.Mono400, 8, new DecoderOptions { Path = path }).DecodeFrame(0);
            Assert.Equal(new ushort[] { 153, 187 }, frame.Planes[0]);
        }
    }
}
