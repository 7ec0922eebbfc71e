using Asmr.Codec.Motion;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Motion;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Tests;

public sealed class MotionSearchTests
{
    private const int Width = 64, Height = 48;

    [Fact]
    public void A_frame_that_is_the_reference_moved_by_whole_samples_gets_that_vector_inside_the_picture()
    {
        // Frame 1 shows the reference read 2 samples lower and 3 to the left: its vector is (2, −3) = (8, −12) quarters.
        var luma = new[] { Pattern(0, 0), Pattern(2, -3) };

        var field = MotionSearch.Estimate(luma, Width, Height, 8, reference: 0, blockLog2: 4, range: 4, lambda: 0);

        var v = field.Frame(1);
        for (int j = 1; j < field.BlocksY - 1; j++)
        {
            for (int i = 1; i < field.BlocksX - 1; i++)
            {
                int k = 2 * ((j * field.BlocksX) + i);
                Assert.Equal((8, -12), (v[k], v[k + 1]));
            }
        }

        Assert.All(field.Frame(0).ToArray(), c => Assert.Equal(0, c));
    }

    [Fact]
    public void A_pan_is_followed_beyond_the_search_range()
    {
        // 3 samples a frame, ±3 searched: frames 2 away from the reference are 6 samples off.
        var luma = Enumerable.Range(0, 5).Select(t => Pattern(0, 3 * (t - 2))).ToArray();

        var field = MotionSearch.Estimate(luma, Width, Height, 8, reference: 2, blockLog2: 4, range: 3, lambda: 0);

        int centre = 2 * ((1 * field.BlocksX) + 1);
        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(4 * 3 * (t - 2), field.Frame(t)[centre + 1]);
        }
    }

    [Fact]
    public void A_quarter_sample_move_of_a_smooth_picture_is_found()
    {
        var luma = new[] { Smooth(0), Smooth(0.25) };

        var field = MotionSearch.Estimate(luma, Width, Height, 8, reference: 0, blockLog2: 4, range: 1, lambda: 0);

        int k = 2 * ((1 * field.BlocksX) + 1);
        Assert.Equal((0, 1), (field.Frame(1)[k], field.Frame(1)[k + 1]));
    }

    [Fact]
    public void A_high_lambda_keeps_the_predicted_vector()
    {
        var luma = new[] { Pattern(0, 0), Pattern(1, 1) };

        var field = MotionSearch.Estimate(luma, Width, Height, 8, reference: 0, blockLog2: 4, range: 4, lambda: 1e12);

        Assert.All(field.Frame(1).ToArray(), c => Assert.Equal(0, c));
    }

    [Fact]
    public void Aligning_then_warping_gives_back_a_translated_frame_away_from_the_edges()
    {
        var frames = new[] { Frame(Pattern(0, 0)), Frame(Pattern(2, -3)) };
        var video = new VideoClip(frames);
        int blocks = MotionField.Blocks(Width, 4) * MotionField.Blocks(Height, 4);
        var field = new MotionField(4, Width, Height, [new int[2 * blocks], [.. Enumerable.Range(0, 2 * blocks).Select(i => i % 2 == 0 ? 8 : -12)]]);

        var aligned = MotionAlignment.Align(video, field);
        var shown = MotionCompensation.Apply(aligned.Frames[1], field, 1);

        // Moved back, frame 1 is the reference (where it did not pull in an edge); warped forward, frame 1 again.
        for (int y = 4; y < Height - 4; y++)
        {
            for (int x = 4; x < Width - 4; x++)
            {
                Assert.Equal(frames[0].Planes[0][(y * Width) + x], aligned.Frames[1].Planes[0][(y * Width) + x]);
                Assert.Equal(frames[1].Planes[0][(y * Width) + x], shown.Planes[0][(y * Width) + x]);
            }
        }

        Assert.Equal(frames[0].Planes[0], aligned.Frames[0].Planes[0]);
    }

    /// <summary>A textured luma plane read at (y + dy, x + dx) of one fixed pattern (whole samples).</summary>
    private static ushort[] Pattern(int dy, int dx)
    {
        var plane = new ushort[Width * Height];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int py = y + dy, px = x + dx;
                plane[(y * Width) + x] = (ushort)(((py * 37) + (px * 91) + ((py * px) % 53) + (((py >> 2) ^ (px >> 2)) * 29)) & 255);
            }
        }

        return plane;
    }

    /// <summary>A smooth luma plane read dx samples to the right.</summary>
    private static ushort[] Smooth(double dx)
    {
        var plane = new ushort[Width * Height];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                plane[(y * Width) + x] = (ushort)Math.Round(128 + (100 * Math.Sin((x + dx) * 0.3) * Math.Cos(y * 0.2)));
            }
        }

        return plane;
    }

    private static VideoFrame Frame(ushort[] luma)
    {
        var frame = new VideoFrame(Width, Height, ChromaFormat.Mono400, 8);
        luma.CopyTo(frame.Planes[0], 0);
        return frame;
    }
}
