using Asmr.Codec.Training;
using Asmr.Container.Model;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Tests;

/// <summary>How closely the fixed-point decoder's pictures follow the float network's, for export tests.</summary>
internal static class DecoderAgreement
{
    /// <summary>Steps fine enough that quantization hardly moves the picture (integers, latents included, μ = 1).</summary>
    public static uint[] FineMultipliers(ModelArchitecture architecture) =>
        [.. architecture.TensorLayout().Select(t => t.Role switch
        {
            TensorRole.Weight or TensorRole.GridLatents => 1u,
            TensorRole.OutputWeight or TensorRole.OutputBias => 1u << 6,
            _ => 1u << 8,
        })];

    /// <summary>The float network's pictures of the whole segment, as samples.</summary>
    public static ushort[][][] FloatFrames(AsmrNetwork network, TrainingTarget target)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return target.Reconstruct(SegmentEvaluation.Output(network, target));
    }

    /// <summary>The largest sample difference, the samples that differ and all samples, over every plane of every frame.</summary>
    public static (int Worst, long Differing, long Total) Compare(ushort[][][] floatFrames, IReadOnlyList<VideoFrame> decoded)
    {
        int worst = 0;
        long differing = 0, total = 0;
        for (int t = 0; t < floatFrames.Length; t++)
        {
            for (int p = 0; p < floatFrames[t].Length; p++)
            {
                for (int i = 0; i < floatFrames[t][p].Length; i++)
                {
                    int diff = Math.Abs(floatFrames[t][p][i] - decoded[t].Planes[p][i]);
                    worst = Math.Max(worst, diff);
                    differing += diff == 0 ? 0 : 1;
                    total++;
                }
            }
        }

        return (worst, differing, total);
    }
}
