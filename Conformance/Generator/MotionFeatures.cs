using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Motion;

namespace Asmr.Conformance.Generator;

/// <summary>
/// The feature tags of a model's motion field (model_version 4 to 6, spec §10.8, §11.8): what its vectors hold, and what the
/// warp meets when it reads the decoded frames along them (taps beyond the plane's edges, positions outside the
/// picture, sums clamped), found by tracing the warp's reads over every shown sample with the decoder's own offsets and
/// weights.
/// </summary>
internal static class MotionFeatures
{
    public static void Add(ISet<string> tags, SequenceHeader sequence, SegmentModel model)
    {
        if (model.Motion is not { } field)
        {
            return;
        }

        tags.Add("motion");
        tags.Add($"motion-block-{1 << field.BlockLog2}");
        tags.Add(model.MotionCoding == EntropyCoding.Raw ? "motion-coding-raw" : "motion-coding-adaptive");
        if (sequence.ChromaFormat is ChromaFormat.Yuv420 or ChromaFormat.Yuv422)
        {
            // The chroma planes read with offsets halved along both axes (4:2:0) or along x only (4:2:2, §11.8).
            tags.Add(sequence.ChromaFormat == ChromaFormat.Yuv420 ? "motion-chroma-420" : "motion-chroma-422");
        }

        if (model.FirstFrame > 0)
        {
            // The vectors of a later segment count their frames from the segment's first (§10.8).
            tags.Add("motion-later-segment");
        }

        int block = 1 << field.BlockLog2;
        if (sequence.Width % block != 0 || sequence.Height % block != 0)
        {
            tags.Add("motion-blocks-cross-picture-edge");
        }

        for (int f = 0; f < field.FrameCount; f++)
        {
            foreach (int v in field.Frame(f))
            {
                if (v % 4 != 0)
                {
                    tags.Add("motion-fractional");
                }

                if (Math.Abs(v) == MotionField.MaxVector)
                {
                    tags.Add("motion-vector-1024");
                }
            }
        }

        if (model.MotionRecord()!.Values.Any(q => Math.Abs(q) > MotionField.MaxVector))
        {
            // Only the sums are limited: a difference may be up to twice the limit (§10.8).
            tags.Add("motion-difference-beyond-1024");
        }

        TraceReads(tags, sequence, model, field);
    }

    /// <summary>Every shown sample's read (§11.8): do its taps leave the plane, does its sum leave 0..2^D − 1?</summary>
    private static void TraceReads(ISet<string> tags, SequenceHeader sequence, SegmentModel model, MotionField field)
    {
        var chroma = sequence.ChromaFormat;
        var decoded = new SegmentDecoder(model.WithMotion(null).WithFilter(null), sequence.Width, sequence.Height, chroma, sequence.BitDepth, new DecoderOptions { Threads = 1, ForceScalar = true });
        long max = (1L << sequence.BitDepth) - 1;
        Span<long> wy = stackalloc long[4];
        Span<long> wx = stackalloc long[4];
        int f = 0;
        foreach (var frame in decoded.DecodeAll())
        {
            for (int p = 0; p < frame.PlaneCount; p++)
            {
                int shiftY = p == 0 ? 0 : chroma.ChromaShiftY(), shiftX = p == 0 ? 0 : chroma.ChromaShiftX();
                int width = frame.PlaneWidth(p), height = frame.PlaneHeight(p);
                ushort[] s = frame.Planes[p];
                for (int y = 0; y < height; y++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        var (oy, ox) = MotionCompensation.Offset(field, f, (long)y << shiftY, (long)x << shiftX, shiftY, shiftX);
                        long py = (64L * y) + oy, px = (64L * x) + ox;
                        long iy = py >> 6, ix = px >> 6;
                        if (py < 0 || py > 64L * (height - 1) || px < 0 || px > 64L * (width - 1))
                        {
                            tags.Add("motion-read-outside-picture");
                        }

                        MotionCompensation.Weights((int)(py & 63), wy);
                        MotionCompensation.Weights((int)(px & 63), wx);
                        long sum = 0;
                        for (int j = 0; j < 4; j++)
                        {
                            long row = 0;
                            for (int i = 0; i < 4; i++)
                            {
                                long r = iy - 1 + j, c = ix - 1 + i;
                                if (wy[j] * wx[i] != 0 && (r < 0 || r >= height || c < 0 || c >= width))
                                {
                                    // A tap that counts lies beyond the plane: the repeated edge sample stands for it.
                                    tags.Add("motion-edge");
                                }

                                row += wx[i] * s[(Math.Clamp(r, 0, height - 1) * width) + Math.Clamp(c, 0, width - 1)];
                            }

                            sum += wy[j] * row;
                        }

                        long shown = (sum + (1L << 37)) >> 38;
                        if (shown < 0)
                        {
                            tags.Add("motion-clamped-0");
                        }

                        if (shown > max)
                        {
                            tags.Add("motion-clamped-max");
                        }
                    }
                }
            }

            f++;
        }
    }
}
