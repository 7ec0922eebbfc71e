using Asmr.Codec.Training;
using Asmr.Container.Entropy;
using Asmr.Container.Model;
using Asmr.Decoder.Motion;

namespace Asmr.Codec.Motion;

/// <summary>
/// Whether a segment is coded with a motion field (model_version 4), and which: the encoder searches the motion, finds
/// the picture the decoder's warp carries closest to the source (<see cref="MotionPreimage"/>) and checks what a
/// perfect fit of it would give once warped. Motion is used only when that ceiling is high and the vectors take a small
/// share of the budget (at 0.0125 bpp akiyo's 16 × 16 vectors were a third of the file, which lost); blocks grow from
/// 16 × 16 to 64 × 64 until both hold (foreman's 16 × 16 vectors would take half its budget, its 32 × 32 ones 16 %).
/// </summary>
internal static class MotionDecision
{
    /// <summary>
    /// Block size exponents tried, finest first: 16 × 16 gave akiyo its best file (32 × 32 −0.22 dB, 64 × 64 −1.42; 8 × 8
    /// cost more vectors for no measured gain), 32 × 32 gave foreman +0.65 dB where 16 × 16 did not fit.
    /// </summary>
    public static readonly int[] BlockLog2s = [4, 5, 6];

    /// <summary>Whole samples searched each way around a block's vector in the frame nearer the reference.</summary>
    public const int SearchRange = 4;

    /// <summary>SSE (8-bit units squared) per bit of vector: λ = 500 gave akiyo its best file (2000 cost 0.2 dB).</summary>
    public const double SearchLambda = 500;

    /// <summary>
    /// RGB PSNR (Y PSNR for grey video) the warped target must reach for the field to be used (akiyo 58.2 dB; foreman
    /// 37.0 at 16 × 16 blocks, 38.5 at 32 × 32, 36.5 at 64 × 64).
    /// </summary>
    public const double MinCeilingDb = 38;

    /// <summary>Largest share of the segment's bits the vectors may take (akiyo at 0.05 bpp: 9 %, foreman's 32 × 32: 16 %, both won; akiyo at 0.0125 bpp: 35 %, which lost).</summary>
    public const double MaxBudgetShare = 0.2;

    /// <summary>
    /// The field to code <paramref name="video"/> with, or null when motion does not pay (see the class summary), or
    /// when the segment has one frame or no motion at all.
    /// </summary>
    /// <param name="budgetBits">The segment's bits.</param>
    /// <param name="blockLog2">One block size exponent to try instead of <see cref="BlockLog2s"/>.</param>
    /// <param name="preimage">Fit the warp's least-squares pre-image (<see cref="MotionPreimage"/>); false: the moved-back clip (<see cref="MotionAlignment"/>).</param>
    /// <param name="maxShare">Largest share of the budget the vectors may take.</param>
    /// <param name="threads">Threads for the pre-image.</param>
    public static MotionPlan? Choose(VideoClip video, long budgetBits, int? blockLog2 = null, bool preimage = true, double maxShare = MaxBudgetShare, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (video.Frames.Count < 2)
        {
            return null;
        }

        var luma = video.Frames.Select(f => f.Planes[0]).ToList();
        MotionPlan? refused = null;
        foreach (int b in blockLog2 is { } only ? [only] : BlockLog2s)
        {
            int size = 1 << b;
            var field = MotionSearch.Estimate(luma, video.Width, video.Height, video.BitDepth, video.Frames.Count / 2, b, SearchRange, SearchLambda);
            if (Enumerable.Range(0, field.FrameCount).All(f => !field.Frame(f).ContainsAnyExcept(0)))
            {
                return refused ?? new MotionPlan(null, 0, double.PositiveInfinity, "no motion found");
            }

            int bytes = RecordBytes(field);
            if (bytes * 8.0 > maxShare * budgetBits)
            {
                refused = new MotionPlan(null, bytes, double.NaN, $"the vectors ({bytes:N0} B at {size}x{size} blocks) would take more than {maxShare:P0} of the budget");
                continue;
            }

            var target = preimage ? MotionPreimage.Solve(video, field, threads: threads) : MotionAlignment.Align(video, field);
            var shown = target.Frames.Select((frame, t) => MotionCompensation.Apply(frame, field, t).Planes).ToList();
            var metrics = VideoMetrics.Measure(video, shown);
            double ceiling = video.PlaneCount == 1 ? metrics.PsnrY : metrics.PsnrRgb;
            if (ceiling >= MinCeilingDb)
            {
                return new MotionPlan(field, bytes, ceiling, $"{bytes:N0} B of vectors at {size}x{size} blocks; a perfect fit would measure {ceiling:0.00} dB", target);
            }

            refused = new MotionPlan(null, bytes, ceiling, $"the warp at {size}x{size} blocks would cap the quality at {ceiling:0.00} dB");
        }

        return refused;
    }

    /// <summary>
    /// Bytes the field's record takes in the payload (§10.8): its compact header (motion comes only with context-coded
    /// grids, whose payloads the encoder writes as model_version 7) and its adaptive-coded differences; the header's
    /// motion_block_log2 byte is part of the payload's fixed overhead.
    /// </summary>
    public static int RecordBytes(MotionField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return ModelPayloadFormat.CompactRecordLength(1, AdaptiveIntegerCoder.Encode(field.Differences()).Length);
    }
}
