using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>
/// Derives a valid vector's feature tags from what the written file actually contains (read back through the
/// reader), so that a tag can never claim a feature the vector lacks. The tags are listed in
/// Conformance/vectors/README.md.
/// </summary>
internal static class FeatureTags
{
    public static IReadOnlyList<string> Of(
        SequenceHeader sequence, IReadOnlyList<SectionInfo> sections, IReadOnlyList<SegmentModel> models, bool clippedAtZero, bool clippedAtMax)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(models);
        var tags = new SortedSet<string>(StringComparer.Ordinal)
        {
            sequence.ChromaFormat switch
            {
                ChromaFormat.Mono400 => "chroma-400",
                ChromaFormat.Yuv420 => "chroma-420",
                ChromaFormat.Yuv422 => "chroma-422",
                _ => "chroma-444",
            },
            $"bitdepth-{sequence.BitDepth}",
            sequence.Color.FullRange ? "range-full" : "range-limited",
            sequence.Color.Matrix switch
            {
                0 => "matrix-identity-gbr",
                1 => "matrix-bt709",
                5 or 6 => "matrix-bt601",
                9 => "matrix-bt2020",
                2 => "matrix-unspecified",
                _ => $"matrix-{sequence.Color.Matrix}",
            },
            models.Count > 1 ? "segments-multiple" : "segments-single",
        };

        if (sequence.Width == 1 && sequence.Height == 1)
        {
            tags.Add("size-1x1");
        }

        if (sequence.Width % 2 == 1)
        {
            tags.Add("width-odd");
        }

        if (sequence.Height % 2 == 1)
        {
            tags.Add("height-odd");
        }

        if (sequence.FrameCount == 1)
        {
            tags.Add("frames-1");
        }

        if (sequence.FrameCount > 2 && IsPrime(sequence.FrameCount))
        {
            tags.Add("frames-prime");
        }

        foreach (var model in models)
        {
            AddModelTags(tags, sequence, model);
        }

        if (models.Select(m => m.Architecture.ModelVersion).Distinct().Count() > 1)
        {
            tags.Add("segments-mixed-model-versions");
        }

        if (clippedAtZero)
        {
            tags.Add("samples-clipped-at-0");
        }

        if (clippedAtMax)
        {
            tags.Add("samples-clipped-at-max");
        }

        foreach (var section in sections)
        {
            if (section.Tag == "MODL")
            {
                tags.Add(section.IsCompressed ? "lz4-compressed-model" : "uncompressed-model");
            }
            else if (section.Tag == "meta")
            {
                tags.Add("meta-section");
                if (section.IsCompressed)
                {
                    tags.Add("lz4-compressed-meta");
                }
            }
            else if (!section.IsKnown && !section.IsCritical)
            {
                tags.Add("unknown-ancillary-section");
                if (section.IsCompressed)
                {
                    tags.Add("lz4-compressed-ancillary");
                }
            }
        }

        return [.. tags];
    }

    private static void AddModelTags(SortedSet<string> tags, SequenceHeader sequence, SegmentModel model)
    {
        var a = model.Architecture;
        int levels = a.Levels;
        tags.Add(levels switch
        {
            2 => "levels-2",
            < 5 => "levels-3-4",
            _ => "levels-5-or-more",
        });
        tags.Add(a.Width % 8 == 0 ? "hidden-width-multiple-of-8" : "hidden-width-not-multiple-of-8");
        if (a.Width == 1)
        {
            tags.Add("hidden-width-1");
        }

        int codedWidth = sequence.ChromaFormat.CodedWidth(sequence.Width);
        int codedHeight = sequence.ChromaFormat.CodedHeight(sequence.Height);
        if (a.GridSize(Axis.X) > codedWidth)
        {
            tags.Add("grid-padded-x");
        }

        if (a.GridSize(Axis.Y) > codedHeight)
        {
            tags.Add("grid-padded-y");
        }

        if (a.GridSize(Axis.T) > model.FrameCount)
        {
            tags.Add("grid-padded-t");
        }

        for (int l = 0; l < levels; l++)
        {
            if (a.Base(Axis.T, l) == 1 || a.Base(Axis.Y, l) == 1 || a.Base(Axis.X, l) == 1)
            {
                tags.Add("base-1");
            }

            string kind = a.Modulation(l) == ModulationKind.Linear ? "modulation-linear" : "modulation-table";
            tags.Add(kind);
            tags.Add(l == 0 ? kind + "-first-level" : l == levels - 1 ? kind + "-last-level" : kind + "-middle-level");
        }

        foreach (var g in a.Grids)
        {
            tags.Add("latent-grid");
            if (g.Level == 0)
            {
                tags.Add("latent-grid-level-0");
            }

            if (g.Level == levels - 2)
            {
                tags.Add("latent-grid-level-last-parent");
            }

            if (g.Level > 0 && g.Level < levels - 2)
            {
                tags.Add("latent-grid-level-middle");
            }

            int cellsT = a.CumulativeSize(Axis.T, g.Level);
            if (g.TemporalCells == 1 && cellsT > 1)
            {
                tags.Add("latent-grid-tau-1");
            }
            else if (g.TemporalCells > 1 && g.TemporalCells < cellsT)
            {
                tags.Add("latent-grid-tau-divisor");
            }
            else if (g.TemporalCells == cellsT && cellsT > 1)
            {
                tags.Add("latent-grid-tau-full");
            }

            tags.Add(g.Rank == 1 ? "latent-grid-rank-1" : "latent-grid-rank-above-1");
            if (g.Interpolated)
            {
                int next = g.Level + 1;
                tags.Add("latent-grid-interpolated");
                tags.Add(a.Base(Axis.Y, next) == 3 || a.Base(Axis.X, next) == 3 ? "latent-grid-interpolated-ratio-3" : "latent-grid-interpolated-ratio-2");
                if (a.Base(Axis.T, next) > 1)
                {
                    tags.Add("latent-grid-interpolated-time-shared");
                }

                if (a.GridIndex(next) >= 0 && !a.Grids[a.GridIndex(next)].Interpolated)
                {
                    tags.Add("latent-grid-interpolated-beside-own-grid");
                }
            }
        }

        ContextFeatures.Add(tags, model);
        MotionFeatures.Add(tags, sequence, model);
        FilterFeatures.Add(tags, sequence, model);
        CompactRecordFeatures.Add(tags, model);

        foreach (var t in model.Tensors)
        {
            tags.Add(t.Coding switch
            {
                EntropyCoding.Raw => "coding-raw",
                EntropyCoding.Adaptive => "coding-adaptive",
                _ => "coding-context",
            });
            if (t.Multiplier == 1)
            {
                tags.Add("multiplier-1");
            }

            if (t.Multiplier >= 1u << 20)
            {
                tags.Add("multiplier-large");
            }

            if (t.Multiplier >= 1u << 31 && t.Role is not (TensorRole.OutputWeight or TensorRole.OutputBias))
            {
                tags.Add("multiplier-above-2^31");
            }

            if (t.Role == TensorRole.OutputWeight && t.Values.Any(q => Math.Abs((long)q * t.Multiplier) >= (1L << 29) + (1L << 15)))
            {
                // |Wd| ≥ 2^29 + 2^15: A or B saturates (sat16) wherever |S| or |C| of pre is 16384.
                tags.Add("output-weight-can-saturate-sat16");
            }

            foreach (int q in t.Values)
            {
                long magnitude = Math.Abs((long)q);
                if (t.Coding == EntropyCoding.Adaptive && magnitude >= 15)
                {
                    tags.Add("adaptive-escape-code");
                }

                if (t.Coding == EntropyCoding.Raw && magnitude >= 1L << 27)
                {
                    tags.Add("raw-5-byte-value");
                }
            }
        }
    }

    private static bool IsPrime(int n)
    {
        for (int d = 2; (long)d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return n >= 2;
    }
}
