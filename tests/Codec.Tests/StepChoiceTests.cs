using Asmr.Codec.Quantization;
using Asmr.Codec.Training;

namespace Asmr.Codec.Tests;

/// <summary>Choosing one candidate step per tensor against a byte budget or a distortion allowance (λ bisection).</summary>
public sealed class StepChoiceTests
{
    /// <summary>Two tensors; finer steps cost more bytes and add less distortion, at different exchange rates.</summary>
    private static readonly IReadOnlyList<IReadOnlyList<StepCandidate>> Candidates =
    [
        [new(1, 1000, 0.0), new(2, 700, 1e-6), new(4, 400, 1e-5), new(8, 150, 1e-3)],
        [new(1, 2000, 0.0), new(2, 1200, 2e-4), new(4, 600, 5e-4), new(8, 300, 2e-3)],
    ];

    [Theory]
    [InlineData(3000)]
    [InlineData(1600)]
    [InlineData(1000)]
    [InlineData(450)]
    public void Budget_choice_fits_and_a_larger_budget_never_adds_distortion(long budget)
    {
        var chosen = Picked(StepSearch.ChooseForBudget(Candidates, budget, double.PositiveInfinity, out _));
        var larger = Picked(StepSearch.ChooseForBudget(Candidates, budget + 500, double.PositiveInfinity, out _));

        Assert.True(chosen.Sum(c => c.Bytes) <= budget);
        Assert.True(larger.Sum(c => c.Distortion) <= chosen.Sum(c => c.Distortion));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.5e-4)]
    [InlineData(6e-4)]
    [InlineData(1.0)]
    public void Distortion_choice_stays_within_the_allowance_and_uses_fewer_bytes_as_it_grows(double allowance)
    {
        var chosen = Picked(StepSearch.ChooseForDistortion(Candidates, allowance, out _));
        var looser = Picked(StepSearch.ChooseForDistortion(Candidates, (allowance * 2) + 1e-4, out _));

        Assert.True(chosen.Sum(c => c.Distortion) <= allowance);
        Assert.True(looser.Sum(c => c.Bytes) <= chosen.Sum(c => c.Bytes));
    }

    [Fact]
    public void A_generous_allowance_takes_the_coarsest_steps_and_none_takes_the_finest()
    {
        Assert.Equal([8u, 8u], StepSearch.ChooseForDistortion(Candidates, 1.0, out _));
        Assert.Equal([1u, 1u], StepSearch.ChooseForDistortion(Candidates, 0.0, out _));
    }

    [Fact]
    public void A_budget_the_latents_alone_overshoot_is_missed_rather_than_met_by_zeroing_a_tensor()
    {
        // A phase table whose coarsest step rounds it to all zeros (5 bytes, a flat picture), and latents: one candidate,
        // already over the budget by themselves.
        IReadOnlyList<IReadOnlyList<StepCandidate>> candidates =
        [
            [new(1 << 20, 300, 0.0), new(1 << 24, 120, 2e-4), new(StepSearch.HalfTurn, 5, 0.05)],
            [new(1, 5000, 0.0)],
        ];

        Assert.Equal([1u << 24, 1u], StepSearch.ChooseForBudget(candidates, 1000, 1e-3, out _));
        Assert.Equal([1u << 20, 1u], StepSearch.ChooseForBudget(candidates, 1000, 0.0, out _));
    }

    [Fact]
    public void A_distortion_ceiling_leaves_a_budget_that_can_be_met_alone()
    {
        foreach (long budget in new long[] { 3000, 1600, 1000, 450 })
        {
            Assert.Equal(
                StepSearch.ChooseForBudget(Candidates, budget, double.PositiveInfinity, out _),
                StepSearch.ChooseForBudget(Candidates, budget, 1.0, out _));
        }
    }

    [Fact]
    public void No_phase_step_is_coarser_than_half_a_turn()
    {
        // A phase table spread over the whole turn (as initialised): its coarsest candidate, 4 × its RMS, is over a turn.
        using var network = new AsmrNetwork(Asmr.Codec.AsmrEncoder.PlanSegment(2, 32, 32, Asmr.Container.ChromaFormat.Yuv420, new EncoderSettings { Width = 8 }), new NetworkInit(), 1);
        var video = TestVideos.Smooth(2, 32, 32);
        using var target = new TrainingTarget(network.Architecture, video);
        var layout = network.Architecture.TensorLayout();
        var candidates = StepSearch.Measure(network, target, Trainer.RgbWeights);
        for (int i = 0; i < layout.Count; i++)
        {
            if (TensorUnits.IsPhase(layout[i].Role))
            {
                Assert.All(candidates[i], c => Assert.True(c.Multiplier <= StepSearch.HalfTurn, $"tensor {i} ({layout[i].Role}): μ = {c.Multiplier}"));
            }
        }
    }

    private static StepCandidate[] Picked(uint[] multipliers) =>
        [.. multipliers.Select((m, t) => Candidates[t].Single(c => c.Multiplier == m))];

    [Fact]
    public void Rescale_scales_each_tensor_by_how_its_chosen_step_actually_coded()
    {
        IReadOnlyList<IReadOnlyList<StepCandidate>> candidates =
        [
            [new(4, 100, 0.1), new(8, 60, 0.2)],
            [new(1, 50, 0)],
        ];

        var rescaled = StepSearch.Rescale(candidates, [8u, 1u], [90, 40]);

        Assert.Equal([150, 90], rescaled[0].Select(c => c.Bytes));
        Assert.Equal([40], rescaled[1].Select(c => c.Bytes));
        Assert.Equal([0.1, 0.2], rescaled[0].Select(c => c.Distortion));
    }
}
