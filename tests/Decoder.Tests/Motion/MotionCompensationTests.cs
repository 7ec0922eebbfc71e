using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Motion;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Tests.Motion;

public sealed class MotionCompensationTests
{
    [Fact]
    public void Every_phase_has_the_exact_catmull_rom_weights_summing_to_2_pow_19()
    {
        Span<long> w = stackalloc long[4];
        for (int phase = 0; phase < 64; phase++)
        {
            MotionCompensation.Weights(phase, w);
            Assert.Equal(1L << 19, w[0] + w[1] + w[2] + w[3]);
            double f = phase / 64.0;
            double[] expected = [(-(f * f * f) + (2 * f * f) - f) / 2, ((3 * f * f * f) - (5 * f * f) + 2) / 2, ((-3 * f * f * f) + (4 * f * f) + f) / 2, ((f * f * f) - (f * f)) / 2];
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(expected[i], w[i] / (double)(1 << 19), 12);
            }
        }
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv420, 8)]
    [InlineData(ChromaFormat.Yuv444, 10)]
    [InlineData(ChromaFormat.Mono400, 16)]
    public void A_zero_field_shows_the_decoded_frame_unchanged(ChromaFormat chroma, int bitDepth)
    {
        var frame = RandomFrame(37, 29, chroma, bitDepth, seed: 3);
        var field = Uniform(37, 29, blockLog2: 3, 0, 0);

        var shown = MotionCompensation.Apply(frame, field, 0);

        for (int p = 0; p < frame.Planes.Length; p++)
        {
            Assert.Equal(frame.Planes[p], shown.Planes[p]);
        }
    }

    [Fact]
    public void A_whole_sample_vector_moves_the_picture_and_repeats_the_edge()
    {
        var frame = RandomFrame(40, 24, ChromaFormat.Yuv420, 8, seed: 5);
        // 2 luma samples down and 4 left in quarter samples: chroma moves 1 down and 2 left.
        var field = Uniform(40, 24, blockLog2: 4, 8, -16);

        var shown = MotionCompensation.Apply(frame, field, 0);

        for (int p = 0; p < 3; p++)
        {
            int w = frame.PlaneWidth(p), h = frame.PlaneHeight(p), dy = p == 0 ? 2 : 1, dx = p == 0 ? -4 : -2;
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    int sy = Math.Clamp(y + dy, 0, h - 1), sx = Math.Clamp(x + dx, 0, w - 1);
                    Assert.Equal(frame.Planes[p][(sy * w) + sx], shown.Planes[p][(y * w) + x]);
                }
            }
        }
    }

    [Fact]
    public void A_half_sample_vector_reads_a_ramp_at_the_midpoint()
    {
        // A horizontal ramp of step 4: the cubic reproduces a linear function exactly away from the edges.
        var frame = new VideoFrame(32, 8, ChromaFormat.Mono400, 8);
        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 32; x++)
            {
                frame.Planes[0][(y * 32) + x] = (ushort)(10 + (4 * x));
            }
        }

        var shown = MotionCompensation.Apply(frame, Uniform(32, 8, blockLog2: 3, 0, 2), 0);

        for (int x = 1; x < 30; x++)
        {
            Assert.Equal(10 + (4 * x) + 2, shown.Planes[0][(3 * 32) + x]);
        }
    }

    [Fact]
    public void The_field_is_each_blocks_vector_at_its_centre_and_the_mean_midway()
    {
        // Two 8×8 blocks side by side: (0, 0) and (0, 32) quarter samples = 0 and 8 luma samples.
        var field = new MotionField(3, 16, 8, [[0, 0, 0, 32]]);

        Assert.Equal(0, MotionCompensation.Offset(field, 0, 3, 3, 0, 0).X);     // block 0's centre is 3.5: 3 is before it
        Assert.Equal(8 * 64, MotionCompensation.Offset(field, 0, 3, 12, 0, 0).X); // past block 1's centre (11.5): constant
        // Sample 7 is 3.5 samples past centre 0, 7/16 of the 8 between the centres: 7/16 of 8 samples = 224 64ths.
        Assert.Equal(224, MotionCompensation.Offset(field, 0, 3, 7, 0, 0).X);
        Assert.Equal(0, MotionCompensation.Offset(field, 0, 3, 7, 0, 0).Y);
    }

    [Fact]
    public void A_subsampled_plane_gets_half_the_luma_offset_in_its_own_samples()
    {
        var field = new MotionField(4, 32, 32, [[6, -10, 6, -10, 6, -10, 6, -10]]);

        var luma = MotionCompensation.Offset(field, 0, 8, 8, 0, 0);
        var chroma = MotionCompensation.Offset(field, 0, 8, 8, 1, 1);

        Assert.Equal((6 * 16, -10 * 16), luma);
        Assert.Equal((6 * 8, -10 * 8), chroma);
    }

    [Fact]
    public void The_shown_frame_is_the_same_for_every_call()
    {
        var frame = RandomFrame(48, 32, ChromaFormat.Yuv420, 10, seed: 9);
        var rng = new Random(4);
        var field = new MotionField(3, 48, 32, [[.. Enumerable.Range(0, 2 * 6 * 4).Select(_ => rng.Next(-40, 41))]]);

        var a = MotionCompensation.Apply(frame, field, 0);
        var b = MotionCompensation.Apply(frame, field, 0);

        for (int p = 0; p < 3; p++)
        {
            Assert.Equal(a.Planes[p], b.Planes[p]);
            Assert.All(a.Planes[p], v => Assert.InRange(v, 0, 1023));
        }
    }

    private static MotionField Uniform(int width, int height, int blockLog2, int vy, int vx)
    {
        int blocks = MotionField.Blocks(width, blockLog2) * MotionField.Blocks(height, blockLog2);
        return new MotionField(blockLog2, width, height, [[.. Enumerable.Range(0, 2 * blocks).Select(i => i % 2 == 0 ? vy : vx)]]);
    }

    private static VideoFrame RandomFrame(int width, int height, ChromaFormat chroma, int bitDepth, int seed)
    {
        var frame = new VideoFrame(width, height, chroma, bitDepth);
        var rng = new Random(seed);
        foreach (var plane in frame.Planes)
        {
            for (int i = 0; i < plane.Length; i++)
            {
                plane[i] = (ushort)rng.Next(1 << bitDepth);
            }
        }

        return frame;
    }
}
