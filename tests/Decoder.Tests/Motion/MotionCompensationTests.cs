using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
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

    [Theory]
    [InlineData(ChromaFormat.Yuv420, 8, 3, 37, 29)]
    [InlineData(ChromaFormat.Yuv422, 10, 4, 50, 21)]
    [InlineData(ChromaFormat.Yuv444, 12, 5, 70, 40)]
    [InlineData(ChromaFormat.Mono400, 16, 3, 17, 9)]
    public void Every_sample_is_the_cubic_read_at_its_own_offset(ChromaFormat chroma, int bitDepth, int blockLog2, int width, int height)
    {
        // The spec's definition sample by sample: the offset of §11.8's field, then the 4 × 4 taps, edges repeated.
        var frame = RandomFrame(width, height, chroma, bitDepth, seed: blockLog2);
        var field = RandomField(width, height, blockLog2, frames: 2, largest: 1024, seed: width);

        var shown = MotionCompensation.Apply(frame, field, 1);

        Span<long> wy = stackalloc long[4], wx = stackalloc long[4];
        for (int p = 0; p < frame.Planes.Length; p++)
        {
            int sy = p == 0 ? 0 : chroma.ChromaShiftY(), sx = p == 0 ? 0 : chroma.ChromaShiftX();
            int w = frame.PlaneWidth(p), h = frame.PlaneHeight(p);
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    var (oy, ox) = MotionCompensation.Offset(field, 1, (long)y << sy, (long)x << sx, sy, sx);
                    long py = (64L * y) + oy, px = (64L * x) + ox;
                    MotionCompensation.Weights((int)(py & 63), wy);
                    MotionCompensation.Weights((int)(px & 63), wx);
                    long sum = 0;
                    for (int j = 0; j < 4; j++)
                    {
                        for (int i = 0; i < 4; i++)
                        {
                            long row = Math.Clamp((py >> 6) - 1 + j, 0, h - 1), column = Math.Clamp((px >> 6) - 1 + i, 0, w - 1);
                            sum += wy[j] * wx[i] * frame.Planes[p][(row * w) + column];
                        }
                    }

                    long expected = Math.Clamp((sum + (1L << 37)) >> 38, 0, (1 << bitDepth) - 1);
                    Assert.Equal(expected, shown.Planes[p][(y * w) + x]);
                }
            }
        }
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv420, 0, 0, 37, 29, 1)]
    [InlineData(ChromaFormat.Yuv420, 10, 6, 14, 9, 3)]
    [InlineData(ChromaFormat.Yuv444, 5, 7, 1, 1, 2)]
    [InlineData(ChromaFormat.Mono400, 36, 28, 1, 1, 1)]
    public void A_crop_from_a_region_with_the_margin_equals_the_same_crop_of_the_whole_picture(ChromaFormat chroma, int x, int y, int width, int height, int threads)
    {
        var frame = RandomFrame(37, 29, chroma, 8, seed: 11);
        var field = RandomField(37, 29, blockLog2: 3, frames: 1, largest: 40, seed: 2);
        var crop = new CropRectangle(x, y, width, height);
        var whole = MotionCompensation.Apply(frame, field, 0);
        int margin = MotionCompensation.Margin(field, 0, 1);
        int x0 = Math.Max(0, x - margin) & ~1, y0 = Math.Max(0, y - margin) & ~1;
        var region = new CropRectangle(x0, y0, Math.Min(37, x + width + margin) - x0, Math.Min(29, y + height + margin) - y0);

        var shown = MotionCompensation.Apply(Crop(frame, region), region, crop, 37, 29, field, 0, threads);

        var expected = Crop(whole, crop);
        for (int p = 0; p < frame.Planes.Length; p++)
        {
            Assert.Equal(expected.Planes[p], shown.Planes[p]);
        }
    }

    [Fact]
    public void The_margin_covers_the_largest_vector_of_the_frames_asked_for()
    {
        var field = new MotionField(3, 8, 8, [[0, 0], [-1024, 5], [3, 0]]);

        Assert.Equal(0, MotionCompensation.Margin(field, 0, 1));
        Assert.Equal(7, MotionCompensation.Margin(field, 2, 3));    // 3/4 of a sample, rounded up, and 6
        Assert.Equal(262, MotionCompensation.Margin(field, 0, 3));  // 256 samples and 6
    }

    private static VideoFrame Crop(VideoFrame frame, CropRectangle rect)
    {
        var part = new VideoFrame(rect.Width, rect.Height, frame.Chroma, frame.BitDepth);
        for (int p = 0; p < frame.Planes.Length; p++)
        {
            int sy = p == 0 ? 0 : frame.Chroma.ChromaShiftY(), sx = p == 0 ? 0 : frame.Chroma.ChromaShiftX();
            for (int r = 0; r < part.PlaneHeight(p); r++)
            {
                frame.Row(p, (rect.Y >> sy) + r).Slice(rect.X >> sx, part.PlaneWidth(p)).CopyTo(part.Row(p, r));
            }
        }

        return part;
    }

    private static MotionField RandomField(int width, int height, int blockLog2, int frames, int largest, int seed)
    {
        var rng = new Random(seed);
        int blocks = MotionField.Blocks(width, blockLog2) * MotionField.Blocks(height, blockLog2);
        return new MotionField(blockLog2, width, height, [.. Enumerable.Range(0, frames).Select(_ =>
            Enumerable.Range(0, 2 * blocks).Select(_ => rng.Next(-largest, largest + 1)).ToArray())]);
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
