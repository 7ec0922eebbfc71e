namespace Asmr.Codec.Training;

/// <summary>What the spike guard makes of a reported loss.</summary>
internal enum SpikeVerdict
{
    /// <summary>Neither a new reference nor a spike.</summary>
    None,

    /// <summary>Below the reference: the parameters are the ones to return to.</summary>
    NewReference,

    /// <summary>Above <see cref="TrainerOptions.SpikeFactor"/> times the reference: a spike.</summary>
    Spike,
}

/// <summary>
/// The loss the spike guard compares each report with: the lowest reported, allowed to rise by a fraction per report
/// (<see cref="TrainerOptions.SpikeBaselineRise"/>), so that the distortion the rate pulls up over thousands of steps
/// is not taken for a spike while a jump still is.
/// </summary>
internal sealed class SpikeReference(double factor, double risePerReport)
{
    public double Loss { get; private set; } = double.PositiveInfinity;

    public SpikeVerdict Observe(double loss)
    {
        Loss *= 1 + risePerReport;
        if (loss < Loss)
        {
            Loss = loss;
            return SpikeVerdict.NewReference;
        }

        return loss > factor * Loss ? SpikeVerdict.Spike : SpikeVerdict.None;
    }
}
