namespace Asmr.Benchmarks.RateDistortion;

/// <summary>
/// One asmrc point against the clip's mean frame coded at the same size (<see cref="MeanFrameAnchor"/>), on RGB PSNR.
/// </summary>
/// <param name="Point">The asmrc point.</param>
/// <param name="MeanPsnrRgb">The mean frame's RGB PSNR at the point's size.</param>
/// <param name="Basis">How <paramref name="MeanPsnrRgb"/> was found.</param>
internal sealed record MeanFrameComparison(RdPoint Point, double MeanPsnrRgb, string Basis)
{
    /// <summary>asmrc's RGB PSNR above the mean frame's, dB.</summary>
    public double Margin => Point.PsnrRgb - MeanPsnrRgb;

    /// <summary>Whether asmrc beats the mean frame at its size.</summary>
    public bool Beats => Margin > 0;

    /// <summary>
    /// Compares every asmrc point with the mean-frame curve, read at the point's bytes by linear interpolation of PSNR in
    /// log(bytes). Outside the curve the comparison takes the side that favours asmrc, so a loss is always a real one:
    /// above the largest coded mean frame, the uncoded mean frame (no coding of it scores more); below the smallest,
    /// the smallest coded one (it has more bytes than asmrc).
    /// </summary>
    public static IReadOnlyList<MeanFrameComparison> Compare(IReadOnlyList<RdPoint> points, double uncodedMeanPsnrRgb)
    {
        ArgumentNullException.ThrowIfNull(points);
        var curve = points.Where(p => p.Codec == MeanFrameAnchor.Codec).OrderBy(p => p.Bytes).ToList();
        var result = new List<MeanFrameComparison>();
        if (curve.Count == 0)
        {
            return result;
        }

        foreach (var point in points.Where(p => p.Codec == "asmrc"))
        {
            result.Add(At(curve, point, uncodedMeanPsnrRgb));
        }

        return result;
    }

    private static MeanFrameComparison At(List<RdPoint> curve, RdPoint point, double uncoded)
    {
        if (point.Bytes > curve[^1].Bytes)
        {
            return new(point, uncoded, $"uncoded mean frame (larger than every coded one, {curve[^1].Bytes:N0} B at most)");
        }

        if (point.Bytes <= curve[0].Bytes)
        {
            return new(point, curve[0].PsnrRgb, $"smallest coded mean frame, {curve[0].RateParameter}, {curve[0].Bytes:N0} B");
        }

        int upper = curve.FindIndex(p => p.Bytes >= point.Bytes);
        var (a, b) = (curve[upper - 1], curve[upper]);
        double t = Math.Log((double)point.Bytes / a.Bytes) / Math.Log((double)b.Bytes / a.Bytes);
        double psnr = a.PsnrRgb + (t * (b.PsnrRgb - a.PsnrRgb));
        return new(point, psnr, $"interpolated between {a.RateParameter} ({a.Bytes:N0} B) and {b.RateParameter} ({b.Bytes:N0} B)");
    }
}
