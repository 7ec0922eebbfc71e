using Asmr.Codec.Filtering;
using Asmr.Codec.Quantization;
using Asmr.Codec.Training;
using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Filtering;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Codec.Tests;

/// <summary>
/// <see cref="OutputFilterFit"/> (spec §10.9, §11.9): per plane, the diamond and offset that bring the decoded frames
/// closest to the source by least squares, the identity for a plane it does not improve, and no filter when it
/// improves none. The sources here are functions of the decoded frames the tests compute, so the best filter is known.
/// </summary>
public sealed class OutputFilterFitTests
{
    /// <summary>A short fit of a smooth 20 × 14 4:2:0 clip of 4 frames, exported with fine steps, and its decoded frames.</summary>
    private static readonly Lazy<(SegmentModel Model, VideoFrame[] Decoded)> Trained = new(Train);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_source_equal_to_the_decoded_frames_gets_no_filter(int radius)
    {
        var (model, decoded) = Trained.Value;

        Assert.Null(OutputFilterFit.Fit(model, new VideoClip(decoded), radius, threads: 1));
    }

    [Fact]
    public void A_source_that_is_a_scale_and_offset_of_the_decoded_frames_is_fitted_plane_by_plane()
    {
        // Plane 0: ⌊d/2 + 40.5⌋, half the samples with an offset of 40 and half 40.5. Plane 1: 255 − d, exactly a filter.
        // Plane 2: d itself, which no filter improves.
        var (model, decoded) = Trained.Value;
        var source = Map(decoded, (p, d) => p switch { 0 => (d + 81) >> 1, 1 => 255 - d, _ => d });

        var filter = OutputFilterFit.Fit(model, source, 2, threads: 1);

        Assert.NotNull(filter);
        Assert.Equal(2, filter.Radius);
        Assert.Equal(3, filter.Planes);
        int centre = Array.IndexOf(OutputFilter.Taps(2), (0, 0));
        var luma = filter.Plane(0);
        Assert.InRange(luma[centre], 2048 - 200, 2048 + 200);
        Assert.InRange(luma[13], 40 * 4096, 41 * 4096); // 40.25 on average
        Assert.InRange(luma[..13].ToArray().Sum(), 2048 - 40, 2048 + 40);

        // The smooth decoded planes make neighbouring taps nearly interchangeable: the fit may share a little weight
        // among them, but the sum of the taps and the offset are what the source says.
        var cb = filter.Plane(1);
        Assert.InRange(cb[centre], -4096 - 100, -4096 + 100);
        Assert.InRange(cb[..13].ToArray().Sum(), -4096 - 20, -4096 + 20);
        Assert.InRange(cb[13], (255 * 4096) - 4096, (255 * 4096) + 4096);
        Assert.Equal([0, 0, 0, 0, 0, 0, 4096, 0, 0, 0, 0, 0, 0, 0], filter.Plane(2).ToArray());

        var (before, after) = Errors(decoded, source, filter);
        Assert.True(after[0] < before[0] / 10, $"plane 0: squared error {before[0]} before the filter, {after[0]} after");
        Assert.True(after[1] < before[1] / 1000, $"plane 1: squared error {before[1]} before the filter, {after[1]} after");
        Assert.Equal(0, before[2]);
        Assert.Equal(0, after[2]);
    }

    [Fact]
    public void A_source_that_is_the_decoded_frames_through_a_diamond_gets_that_diamond()
    {
        // Luma through up 1/4, left 1/8, centre 1/2, right 0, down 1/8 (edges repeated), rounded: an asymmetric kernel,
        // so the taps' order shows. Chroma unchanged.
        var (model, decoded) = Trained.Value;
        var source = new VideoClip([.. decoded.Select(frame =>
        {
            var blurred = Copy(frame);
            int w = frame.PlaneWidth(0), h = frame.PlaneHeight(0);
            ushort[] d = frame.Planes[0];
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    int up = d[(Math.Max(y - 1, 0) * w) + x], left = d[(y * w) + Math.Max(x - 1, 0)], down = d[(Math.Min(y + 1, h - 1) * w) + x];
                    blurred.Planes[0][(y * w) + x] = (ushort)(((4 * up) + (2 * left) + (8 * d[(y * w) + x]) + (2 * down) + 8) >> 4);
                }
            }

            return blurred;
        })]);

        var filter = OutputFilterFit.Fit(model, source, 1, threads: 1);

        Assert.NotNull(filter);
        int[] expected = [1024, 512, 2048, 0, 512];
        var luma = filter.Plane(0);
        for (int k = 0; k < 5; k++)
        {
            Assert.True(Math.Abs(luma[k] - expected[k]) <= 150, $"tap {k} {OutputFilter.Taps(1)[k]}: {luma[k]}, expected about {expected[k]}");
        }

        Assert.InRange(luma[5], -4096, 4096);
        var (before, after) = Errors(decoded, source, filter);
        Assert.True(after[0] < before[0] / 10, $"plane 0: squared error {before[0]} before the filter, {after[0]} after");
        Assert.Equal([0, 0, 4096, 0, 0, 0], filter.Plane(1).ToArray());
        Assert.Equal([0, 0, 4096, 0, 0, 0], filter.Plane(2).ToArray());
    }

    [Fact]
    public void The_fit_is_the_same_for_the_same_inputs_whatever_the_threads()
    {
        var (model, decoded) = Trained.Value;
        var source = Map(decoded, (p, d) => Math.Clamp((d * (3 + p) / 4) + 7 - p, 0, 255));

        var first = OutputFilterFit.Fit(model, source, 3, threads: 1);
        var again = OutputFilterFit.Fit(model, source, 3, threads: 1);
        var threaded = OutputFilterFit.Fit(model, source, 3, threads: 2);

        Assert.NotNull(first);
        Assert.Equal(first.Values(), again!.Values());
        Assert.Equal(first.Values(), threaded!.Values());
    }

    [Fact]
    public void A_model_that_has_a_filter_already_is_refused()
    {
        var (_, decoded) = Trained.Value;
        var architecture = new ModelArchitecture(
            [[1, 1], [1, 1], [1, 1]], 1, 3, [ModulationKind.Linear, ModulationKind.Linear], [new LatentGrid(0, 1, 1, 1)], filterRadius: 1);
        var tensors = architecture.TensorLayout().Select(t => new QuantizedTensor(t.Role, t.Level, t.Rows, t.Columns, 1, new int[t.Rows * t.Columns],
            t.Role == TensorRole.GridLatents ? EntropyCoding.Context : EntropyCoding.Adaptive)).ToList();
        var filtered = new SegmentModel(0, 1, architecture, tensors, null, filter: new OutputFilter(1, 3, new int[18]));

        var e = Assert.Throws<ArgumentException>(() => OutputFilterFit.Fit(filtered, new VideoClip(decoded), 1, threads: 1));

        Assert.Contains("already has an output filter", e.Message, StringComparison.Ordinal);
    }

    private static (SegmentModel Model, VideoFrame[] Decoded) Train()
    {
        var video = TestVideos.Smooth(4, 20, 14);
        var a = new ModelArchitecture(
            [[2, 1, 2, 1], [2, 2, 1, 4], [3, 1, 2, 4]],
            16,
            3,
            [ModulationKind.Table, ModulationKind.Table, ModulationKind.Linear, ModulationKind.Table]);
        using var net = new AsmrNetwork(a, new NetworkInit(), 11);
        using var target = new TrainingTarget(a, video);
        Trainer.Train(net, target, new TrainerOptions { Steps = 40, ReportEvery = 1000 });
        var model = SegmentExporter.Export(net, 0, video.Frames.Count, DecoderAgreement.FineMultipliers(a));
        var decoded = new SegmentDecoder(model, video.Width, video.Height, video.Chroma, 8).DecodeAll().ToArray();
        return (model, decoded);
    }

    /// <summary>The frames with every sample d of plane p replaced by <paramref name="f"/>(p, d).</summary>
    private static VideoClip Map(VideoFrame[] frames, Func<int, int, int> f) => new([.. frames.Select(frame =>
    {
        var mapped = new VideoFrame(frame.Width, frame.Height, frame.Chroma, frame.BitDepth);
        for (int p = 0; p < frame.PlaneCount; p++)
        {
            for (int i = 0; i < frame.Planes[p].Length; i++)
            {
                mapped.Planes[p][i] = (ushort)f(p, frame.Planes[p][i]);
            }
        }

        return mapped;
    })]);

    private static VideoFrame Copy(VideoFrame frame) => Map([frame], (_, d) => d).Frames[0];

    /// <summary>Each plane's squared error against the source, of the decoded frames and of the frames the decoder filters.</summary>
    private static (double[] Before, double[] After) Errors(VideoFrame[] decoded, VideoClip source, OutputFilter filter)
    {
        double[] before = new double[3], after = new double[3];
        var picture = new CropRectangle(0, 0, source.Width, source.Height);
        for (int f = 0; f < decoded.Length; f++)
        {
            var filtered = OutputFiltering.Apply(decoded[f], picture, picture, source.Width, source.Height, filter, 1);
            for (int p = 0; p < 3; p++)
            {
                for (int i = 0; i < decoded[f].Planes[p].Length; i++)
                {
                    double target = source.Frames[f].Planes[p][i];
                    before[p] += Math.Pow(decoded[f].Planes[p][i] - target, 2);
                    after[p] += Math.Pow(filtered.Planes[p][i] - target, 2);
                }
            }
        }

        return (before, after);
    }
}
