using Asmr.Container.Entropy;
using Asmr.Container.Model;

namespace Asmr.Container.Tests.Model;

public sealed class ModelPayloadStatisticsTests
{
    [Fact]
    public void FromPayload_SampleModel_MatchesFromModelAndAddsUp()
    {
        var (model, expected) = ModelSamples.FiveLevelMixedColor();
        byte[] payload = ModelPayloadWriter.Write(model, out int[] lengths);

        var fromPayload = ModelPayloadStatistics.FromPayload(payload, expected);
        var fromModel = ModelPayloadStatistics.FromModel(model);

        Assert.Equal(fromModel.Tensors, fromPayload.Tensors);
        Assert.Equal(payload.Length, fromPayload.PayloadBytes);
        Assert.Equal(lengths.Sum(), fromPayload.TotalCodedBytes);
        Assert.Equal(payload.Length - lengths.Sum(), fromPayload.OverheadBytes);
        Assert.Equal(model.Architecture.ParameterCount(), fromPayload.TotalValues);
    }

    [Fact]
    public void FromModel_Tensor_ReportsShapeCodingAndEntropy()
    {
        var (model, _) = ModelSamples.TwoLevelTableColor();

        var statistics = ModelPayloadStatistics.FromModel(model);

        for (int i = 0; i < model.Tensors.Count; i++)
        {
            var t = model.Tensors[i];
            var s = statistics.Tensors[i];
            Assert.Equal((i, t.Role, t.Level, t.Rows, t.Columns, t.Multiplier, t.Coding), (s.Index, s.Role, s.Level, s.Rows, s.Columns, s.Multiplier, s.Coding));
            Assert.Equal(EntropyStatistics.Order0EntropyBytes(t.Values), s.EntropyBytes, 9);
            Assert.Equal(t.Coding == EntropyCoding.Raw ? RawIntegerCoder.Encode(t.Values).Length : AdaptiveIntegerCoder.Encode(t.Values).Length, s.CodedBytes);
            Assert.Equal(s.CodedBytes / s.EntropyBytes, s.Ratio!.Value, 9);
        }

        Assert.Equal(statistics.Tensors.Sum(t => t.EntropyBytes), statistics.TotalEntropyBytes, 9);
        Assert.Equal(statistics.TotalCodedBytes / statistics.TotalEntropyBytes, statistics.Ratio!.Value, 9);
    }

    [Fact]
    public void Ratio_ConstantTensor_IsNull()
    {
        var s = new ModelPayloadTensorStatistics(0, TensorRole.Bias, 0, 1, 4, 1, EntropyCoding.Adaptive, 6, 0);

        Assert.Null(s.Ratio);
        Assert.Equal(12, s.BitsPerValue);
    }
}
