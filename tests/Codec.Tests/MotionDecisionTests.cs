using Asmr.Codec.Motion;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Tests;

public sealed class MotionDecisionTests
{
    private const int Width = 80, Height = 64;

    [Fact]
    public void A_smooth_pan_is_coded_with_motion()
    {
        var video = Pan(frames: 6, samplesPerFrame: 0.75);

        var plan = MotionDecision.Choose(video, budgetBits: 200_000)!;

        Assert.True(plan.Used, plan.Reason);
        Assert.True(plan.CeilingPsnr >= MotionDecision.MinCeilingDb, plan.Reason);
        Assert.Equal(MotionDecision.RecordBytes(plan.Field!), plan.Bytes);
        Assert.Equal(video.Frames.Count, plan.Aligned!.Frames.Count);
        Assert.Contains(Enumerable.Range(0, plan.Field!.FrameCount), f => plan.Field.Frame(f).ContainsAnyExcept(0));
    }

    [Fact]
    public void A_still_clip_has_no_motion_to_code()
    {
        var plan = MotionDecision.Choose(Pan(frames: 4, samplesPerFrame: 0), budgetBits: 200_000)!;

        Assert.False(plan.Used);
        Assert.Equal("no motion found", plan.Reason);
    }

    [Fact]
    public void Vectors_that_would_take_more_than_their_share_of_the_budget_are_not_coded()
    {
        var video = Pan(frames: 6, samplesPerFrame: 0.75);
        int bytes = MotionDecision.Choose(video, budgetBits: 200_000, blockLog2: 4)!.Bytes;

        var plan = MotionDecision.Choose(video, budgetBits: (long)(bytes * 8 / MotionDecision.MaxBudgetShare) - 8, blockLog2: 4)!;

        Assert.False(plan.Used);
        Assert.Contains("of the budget", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_grow_until_the_vectors_fit_their_share_of_the_budget()
    {
        var video = Pan(frames: 6, samplesPerFrame: 0.75);
        int fine = MotionDecision.Choose(video, budgetBits: 200_000, blockLog2: 4)!.Bytes;
        int coarse = MotionDecision.Choose(video, budgetBits: 200_000, blockLog2: 5)!.Bytes;
        Assert.True(coarse < fine, $"{coarse} B at 32x32 against {fine} B at 16x16");

        var plan = MotionDecision.Choose(video, budgetBits: (long)(fine * 8 / MotionDecision.MaxBudgetShare) - 8)!;

        Assert.True(plan.Used, plan.Reason);
        Assert.Equal(5, plan.Field!.BlockLog2);
        Assert.Equal(coarse, plan.Bytes);
        Assert.Contains("32x32", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_moved_back_clip_can_still_be_asked_for_and_reaches_a_lower_ceiling()
    {
        var video = Pan(frames: 6, samplesPerFrame: 0.75);

        var moved = MotionDecision.Choose(video, budgetBits: 200_000, preimage: false)!;
        var solved = MotionDecision.Choose(video, budgetBits: 200_000)!;

        Assert.True(moved.Used && solved.Used, moved.Reason + " / " + solved.Reason);
        Assert.True(solved.CeilingPsnr > moved.CeilingPsnr, $"pre-image {solved.CeilingPsnr:F2} dB, moved back {moved.CeilingPsnr:F2} dB");
    }

    [Fact]
    public void One_frame_has_no_motion_plan()
    {
        Assert.Null(MotionDecision.Choose(Pan(frames: 1, samplesPerFrame: 1), budgetBits: 200_000));
    }

    /// <summary>A smooth grey picture moving right by <paramref name="samplesPerFrame"/> every frame.</summary>
    private static VideoClip Pan(int frames, double samplesPerFrame) => new([.. Enumerable.Range(0, frames).Select(t =>
    {
        var frame = new VideoFrame(Width, Height, ChromaFormat.Mono400, 8);
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                double u = x - (t * samplesPerFrame);
                frame.Planes[0][(y * Width) + x] = (ushort)Math.Round(128 + (60 * Math.Sin(u * 0.21) * Math.Cos(y * 0.17)) + (40 * Math.Sin((u * 0.07) + (y * 0.11))));
            }
        }

        return frame;
    })]);
}
