using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Codec.Tests;

public sealed class PresetTests
{
    [Theory]
    [InlineData("fast", 4)]
    [InlineData("medium", 2)]
    [InlineData("slow", 2)]
    public void Each_preset_plans_its_last_level_block_size(string preset, int block)
    {
        var settings = new EncoderSettings { Preset = Enum.Parse<EncoderPreset>(preset, ignoreCase: true), Width = 32 };
        var a = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, settings);
        Assert.Equal(block, a.Base(Axis.Y, a.Levels - 1));
        Assert.Equal(block, a.Base(Axis.X, a.Levels - 1));
    }

    [Fact]
    public void An_explicit_block_size_overrides_the_preset()
    {
        var a = AsmrEncoder.PlanSegment(32, 352, 288, ChromaFormat.Yuv420, new EncoderSettings { Preset = EncoderPreset.Fast, LastSpatialBase = 2, Width = 32 });
        Assert.Equal(2, a.Base(Axis.Y, a.Levels - 1));
    }

    [Theory]
    [InlineData("fast", 0, 4)]
    [InlineData("medium", 16, 2)]
    [InlineData("slow", 16, 2)]
    public void Medium_and_slow_plan_context_coded_fine_grids_at_the_default_rate(string preset, int hidden, int gridCell)
    {
        var settings = new EncoderSettings { Preset = Enum.Parse<EncoderPreset>(preset, ignoreCase: true) };
        long cifBudget = (long)(0.05 * 352 * 288 * 32);
        var resolved = settings.ForSegmentBudget(cifBudget);
        Assert.Equal(hidden, resolved.DefaultContextHidden);
        Assert.Equal(gridCell, resolved.DefaultMinGridCell);
        Assert.Equal(hidden > 0 ? 0.35 : 0.25, resolved.DefaultLatentShare);
    }

    [Fact]
    public void A_segment_coded_with_motion_gives_more_of_the_budget_to_context_coded_latents_unless_told()
    {
        long cifBudget = (long)(0.05 * 352 * 288 * 32);
        var medium = new EncoderSettings().ForSegmentBudget(cifBudget);
        Assert.Equal(0.6, medium.ForMotion().DefaultLatentShare);
        Assert.Equal(0.4, (medium with { LatentShare = 0.4 }).ForMotion().DefaultLatentShare);
        var orderZero = new EncoderSettings { ContextHidden = 0 }.ForSegmentBudget(cifBudget);
        Assert.Equal(0.25, orderZero.ForMotion().DefaultLatentShare);
    }

    [Fact]
    public void A_budget_too_small_for_the_presets_context_models_gets_small_ones_on_4x4_sample_cells_unless_told()
    {
        var settings = new EncoderSettings();
        long tinyBudget = 8 * 864;
        Assert.Equal(4, settings.ContextHiddenFor(tinyBudget));
        Assert.Equal(16, settings.ContextHiddenFor(null));
        Assert.Equal(8, (settings with { ContextHidden = 8 }).ContextHiddenFor(tinyBudget));
        Assert.Equal(0, (settings with { Preset = EncoderPreset.Fast }).ContextHiddenFor(tinyBudget));

        var small = settings.ForSegmentBudget(tinyBudget);
        Assert.Equal(4, small.DefaultContextHidden);
        Assert.Equal(4, small.DefaultMinGridCell);
        Assert.Equal(2, (settings with { MinGridCell = 2 }).ForSegmentBudget(tinyBudget).DefaultMinGridCell);
        var full = settings.ForSegmentBudget(8L * 100_000);
        Assert.Equal(16, full.DefaultContextHidden);
        Assert.Equal(2, full.DefaultMinGridCell);
    }

    [Fact]
    public void A_budget_too_small_for_full_context_models_alone_affords_them_with_a_motion_fields_share()
    {
        // 0.025 bpp on 32 CIF frames: a third of it is under two grids' worth, 60 % of it (less the vectors) is not.
        var settings = new EncoderSettings();
        long budget = (long)(0.025 * 352 * 288 * 32);
        Assert.False(settings.AffordsFullContextModels(budget));
        Assert.Equal(4, settings.ContextHiddenFor(budget));
        Assert.True(settings.ForMotion().AffordsFullContextModels(budget - (8 * 1692)));
        Assert.Equal(16, settings.ForMotion().ContextHiddenFor(budget - (8 * 1692)));
        Assert.False(settings.ForMotion().AffordsFullContextModels(budget / 2));
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("medium")]
    [InlineData("slow")]
    public void Every_preset_starts_the_latents_bits_target_at_twice_their_share_unless_told(string preset)
    {
        var settings = new EncoderSettings { Preset = Enum.Parse<EncoderPreset>(preset, ignoreCase: true) };
        Assert.Equal(1, settings.LatentBudgetHeadroom);
        Assert.Equal(0, (settings with { LatentBudgetHeadroom = 0 }).LatentBudgetHeadroom);
    }

    [Fact]
    public void Only_fast_spends_steps_on_quantization_aware_fine_tuning_unless_told()
    {
        Assert.Equal(0.2, new EncoderSettings { Preset = EncoderPreset.Fast }.DefaultQuantizationAwareFraction);
        Assert.Equal(0, new EncoderSettings { Preset = EncoderPreset.Medium }.DefaultQuantizationAwareFraction);
        Assert.Equal(0.1, new EncoderSettings { Preset = EncoderPreset.Slow, QuantizationAwareFraction = 0.1 }.DefaultQuantizationAwareFraction);
    }

    [Fact]
    public void Each_step_fits_half_the_cells_for_fast_and_a_quarter_otherwise_unless_told()
    {
        Assert.Equal(0.5, new EncoderSettings { Preset = EncoderPreset.Fast }.DefaultLastLevelCellFraction);
        Assert.Equal(0.25, new EncoderSettings { Preset = EncoderPreset.Medium }.DefaultLastLevelCellFraction);
        Assert.Equal(0.25, new EncoderSettings { Preset = EncoderPreset.Slow }.DefaultLastLevelCellFraction);
        Assert.Equal(1.0, new EncoderSettings { Preset = EncoderPreset.Fast, LastLevelCellFraction = 1 }.DefaultLastLevelCellFraction);
    }

    [Fact]
    public void Slower_presets_train_longer()
    {
        int fast = new EncoderSettings { Preset = EncoderPreset.Fast }.DefaultSteps;
        int medium = new EncoderSettings { Preset = EncoderPreset.Medium }.DefaultSteps;
        int slow = new EncoderSettings { Preset = EncoderPreset.Slow }.DefaultSteps;
        Assert.True(fast < medium && medium < slow);
    }
}
