using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Codec.Tests;

public sealed class WidthSelectionTests
{
    [Fact]
    public void Without_a_width_the_encoder_picks_the_widest_network_that_fits_the_rate_budget()
    {
        // With latent grids the network and the grids' context models get what the latents' share leaves.
        var settings = new EncoderSettings();
        long budgetBits = (long)(0.05 * 352 * 288 * 32);
        double networkBits = budgetBits * (1 - settings.DefaultLatentShare);
        var a = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings, budgetBits);
        Assert.NotEmpty(a.Grids);
        Assert.True(PlannedBits(a, settings) <= networkBits);
        var wider = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings with { Width = a.Width + 8 });
        Assert.True(PlannedBits(wider, settings) > networkBits);
    }

    [Fact]
    public void The_grids_context_models_come_out_of_the_networks_share()
    {
        // akiyo at 0.025 bpp with its 16×16 motion vectors (1,692 B): counted at the network's rate, the context models
        // would leave room for H = 16, whose weights then quantized too coarsely.
        var settings = new EncoderSettings().ForMotion();
        long budgetBits = (long)(0.02327 * 352 * 288 * 32) - (8 * 1692);
        var a = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings.ForSegmentBudget(budgetBits), budgetBits);
        Assert.Equal(12, a.Width);
        var sixteen = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings with { Width = 16 });
        Assert.True(sixteen.ParameterCount() * AsmrEncoder.GridNetworkBitsPerParameter <= budgetBits * (1 - settings.DefaultLatentShare));
    }

    [Fact]
    public void A_low_rate_plans_coarse_grids_whose_small_context_models_leave_a_narrow_network()
    {
        // 0.0125 bpp on 32 CIF frames: the preset's context models do not fit, small ones do, on 4×4-sample cells (levels
        // 2 and 3), and counting them narrows the network to H = 12 (H = 16 lost 2.5 dB of its fit to quantization there).
        long budgetBits = (long)(0.01077 * 352 * 288 * 32);
        var settings = new EncoderSettings().ForSegmentBudget(budgetBits);
        var a = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings, budgetBits);

        Assert.Equal(EncoderSettings.SmallContextHidden, settings.DefaultContextHidden);
        Assert.Equal([2, 3], a.Grids.Select(g => g.Level));
        Assert.Equal(12, a.Width);
        var interpolated = a.WithContextModels([.. a.Grids.Select(_ => settings.DefaultContextHidden)]).WithInterpolatedGrids([true, false]);
        Assert.Equal(5, interpolated.ModelVersion);
    }

    /// <summary>The encoder's estimate of a plan's network and context models: the network at GridNetworkBitsPerParameter, the context models at ContextBitsPerParameter.</summary>
    private static double PlannedBits(ModelArchitecture plan, EncoderSettings settings)
    {
        var coded = plan.WithContextModels([.. Enumerable.Repeat(settings.DefaultContextHidden, plan.Grids.Count)]);
        long contextParameters = coded.ParameterCount() - plan.ParameterCount();
        return (plan.ParameterCount() * AsmrEncoder.GridNetworkBitsPerParameter) + (contextParameters * AsmrEncoder.ContextBitsPerParameter);
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public void A_budget_chosen_width_decodes_within_the_mac_limit_and_an_explicit_one_is_not_capped(int width, int height)
    {
        var settings = new EncoderSettings();
        long budgetBits = (long)(0.05 * width * height * 32);
        var a = AsmrEncoder.PlanSegment(32, width, height, ChromaFormat.Yuv420, settings, budgetBits);
        Assert.True(a.MacsPerSample() <= AsmrEncoder.MaxMacsPerPixel, $"{a.MacsPerSample():0} MAC/px at H = {a.Width}");
        var wider = AsmrEncoder.PlanSegment(32, width, height, ChromaFormat.Yuv420, settings with { Width = a.Width + 16 }, budgetBits);
        Assert.True(wider.MacsPerSample() > AsmrEncoder.MaxMacsPerPixel, "the budget alone would buy a wider network");
        Assert.Equal(a.Width + 16, wider.Width);
    }

    [Fact]
    public void An_explicit_width_or_no_budget_is_respected()
    {
        Assert.Equal(40, AsmrEncoder.PlanSegment(8, 64, 48, ChromaFormat.Yuv420, new EncoderSettings { Width = 40 }, 1000).Width);
        Assert.Equal(64, AsmrEncoder.PlanSegment(8, 64, 48, ChromaFormat.Yuv420, new EncoderSettings()).Width);
    }
}
