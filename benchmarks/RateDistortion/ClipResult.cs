namespace Asmr.Benchmarks.RateDistortion;

/// <summary>Everything measured on one clip.</summary>
internal sealed record ClipResult
{
    /// <summary>The clip as specified.</summary>
    public required ClipSpec Clip { get; init; }

    /// <summary>Width of the frames every codec encoded.</summary>
    public required int Width { get; init; }

    /// <summary>Height of the frames every codec encoded.</summary>
    public required int Height { get; init; }

    /// <summary>Frames every codec encoded.</summary>
    public required int Frames { get; init; }

    /// <summary>The command that extracted the source y4m.</summary>
    public required string ExtractCommand { get; init; }

    /// <summary>Every point, anchors first, in the order they ran.</summary>
    public required IReadOnlyList<RdPoint> Points { get; init; }

    /// <summary>BD-rates of each asmrc curve against each anchor curve.</summary>
    public required IReadOnlyList<BdRateRow> BdRates { get; init; }

    /// <summary>RGB PSNR of the clip's uncoded mean frame shown for every frame (the ceiling of the mean-frame curve).</summary>
    public double? UncodedMeanPsnrRgb { get; init; }

    /// <summary>Each asmrc point against the mean frame coded by x264 at its size.</summary>
    public IReadOnlyList<MeanFrameComparison> AgainstMeanFrame { get; init; } = [];

    /// <summary>The plot's file name (next to the report).</summary>
    public string PlotFile => $"rd-{Clip.Name}.svg";
}
