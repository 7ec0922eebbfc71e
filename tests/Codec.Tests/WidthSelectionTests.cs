using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Codec.Tests;

public sealed class WidthSelectionTests
{
    [Fact]
    public void Without_a_width_the_encoder_picks_the_widest_network_that_fits_the_rate_budget()
    {
        // With latent grids the network and the grids' context models get what the latents' share leaves, less the
        // payload's headers and the output filter.
        var settings = new EncoderSettings();
        long budgetBits = (long)(0.05 * 352 * 288 * 32);
        var a = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings, budgetBits);
        Assert.NotEmpty(a.Grids);
        Assert.True(PlannedBits(a, settings) <= NetworkBits(a, settings, budgetBits));
        var wider = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings with { Width = a.Width + 8 });
        Assert.True(PlannedBits(wider, settings) > NetworkBits(wider, settings, budgetBits));
    }

    [Fact]
    public void The_networks_share_pays_the_payload_headers_and_the_output_filter()
    {
        // akiyo CIF at 0.025 bpp with its 16×16 motion vectors (1,692 B): the share alone affords H = 16, but after the
        // ≈ 330 B of headers and filter its weights got ≈ 5 bits each and lost 2 dB to quantization (H = 12: +1.74 dB).
        var settings = new EncoderSettings().ForMotion();
        long budgetBits = (long)(0.023854 * 352 * 288 * 32) - (8 * 1692);
        settings = settings.ForSegmentBudget(budgetBits);
        var a = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings, budgetBits);
        Assert.Equal(12, a.Width);

        var sixteen = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings with { Width = 16 });
        Assert.True(PlannedBits(sixteen, settings) <= budgetBits * (1 - settings.DefaultLatentShare), "without the headers and filter H = 16 would fit");
        int unplanned = AsmrEncoder.UnplannedBytes(Coded(sixteen, settings), settings);
        Assert.InRange(unplanned, 250, 450);
    }

    [Fact]
    public void Without_context_models_the_headers_stay_inside_the_bits_per_parameter()
    {
        // fast's BitsPerParameter was calibrated with its 19-byte record headers inside it.
        var settings = new EncoderSettings { Preset = EncoderPreset.Fast };
        long budgetBits = (long)(0.0125 * 352 * 288 * 32);
        var a = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings.ForSegmentBudget(budgetBits), budgetBits);
        Assert.Equal(0, AsmrEncoder.UnplannedBytes(a, settings));
        Assert.Equal(24, a.Width);
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
        var interpolated = Coded(a, settings).WithInterpolatedGrids([true, false]);
        Assert.Equal(5, interpolated.ModelVersion);
    }

    /// <summary>The encoder's estimate of a plan's network and context models: the network at GridNetworkBitsPerParameter, the context models at ContextBitsPerParameter.</summary>
    private static double PlannedBits(ModelArchitecture plan, EncoderSettings settings)
    {
        var coded = Coded(plan, settings);
        long contextParameters = coded.ParameterCount() - plan.ParameterCount();
        return (plan.ParameterCount() * AsmrEncoder.GridNetworkBitsPerParameter) + (contextParameters * AsmrEncoder.ContextBitsPerParameter);
    }

    /// <summary>The plan with the preset's context model on every grid, as the planner counts it.</summary>
    private static ModelArchitecture Coded(ModelArchitecture plan, EncoderSettings settings) =>
        plan.WithContextModels([.. plan.Grids.Select(_ => settings.DefaultContextHidden)]);

    /// <summary>The bits the planner gives a plan's network and context models: the latents' share and the unplanned bytes taken off.</summary>
    private static double NetworkBits(ModelArchitecture plan, EncoderSettings settings, long budgetBits) =>
        (budgetBits * (1 - settings.DefaultLatentShare))
        - (8.0 * AsmrEncoder.UnplannedBytes(Coded(plan, settings), settings));

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
