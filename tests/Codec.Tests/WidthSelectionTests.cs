using Asmr.Container;

namespace Asmr.Codec.Tests;

public sealed class WidthSelectionTests
{
    [Fact]
    public void Without_a_width_the_encoder_picks_the_widest_network_that_fits_the_rate_budget()
    {
        // With latent grids the network gets what the latents' share leaves, at GridNetworkBitsPerParameter.
        var settings = new EncoderSettings();
        long budgetBits = (long)(0.05 * 352 * 288 * 32);
        double networkBits = budgetBits * (1 - settings.DefaultLatentShare);
        var a = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings, budgetBits);
        Assert.NotEmpty(a.Grids);
        Assert.True(a.ParameterCount() * AsmrEncoder.GridNetworkBitsPerParameter <= networkBits);
        var wider = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings with { Width = a.Width + 8 });
        Assert.True(wider.ParameterCount() * AsmrEncoder.GridNetworkBitsPerParameter > networkBits);
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
