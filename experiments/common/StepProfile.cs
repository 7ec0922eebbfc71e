using System.Diagnostics;
using Asmr.Codec.Training;
using static TorchSharp.torch;

namespace Asmr.Experiments;

/// <summary>
/// Where a training step's time goes: the shared levels (pre), the last level with the loss, and the latents' rate,
/// each forward and backward, timed over <c>steps</c> repetitions on the network as the encoder built it.
/// </summary>
internal static class StepProfile
{
    public static void Print(AsmrNetwork network, VideoClip video, int steps, int threads, double cellFraction)
    {
        set_num_threads(threads);
        using var target = new TrainingTarget(network.Architecture, video);
        var weights = network.Architecture.OutputChannels == 3 ? Trainer.RgbWeights : [1.0];
        network.LatentNoise = true;
        void Time(string name, Action body)
        {
            body();
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < steps; i++)
            {
                using var scope = NewDisposeScope();
                body();
                network.zero_grad();
            }

            Console.WriteLine($"PROFILE {name}: {clock.Elapsed.TotalMilliseconds / steps:F1} ms");
        }

        Time("shared levels (pre)", () => network.SharedPre().sum().backward());
        using (var pre = network.SharedPre().detach())
        {
            Time("last level + loss", () =>
            {
                var p = pre.requires_grad_(true);
                target.Loss(network.ForwardPooled(p, target.Pooling), weights).backward();
            });
        }

        Time("latent rate", () => network.LatentBits().backward());
        if (cellFraction < 1)
        {
            var sampler = new CellSampler(target.CellCount, cellFraction, 1, new TrainerOptions().MinSampledCells);
            Time($"sampled step ({cellFraction}), whole pre", () =>
            {
                var cells = sampler.Draw();
                var l = target.Loss(network.ForwardPooled(network.SharedPre().index_select(0, cells), target.Pooling), weights, cells);
                (l + (network.LatentBits() * 1e-9)).backward();
            });
            Time($"sampled step ({cellFraction}), pre of the drawn cells", () =>
            {
                var cells = sampler.Draw();
                var l = target.Loss(network.ForwardPooled(network.SharedPre(cells), target.Pooling), weights, cells);
                (l + (network.LatentBits() * 1e-9)).backward();
            });
            Time($"sampled step ({cellFraction}), pre of the drawn cells, no rate", () =>
            {
                var cells = sampler.Draw();
                target.Loss(network.ForwardPooled(network.SharedPre(cells), target.Pooling), weights, cells).backward();
            });
        }

        Time("whole step", () =>
        {
            var l = target.Loss(network.ForwardPooled(network.SharedPre(), target.Pooling), weights);
            (l + (network.LatentBits() * 1e-9)).backward();
        });
    }
}
