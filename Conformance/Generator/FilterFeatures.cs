using Asmr.Container;
using Asmr.Container.Model;
using Asmr.Decoder.Inference;

namespace Asmr.Conformance.Generator;

/// <summary>
/// The feature tags of a model_version 6 model's output filter (spec §10.9, §11.9): its radius, coding and values at the
/// limits, and what the filter meets when it reads the frames as shown (taps beyond the plane's edges, sums clamped),
/// found by tracing the sum of every output sample over the frames the decoder shows before filtering.
/// </summary>
internal static class FilterFeatures
{
    public static void Add(ISet<string> tags, SequenceHeader sequence, SegmentModel model)
    {
        if (model.Filter is not { } filter)
        {
            return;
        }

        tags.Add("output-filter");
        tags.Add($"output-filter-radius-{filter.Radius}");
        tags.Add(model.FilterCoding == EntropyCoding.Raw ? "output-filter-coding-raw" : "output-filter-coding-adaptive");
        if (model.Motion is not null)
        {
            // The filter reads the frames as shown, after the motion compensation (§11.9).
            tags.Add("output-filter-after-motion");
        }

        tags.Add(model.Architecture.Grids.Any(g => g.Interpolated) ? "output-filter-interpolated-grid" : "output-filter-placement-0-only");
        if (sequence.BitDepth > 10)
        {
            // Beyond 10 bits the informative note of §11.9 no longer bounds the sums to i32.
            tags.Add("output-filter-bitdepth-above-10");
        }

        int n = OutputFilter.TapCount(filter.Radius);
        for (int o = 0; o < filter.Planes; o++)
        {
            var plane = filter.Plane(o);
            if (plane[..n].ToArray().Any(v => Math.Abs(v) == OutputFilter.TapLimit - 1))
            {
                tags.Add("output-filter-tap-limit");
            }

            if (Math.Abs(plane[n]) == OutputFilter.OffsetLimit - 1)
            {
                tags.Add("output-filter-offset-limit");
            }
        }

        TraceSums(tags, sequence, model, filter);
    }

    /// <summary>Every output sample's sum (§11.9): do its taps leave the plane (on one side or both), is it clamped?</summary>
    private static void TraceSums(ISet<string> tags, SequenceHeader sequence, SegmentModel model, OutputFilter filter)
    {
        var shown = new SegmentDecoder(model.WithFilter(null), sequence.Width, sequence.Height, sequence.ChromaFormat, sequence.BitDepth, new DecoderOptions { Threads = 1, ForceScalar = true });
        var taps = OutputFilter.Taps(filter.Radius);
        long max = (1L << sequence.BitDepth) - 1;
        foreach (var frame in shown.DecodeAll())
        {
            for (int p = 0; p < frame.PlaneCount; p++)
            {
                var omega = filter.Plane(p);
                int width = frame.PlaneWidth(p), height = frame.PlaneHeight(p);
                ushort[] s = frame.Planes[p];
                for (int y = 0; y < height; y++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        long sum = omega[taps.Length] + (1L << (OutputFilter.FractionBits - 1));
                        bool above = false, below = false, left = false, right = false;
                        for (int k = 0; k < taps.Length; k++)
                        {
                            int r = y + taps[k].Dy, c = x + taps[k].Dx;
                            if (omega[k] != 0)
                            {
                                above |= r < 0;
                                below |= r >= height;
                                left |= c < 0;
                                right |= c >= width;
                            }

                            sum += (long)omega[k] * s[(Math.Clamp(r, 0, height - 1) * width) + Math.Clamp(c, 0, width - 1)];
                        }

                        if (above || below || left || right)
                        {
                            // A tap that counts lies beyond the plane: the repeated edge sample stands for it.
                            tags.Add("output-filter-edge");
                        }

                        if ((above && below) || (left && right))
                        {
                            // The diamond is wider than the plane: taps beyond both opposite edges around one sample.
                            tags.Add("output-filter-edge-both-sides");
                        }

                        long filtered = sum >> OutputFilter.FractionBits;
                        if (filtered < 0)
                        {
                            tags.Add("output-filter-clamped-0");
                        }

                        if (filtered > max)
                        {
                            tags.Add("output-filter-clamped-max");
                        }
                    }
                }
            }
        }
    }
}
