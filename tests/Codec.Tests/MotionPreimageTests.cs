using Asmr.Codec.Motion;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Motion;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Tests;

public sealed class MotionPreimageTests
{
    private const int Width = 96, Height = 64;

    [Fact]
    public void A_field_without_motion_leaves_the_source_as_it_is()
    {
        var video = Textured(frames: 3, ChromaFormat.Yuv420);
        var field = new MotionField(4, Width, Height, [.. Enumerable.Range(0, 3).Select(_ => new int[2 * 4 * 6])]);

        var solved = MotionPreimage.Solve(video, field);

        for (int t = 0; t < 3; t++)
        {
            for (int p = 0; p < 3; p++)
            {
                Assert.Equal(video.Frames[t].Planes[p], solved.Frames[t].Planes[p]);
            }
        }
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv420)]
    [InlineData(ChromaFormat.Yuv444)]
    [InlineData(ChromaFormat.Mono400)]
    public void The_warp_brings_the_preimage_closer_to_the_source_than_the_moved_back_clip(ChromaFormat chroma)
    {
        // Blocks moving apart by fractions of a sample and by several samples: moving back and forth does not cancel
        // where the field changes over the distance moved, and each fractional read blurs.
        var video = Textured(frames: 3, chroma);
        var field = Diverging(frames: 3);

        double moved = RoundTripError(video, MotionAlignment.Align(video, field), field);
        double solved = RoundTripError(video, MotionPreimage.Solve(video, field), field);

        Assert.True(solved < moved / 20, $"squared error: pre-image {solved:F1}, moved back {moved:F1}");
    }

    [Fact]
    public void The_same_input_gives_the_same_preimage_on_any_number_of_threads()
    {
        var video = Textured(frames: 4, ChromaFormat.Yuv420);
        var field = Diverging(frames: 4);

        var first = MotionPreimage.Solve(video, field, threads: 1);
        var second = MotionPreimage.Solve(video, field, threads: 3);

        for (int t = 0; t < 4; t++)
        {
            for (int p = 0; p < 3; p++)
            {
                Assert.Equal(first.Frames[t].Planes[p], second.Frames[t].Planes[p]);
            }
        }
    }

    private static double RoundTripError(VideoClip video, VideoClip target, MotionField field)
    {
        double sse = 0;
        for (int t = 0; t < video.Frames.Count; t++)
        {
            var shown = MotionCompensation.Apply(target.Frames[t], field, t);
            for (int p = 0; p < shown.Planes.Length; p++)
            {
                // The warp repeats the picture's edge where it reads outside it, which no target can undo: the border
                // (the largest move, 8 samples) is left out.
                int w = shown.PlaneWidth(p), h = shown.PlaneHeight(p), border = 8 * w / Width;
                for (int y = border; y < h - border; y++)
                {
                    for (int x = border; x < w - border; x++)
                    {
                        double d = shown.Planes[p][(y * w) + x] - video.Frames[t].Planes[p][(y * w) + x];
                        sse += d * d;
                    }
                }
            }
        }

        return sse;
    }

    /// <summary>16 × 16 blocks; frame t's left half moves by −(t·2.75) samples along x, its right half by +(t·1.5), rows alternate ±t/4 along y.</summary>
    private static MotionField Diverging(int frames)
    {
        int blocksY = MotionField.Blocks(Height, 4), blocksX = MotionField.Blocks(Width, 4);
        var vectors = new int[frames][];
        for (int t = 0; t < frames; t++)
        {
            vectors[t] = new int[2 * blocksY * blocksX];
            for (int j = 0; j < blocksY; j++)
            {
                for (int i = 0; i < blocksX; i++)
                {
                    int at = 2 * ((j * blocksX) + i);
                    vectors[t][at] = (j % 2 == 0 ? 1 : -1) * t;
                    vectors[t][at + 1] = i < blocksX / 2 ? -11 * t : 6 * t;
                }
            }
        }

        return new MotionField(4, Width, Height, vectors);
    }

    /// <summary>Detailed pictures (sines of several frequencies) that change a little from frame to frame.</summary>
    private static VideoClip Textured(int frames, ChromaFormat chroma) => new([.. Enumerable.Range(0, frames).Select(t =>
    {
        var frame = new VideoFrame(Width, Height, chroma, 8);
        for (int p = 0; p < frame.Planes.Length; p++)
        {
            int w = frame.PlaneWidth(p), h = frame.PlaneHeight(p);
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    double v = 128 + (50 * Math.Sin((x * 0.5) + (p * 0.5)) * Math.Cos(y * 0.45)) + (40 * Math.Sin((x * 0.13) + (y * 0.31) + (t * 0.2)));
                    frame.Planes[p][(y * w) + x] = (ushort)Math.Clamp(Math.Round(v), 0, 255);
                }
            }
        }

        return frame;
    })]);
}
