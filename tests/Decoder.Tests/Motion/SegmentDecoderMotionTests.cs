using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Motion;
using Asmr.Decoder.Tests.Inference;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Tests.Motion;

/// <summary>
/// model_version 4 (spec §10.8, §11.8): each frame the network decodes is shown moved along the segment's motion field,
/// whole or cropped, whatever the threads.
/// </summary>
public sealed class SegmentDecoderMotionTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 5, 8, 13, 21, 34];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeAll_MotionModelThroughItsPayload_ShowsEachDecodedFrameWarped(int seed)
    {
        var (config, v3, v4) = Models(seed);
        var expected = new ModelPayloadExpectations(0, config.FrameCount, config.PictureWidth, config.PictureHeight, config.Chroma);
        var read = ModelPayloadReader.Read(ModelPayloadWriter.Write(v4), expected);

        var decoded = DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, v3, new DecoderOptions { Threads = 1 }));
        var warped = decoded.Select((frame, i) => MotionCompensation.Apply(frame, v4.Motion!, i)).ToList();

        foreach (var options in new[] { new DecoderOptions { ForceScalar = true, Threads = 1 }, new DecoderOptions { Threads = 3, ParallelThreshold = 0, MaxBlockCells = 3 } })
        {
            FrameAssert.Equal(warped, DecoderTestCases.DecodeAll(DecoderTestCases.Decoder(config, read, options)), $"seed {seed}: {config}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DecodeFrames_Crop_EqualsTheSameCropOfTheWholeFrame(int seed)
    {
        var (config, _, v4) = Models(seed);
        var decoder = DecoderTestCases.Decoder(config, v4, new DecoderOptions { Threads = 2 });
        var whole = DecoderTestCases.DecodeAll(decoder);
        var rng = new Random(seed);
        int align = config.Chroma == ChromaFormat.Yuv444 || config.Chroma == ChromaFormat.Mono400 ? 1 : 2;
        for (int trial = 0; trial < 4; trial++)
        {
            int x = rng.Next(0, config.PictureWidth) / align * align, y = rng.Next(0, config.PictureHeight) / align * align;
            if (config.Chroma == ChromaFormat.Yuv422)
            {
                y = rng.Next(0, config.PictureHeight);
            }

            var crop = new CropRectangle(x, y, rng.Next(1, config.PictureWidth - x + 1), rng.Next(1, config.PictureHeight - y + 1));
            int start = rng.Next(0, config.FrameCount);
            var frames = decoder.DecodeFrames(start, config.FrameCount, crop).ToList();
            for (int i = 0; i < frames.Count; i++)
            {
                FrameAssert.Equal([FrameAssert.Cut(whole[start + i], crop)], [frames[i]], $"seed {seed}, crop {crop}, frame {start + i}");
            }
        }
    }

    [Fact]
    public void Constructor_MotionFieldOfAnotherPictureSize_IsRejected()
    {
        var (config, v3, _) = Models(4);
        var wider = new MotionField(3, config.PictureWidth + 16, config.PictureHeight, []);
        var v4 = v3.WithMotion(wider.WithVectors([.. Enumerable.Range(0, config.FrameCount).Select(_ => new int[2 * wider.BlocksY * wider.BlocksX])]));

        var e = Assert.Throws<InvalidDataException>(() => new SegmentDecoder(v4, config.PictureWidth, config.PictureHeight, config.Chroma, config.BitDepth));

        Assert.Contains("motion field has", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A random model_version 3 model and the same with a random motion field of up to ±24 samples.</summary>
    private static (ModelConfig Config, SegmentModel V3, SegmentModel V4) Models(int seed)
    {
        var (config, extreme) = DecoderTestCases.GridCase(seed);
        var v3 = SegmentDecoderContextModelTests.WithContextModels(SegmentDecoderContextModelTests.WithLatentsWithin2Pow29(extreme), seed);
        var rng = new Random(seed);
        int blockLog2 = 3 + (seed % 4);
        var shape = new MotionField(blockLog2, config.PictureWidth, config.PictureHeight, []);
        int[][] vectors = [.. Enumerable.Range(0, config.FrameCount).Select(f => f == 0 && seed % 2 == 0
            ? new int[2 * shape.BlocksY * shape.BlocksX]
            : Enumerable.Range(0, 2 * shape.BlocksY * shape.BlocksX).Select(_ => rng.Next(-96, 97)).ToArray())];
        return (config, v3, v3.WithMotion(shape.WithVectors(vectors)));
    }
}
