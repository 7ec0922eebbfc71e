using Asmr.Container;

namespace Asmr.Codec.Tests;

public sealed class WidthSelectionTests
{
    [Fact]
    public void Without_a_width_the_encoder_picks_the_widest_network_that_fits_the_rate_budget()
    {
        var settings = new EncoderSettings();
        long budgetBits = (long)(0.05 * 352 * 288 * 32);
        var a = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings, budgetBits);
        Assert.True(a.ParameterCount() * AsmrEncoder.BitsPerParameter <= budgetBits);
        var wider = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings with { Width = a.Width + 16 });
        Assert.True(wider.ParameterCount() * AsmrEncoder.BitsPerParameter > budgetBits);
    }

    [Fact]
    public void An_explicit_width_or_no_budget_is_respected()
    {
        Assert.Equal(40, AsmrEncoder.PlanSegment(8, 64, 48, ChromaFormat.Yuv420, new EncoderSettings { Width = 40 }, 1000).Width);
        Assert.Equal(64, AsmrEncoder.PlanSegment(8, 64, 48, ChromaFormat.Yuv420, new EncoderSettings()).Width);
    }
}
