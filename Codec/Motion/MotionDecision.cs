using Asmr.Codec.Training;
using Asmr.Container.Entropy;
using Asmr.Container.Model;
using Asmr.Decoder.Motion;

namespace Asmr.Codec.Motion;

/// <summary>
/// Whether a segment is coded with a motion field (model_version 4), and which: the encoder searches the motion,
/// moves the source back along it and checks what a perfect fit of the moved-back clip would give once the decoder warps
/// it forward again. Motion is used only when that ceiling is high (where the field cannot describe the change, as in
/// foreman, where the head and the pan move differently, the warp caps the quality below what the plain fit reaches) and
/// the vectors take a small share of the budget (at 0.0125 bpp akiyo's vectors were a third of the file).
/// </summary>
internal static class MotionDecision
{
    /// <summary>Luma block size exponent of the field: 16 × 16 blocks (8 × 8 cost more vectors for no measured gain).</summary>
    public const int BlockLog2 = 4;

    /// <summary>Whole samples searched each way around a block's vector in the frame nearer the reference.</summary>
    public const int SearchRange = 4;

    /// <summary>SSE (8-bit units squared) per bit of vector: λ = 500 gave akiyo its best file (2000 cost 0.2 dB).</summary>
    public const double SearchLambda = 500;

    /// <summary>
    /// RGB PSNR (Y PSNR for grey video) the warped-back source must reach for the field to be used (akiyo 45.1 dB; foreman 24.0, below the 25.5
    /// its plain fit reaches at 0.05 bpp).
    /// </summary>
    public const double MinCeilingDb = 38;

    /// <summary>Largest share of the segment's bits the vectors may take (akiyo at 0.05 bpp: 9 %; at 0.0125 bpp: 35 %, which lost).</summary>
    public const double MaxBudgetShare = 0.15;

    /// <summary>
    /// The field to code <paramref name="video"/> with, or null when motion does not pay (see the class summary), or
    /// when the segment has one frame or no motion at all.
    /// </summary>
    /// <param name="budgetBits">The segment's bits.</param>
    /// <param name="blockLog2">The field's block size exponent.</param>
    public static MotionPlan? Choose(VideoClip video, long budgetBits, int blockLog2 = BlockLog2)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (video.Frames.Count < 2)
        {
            return null;
        }

        var field = MotionSearch.Estimate(
            [.. video.Frames.Select(f => f.Planes[0])], video.Width, video.Height, video.BitDepth, video.Frames.Count / 2, blockLog2, SearchRange, SearchLambda);
        if (Enumerable.Range(0, field.FrameCount).All(f => !field.Frame(f).ContainsAnyExcept(0)))
        {
            return new MotionPlan(null, 0, double.PositiveInfinity, "no motion found");
        }

        int bytes = RecordBytes(field);
        if (bytes * 8.0 > MaxBudgetShare * budgetBits)
        {
            return new MotionPlan(null, bytes, double.NaN, $"the vectors ({bytes:N0} B) would take more than {MaxBudgetShare:P0} of the budget");
        }

        var aligned = MotionAlignment.Align(video, field);
        var shown = aligned.Frames.Select((frame, t) => MotionCompensation.Apply(frame, field, t).Planes).ToList();
        var metrics = VideoMetrics.Measure(video, shown);
        double ceiling = video.PlaneCount == 1 ? metrics.PsnrY : metrics.PsnrRgb;
        return ceiling >= MinCeilingDb
            ? new MotionPlan(field, bytes, ceiling, $"{bytes:N0} B of vectors; the warped-back source measures {ceiling:0.00} dB", aligned)
            : new MotionPlan(null, bytes, ceiling, $"the warp would cap the quality at {ceiling:0.00} dB");
    }

    /// <summary>Bytes the field's record takes in the payload (§10.8): its header, motion_block_log2 and its adaptive-coded differences.</summary>
    public static int RecordBytes(MotionField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return 1 + ModelPayloadFormat.RecordHeaderLength + AdaptiveIntegerCoder.Encode(field.Differences()).Length;
    }
}
