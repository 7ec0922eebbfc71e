using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Filtering;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Tests.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Tests.Filtering;

/// <summary>
/// The output filter (model_version 6, spec §11.9): per plane sample, sum = offset + 2^11 + Σ c_k·P[clamped (y + dy_k,
/// x + dx_k)], shown as clamp(sum >> 12, 0, 2^D − 1), after the network and the motion field, whole or cropped,
/// whatever the threads.
/// </summary>
public sealed class OutputFilteringTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    /// <summary>Seeds whose random grid model decodes to the chroma format, each with and without a motion field.</summary>
    public static TheoryData<ChromaFormat, bool, int> CropCases()
    {
        var data = new TheoryData<ChromaFormat, bool, int>();
        foreach (var chroma in new[] { ChromaFormat.Yuv420, ChromaFormat.Yuv444 })
        {
            var seeds = Enumerable.Range(1, 200).Where(s => DecoderTestCases.GridCase(s).Config.Chroma == chroma).Take(4).ToList();
            Assert.Equal(4, seeds.Count);
            foreach (int seed in seeds)
            {
                data.Add(chroma, false, seed);
                data.Add(chroma, true, seed);
            }
        }

        return data;
    }

    [Fact]
    public void Apply_HandComputedSamples_RoundHalfUpRepeatTheEdgeAndClamp()
    {
        // 3 × 2, 8 bits:  10 20 30
        //                 40 50 60
        var frame = new VideoFrame(3, 2, ChromaFormat.Mono400, 8);
        ushort[] samples = [10, 20, 30, 40, 50, 60];
        samples.CopyTo(frame.Planes[0], 0);
        var whole = new CropRectangle(0, 0, 3, 2);

        // Up 0.25, left 0.5, centre 1, right −0.25, down 0; offset 0. At (0, 0) up and left repeat the corner:
        // 0.25·10 + 0.5·10 + 10 − 0.25·20 = 12.5, shown as 13. At (0, 1): 5 + 5 + 20 − 7.5 = 22.5 → 23. At (0, 2), right
        // repeats 30: 7.5 + 10 + 30 − 7.5 = 40. At (1, 0): 2.5 + 20 + 40 − 12.5 = 50. At (1, 1): 5 + 20 + 50 − 15 = 60.
        // At (1, 2): 7.5 + 25 + 60 − 15 = 77.5 → 78.
        var a = new OutputFilter(1, 1, [1024, 2048, 4096, -1024, 0, 0]);
        Assert.Equal([13, 23, 40, 50, 60, 78], OutputFiltering.Apply(frame, whole, whole, 3, 2, a, 1).Planes[0]);

        // 25.5 − P: 15.5 → 16, 5.5 → 6, and negative sums (−4.5 → floor(−4) …) shown as 0.
        var b = new OutputFilter(1, 1, [0, 0, -4096, 0, 0, (25 * 4096) + 2048]);
        Assert.Equal([16, 6, 0, 0, 0, 0], OutputFiltering.Apply(frame, whole, whole, 3, 2, b, 1).Planes[0]);

        // 6·P: 300 and 360 are shown as 255.
        var c = new OutputFilter(1, 1, [0, 0, 6 * 4096, 0, 0, 0]);
        Assert.Equal([60, 120, 180, 240, 255, 255], OutputFiltering.Apply(frame, whole, whole, 3, 2, c, 1).Planes[0]);

        // An offset of −0.5 on 1·P: x.5 rounds up, so P − 0.5 shows P.
        var d = new OutputFilter(1, 1, [0, 0, 4096, 0, 0, -2048]);
        Assert.Equal(samples, OutputFiltering.Apply(frame, whole, whole, 3, 2, d, 1).Planes[0]);

        // … and an offset just below −0.5 shows P − 1.
        var e = new OutputFilter(1, 1, [0, 0, 4096, 0, 0, -2049]);
        Assert.Equal([9, 19, 29, 39, 49, 59], OutputFiltering.Apply(frame, whole, whole, 3, 2, e, 1).Planes[0]);
    }

    [Fact]
    public void Apply_SubsampledPlane_ReadsItsOwnNeighboursAndEdges()
    {
        // 4:2:0, 6 × 2: chroma planes of 3 × 1. Plane 1 takes its left neighbour, plane 2 its lower one (the edge row).
        var frame = new VideoFrame(6, 2, ChromaFormat.Yuv420, 8);
        Array.Fill(frame.Planes[0], (ushort)100);
        ushort[] cb = [7, 9, 11], cr = [50, 60, 70];
        cb.CopyTo(frame.Planes[1], 0);
        cr.CopyTo(frame.Planes[2], 0);
        var filter = new OutputFilter(1, 3, [0, 0, 4096, 0, 0, 4096, 0, 4096, 0, 0, 0, 0, 0, 0, 0, 0, 4096, 0]);
        var whole = new CropRectangle(0, 0, 6, 2);

        var shown = OutputFiltering.Apply(frame, whole, whole, 6, 2, filter, 1);

        Assert.All(shown.Planes[0], v => Assert.Equal(101, v)); // the centre plus an offset of 1
        Assert.Equal([7, 7, 9], shown.Planes[1]);
        Assert.Equal(cr, shown.Planes[2]);
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv420, 8, 1)]
    [InlineData(ChromaFormat.Yuv422, 10, 2)]
    [InlineData(ChromaFormat.Yuv444, 12, 3)]
    [InlineData(ChromaFormat.Mono400, 16, 3)]
    public void Apply_IdentityFilter_LeavesTheFrameUnchanged(ChromaFormat chroma, int bitDepth, int radius)
    {
        var frame = RandomFrame(37, 29, chroma, bitDepth, seed: radius);
        var whole = new CropRectangle(0, 0, 37, 29);

        var shown = OutputFiltering.Apply(frame, whole, whole, 37, 29, Identity(radius, chroma.PlaneCount()), 2);

        for (int p = 0; p < frame.PlaneCount; p++)
        {
            Assert.Equal(frame.Planes[p], shown.Planes[p]);
        }
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv420, 8, 1, 37, 29, false)]   // the i32 vector path
    [InlineData(ChromaFormat.Yuv420, 8, 3, 37, 29, true)]
    [InlineData(ChromaFormat.Mono400, 8, 2, 4100, 3, true)]  // a row wider than the stack buffer
    [InlineData(ChromaFormat.Yuv444, 10, 3, 45, 11, true)]   // 10 bits: the largest sums the i32 path holds
    [InlineData(ChromaFormat.Yuv422, 10, 2, 50, 21, false)]
    [InlineData(ChromaFormat.Yuv420, 12, 2, 37, 29, true)]   // the i64 path
    [InlineData(ChromaFormat.Yuv444, 12, 3, 20, 9, false)]
    [InlineData(ChromaFormat.Mono400, 16, 3, 17, 9, true)]
    [InlineData(ChromaFormat.Yuv420, 8, 3, 3, 3, true)]      // planes smaller than the diamond
    [InlineData(ChromaFormat.Mono400, 12, 3, 1, 1, true)]
    public void Apply_EveryBitDepth_EqualsTheScalarReference(ChromaFormat chroma, int bitDepth, int radius, int width, int height, bool extreme)
    {
        var frame = RandomFrame(width, height, chroma, bitDepth, seed: width + bitDepth);
        var filter = RandomFilter(radius, chroma.PlaneCount(), new Random(height + radius), extreme);
        var whole = new CropRectangle(0, 0, width, height);
        var expected = Reference(frame, filter);

        foreach (int threads in new[] { 1, 3 })
        {
            FrameAssert.Equal([expected], [OutputFiltering.Apply(frame, whole, whole, width, height, filter, threads)], $"{chroma} D={bitDepth} R={radius}, {threads} threads");
        }
    }

    [Theory]
    [InlineData(10, 32767, (1 << 24) - 1, 1023)]
    [InlineData(10, -32767, -(1 << 24) + 1, 0)]
    [InlineData(12, 32767, (1 << 24) - 1, 4095)]
    [InlineData(12, -32767, -(1 << 24) + 1, 0)]
    [InlineData(16, 32767, 0, 65535)]
    public void Apply_LargestSums_SaturateWithoutWrapping(int bitDepth, int tap, int offset, int expected)
    {
        // 25 taps of ±(2^15 − 1) on the largest samples: about ±8.5·10^8 for 10 bits (inside i32), ±3.4·10^9 for 12 (beyond it).
        var frame = new VideoFrame(19, 5, ChromaFormat.Yuv444, bitDepth);
        foreach (var plane in frame.Planes)
        {
            Array.Fill(plane, (ushort)frame.MaxValue);
        }

        int[] values = [.. Enumerable.Range(0, 3 * 26).Select(i => i % 26 == 25 ? offset : tap)];
        var whole = new CropRectangle(0, 0, 19, 5);

        var shown = OutputFiltering.Apply(frame, whole, whole, 19, 5, new OutputFilter(3, 3, values), 1);

        Assert.All(shown.Planes, plane => Assert.All(plane, v => Assert.Equal(expected, v)));
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv420, 0, 0, 37, 29, 3, 1)]
    [InlineData(ChromaFormat.Yuv420, 10, 6, 14, 9, 3, 3)]
    [InlineData(ChromaFormat.Yuv420, 36, 28, 1, 1, 2, 1)]
    [InlineData(ChromaFormat.Yuv422, 4, 5, 9, 3, 2, 2)]
    [InlineData(ChromaFormat.Yuv444, 5, 7, 1, 1, 3, 2)]
    [InlineData(ChromaFormat.Yuv444, 1, 1, 35, 27, 1, 1)]
    [InlineData(ChromaFormat.Mono400, 33, 0, 4, 29, 3, 1)]
    public void Apply_CropFromARegionWithTheMargin_EqualsTheSameCropOfTheWholePicture(ChromaFormat chroma, int x, int y, int width, int height, int radius, int threads)
    {
        var frame = RandomFrame(37, 29, chroma, 8, seed: 11);
        var filter = RandomFilter(radius, chroma.PlaneCount(), new Random(x + y), extreme: false);
        var picture = new CropRectangle(0, 0, 37, 29);
        var crop = new CropRectangle(x, y, width, height);
        var whole = OutputFiltering.Apply(frame, picture, picture, 37, 29, filter, threads);
        int margin = OutputFiltering.Margin(filter, chroma);
        int alignX = (1 << chroma.ChromaShiftX()) - 1, alignY = (1 << chroma.ChromaShiftY()) - 1;
        int x0 = Math.Max(0, x - margin) & ~alignX, y0 = Math.Max(0, y - margin) & ~alignY;
        var region = new CropRectangle(x0, y0, Math.Min(37, x + width + margin) - x0, Math.Min(29, y + height + margin) - y0);

        var shown = OutputFiltering.Apply(FrameAssert.Cut(frame, region), region, crop, 37, 29, filter, threads);

        FrameAssert.Equal([FrameAssert.Cut(whole, crop)], [shown], $"{chroma} crop {crop} from {region}");
    }

    [Theory]
    [InlineData(ChromaFormat.Yuv420, 1, 2)]
    [InlineData(ChromaFormat.Yuv420, 3, 6)]
    [InlineData(ChromaFormat.Yuv422, 2, 4)]
    [InlineData(ChromaFormat.Yuv444, 3, 3)]
    [InlineData(ChromaFormat.Mono400, 2, 2)]
    public void Margin_IsTheRadiusInSamplesOfTheMostSubsampledPlane(ChromaFormat chroma, int radius, int margin)
    {
        Assert.Equal(margin, OutputFiltering.Margin(Identity(radius, chroma.PlaneCount()), chroma));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeAll_IdentityFilter_ShowsTheFramesOfTheModelWithoutIt(int seed)
    {
        var (config, plain) = Unfiltered(seed, motion: seed % 2 == 0);
        var identity = plain.WithFilter(Identity(1 + (seed % 3), config.Channels));

        var expected = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, plain, new DecoderOptions { Threads = 1 }));

        FrameAssert.Equal(expected, DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, identity, new DecoderOptions { Threads = 2 })), $"seed {seed}: {config}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeAll_FilterModelThroughItsPayload_ShowsTheReferenceFilterOfTheUnfilteredFrames(int seed)
    {
        // The payload's filter applies after the motion field, to every frame, at the sequence's bit depth (8 or 10 as
        // drawn, and 12 for the i64 path).
        var (config, plain) = Unfiltered(seed, motion: seed % 2 == 1);
        var filtered = plain.WithFilter(RandomFilter(1 + (seed % 3), config.Channels, new Random(seed), extreme: seed % 4 == 0));
        var expected = new ModelPayloadExpectations(0, config.FrameCount, config.PictureWidth, config.PictureHeight, config.Chroma);
        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(filtered), expected);
        Assert.Equal(6, read.Architecture.ModelVersion);

        foreach (var sequence in new[] { config, config with { BitDepth = 12 } })
        {
            var unfiltered = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(sequence, plain, new DecoderOptions { Threads = 1 }));
            var reference = unfiltered.Select(frame => Reference(frame, filtered.Filter!)).ToList();
            foreach (var options in new[] { new DecoderOptions { ForceScalar = true, Threads = 1 }, new DecoderOptions { Threads = 3, ParallelThreshold = 0, MaxBlockCells = 3 } })
            {
                FrameAssert.Equal(reference, DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(sequence, read, options)), $"seed {seed}: {sequence}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CropCases))]
    public void DecodeFrames_Crop_EqualsTheSameCropOfTheWholeFrame(ChromaFormat chroma, bool motion, int seed)
    {
        var (config, plain) = Unfiltered(seed, motion);
        Assert.Equal(chroma, config.Chroma);
        var model = plain.WithFilter(RandomFilter(1 + (seed % 3), config.Channels, new Random(seed), extreme: false));
        var decoder = DecoderTestCases.Decoder(config, model, new DecoderOptions { Threads = 2 });
        var whole = DecoderTestCases.DecodeAll(decoder);
        var rng = new Random(seed);
        int align = chroma == ChromaFormat.Yuv420 ? 2 : 1;
        var crops = new List<CropRectangle>
        {
            new(0, 0, config.PictureWidth, config.PictureHeight),
            new((config.PictureWidth - 1) / align * align, (config.PictureHeight - 1) / align * align, 1, 1),
        };
        for (int trial = 0; trial < 6; trial++)
        {
            int x = rng.Next(0, config.PictureWidth) / align * align, y = rng.Next(0, config.PictureHeight) / align * align;
            crops.Add(new CropRectangle(x, y, rng.Next(1, config.PictureWidth - x + 1), rng.Next(1, config.PictureHeight - y + 1)));
        }

        foreach (var crop in crops)
        {
            int start = rng.Next(0, config.FrameCount);
            var frames = decoder.DecodeFrames(start, config.FrameCount, crop).ToList();
            for (int i = 0; i < frames.Count; i++)
            {
                FrameAssert.Equal([FrameAssert.Cut(whole[start + i], crop)], [frames[i]], $"seed {seed}, crop {crop}, frame {start + i}: {config}");
            }
        }
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(6, true)]
    public void DecodeAll_FilterModel_DoesNotDependOnTheThreadCount(int seed, bool motion)
    {
        // Pictures of up to 64 samples a side, so that two threads share out the filter's rows.
        var (config, plain) = Unfiltered(seed, motion, maxSpatial: 64);
        var model = plain.WithFilter(RandomFilter(3, config.Channels, new Random(seed), extreme: seed % 2 == 0));

        var one = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model, new DecoderOptions { Threads = 1 }));
        var two = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, model, new DecoderOptions { Threads = 2, ParallelThreshold = 0 }));

        FrameAssert.Equal(one, two, $"seed {seed}: {config}");
    }

    /// <summary>
    /// §11.9 sample by sample: each plane's diamond around the sample, rows and columns clamped to the plane, weighted,
    /// plus the offset and 2^11, shifted right by 12 (floor) and clamped to the sample range.
    /// </summary>
    private static VideoFrame Reference(VideoFrame frame, OutputFilter filter)
    {
        var taps = OutputFilter.Taps(filter.Radius);
        var shown = new VideoFrame(frame.Width, frame.Height, frame.Chroma, frame.BitDepth);
        for (int p = 0; p < frame.PlaneCount; p++)
        {
            int[] values = filter.Plane(p).ToArray();
            int w = frame.PlaneWidth(p), h = frame.PlaneHeight(p);
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    long sum = values[taps.Length] + 2048L;
                    for (int k = 0; k < taps.Length; k++)
                    {
                        int sy = Math.Clamp(y + taps[k].Dy, 0, h - 1), sx = Math.Clamp(x + taps[k].Dx, 0, w - 1);
                        sum += (long)values[k] * frame.Planes[p][(sy * w) + sx];
                    }

                    shown.Planes[p][(y * w) + x] = (ushort)Math.Clamp(sum >> 12, 0, frame.MaxValue);
                }
            }
        }

        return shown;
    }

    /// <summary>
    /// A random grid model (<see cref="DecoderTestCases.GridCase"/>) with context models, so that it may carry a filter,
    /// and, when <paramref name="motion"/>, a random motion field of up to ±24 samples.
    /// </summary>
    private static (ModelConfig Config, SegmentModel Model) Unfiltered(int seed, bool motion, int maxSpatial = 24)
    {
        var (config, extreme) = DecoderTestCases.GridCase(seed, maxSpatial);
        var v3 = SegmentDecoderContextModelTests.WithContextModels(SegmentDecoderContextModelTests.WithLatentsWithin2Pow29(extreme), seed);
        if (!motion)
        {
            return (config, v3);
        }

        var rng = new Random(seed);
        var shape = new MotionField(3 + (seed % 4), config.PictureWidth, config.PictureHeight, []);
        int[][] vectors = [.. Enumerable.Range(0, config.FrameCount).Select(_ =>
            Enumerable.Range(0, 2 * shape.BlocksY * shape.BlocksX).Select(_ => rng.Next(-96, 97)).ToArray())];
        return (config, v3.WithMotion(shape.WithVectors(vectors)));
    }

    /// <summary>
    /// A random filter: near the identity (centre about 1, other taps within ±0.4, offsets within ±25 samples), or, when
    /// <paramref name="extreme"/>, any values the format allows, the largest among them.
    /// </summary>
    private static OutputFilter RandomFilter(int radius, int planes, Random rng, bool extreme)
    {
        int columns = OutputFilter.TapCount(radius) + 1;
        int centre = Array.IndexOf(OutputFilter.Taps(radius), (0, 0));
        int[] values = new int[planes * columns];
        for (int i = 0; i < values.Length; i++)
        {
            int k = i % columns;
            values[i] = extreme
                ? k == columns - 1 ? rng.Next(-(1 << 24) + 1, 1 << 24) : rng.Next(-32767, 32768)
                : k == columns - 1 ? rng.Next(-100_000, 100_001) : k == centre ? 4096 + rng.Next(-1500, 1501) : rng.Next(-1600, 1601);
        }

        if (extreme)
        {
            values[0] = 32767;
            values[1] = -32767;
            values[columns - 1] = (1 << 24) - 1;
        }

        return new OutputFilter(radius, planes, values);
    }

    private static OutputFilter Identity(int radius, int planes)
    {
        int columns = OutputFilter.TapCount(radius) + 1;
        int centre = Array.IndexOf(OutputFilter.Taps(radius), (0, 0));
        return new OutputFilter(radius, planes, [.. Enumerable.Range(0, planes * columns).Select(i => i % columns == centre ? 4096 : 0)]);
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
