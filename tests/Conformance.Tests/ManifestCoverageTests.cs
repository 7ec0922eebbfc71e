using System.Security.Cryptography;

namespace Asmr.Conformance.Tests;

/// <summary>The committed set covers every feature of the format, and the manifest describes the files truly.</summary>
public class ManifestCoverageTests
{
    /// <summary>Features the set must exercise (see Conformance/vectors/README.md for each tag's meaning).</summary>
    public static readonly string[] RequiredTags =
    [
        "size-1x1", "width-odd", "height-odd", "grid-padded-x", "grid-padded-y", "grid-padded-t",
        "frames-1", "frames-prime", "segments-single", "segments-multiple",
        "levels-2", "levels-3-4", "levels-5-or-more", "hidden-width-not-multiple-of-8", "hidden-width-multiple-of-8",
        "modulation-linear-first-level", "modulation-linear-middle-level", "modulation-linear-last-level",
        "modulation-table-first-level", "modulation-table-middle-level", "modulation-table-last-level",
        "coding-raw", "coding-adaptive", "adaptive-escape-code", "raw-5-byte-value",
        "multiplier-1", "multiplier-large", "multiplier-above-2^31",
        "chroma-400", "chroma-420", "chroma-422", "chroma-444", "bitdepth-8", "bitdepth-10", "bitdepth-12", "bitdepth-16",
        "samples-clipped-at-0", "samples-clipped-at-max", "output-weight-can-saturate-sat16",
        "range-full", "range-limited", "matrix-bt601", "matrix-bt709", "matrix-identity-gbr",
        "lz4-compressed-model", "uncompressed-model", "meta-section", "unknown-ancillary-section",
        "error-section-crc", "error-header-crc", "error-truncated", "error-unknown-critical-section",
        "error-future-reader-version", "error-tensor-shape", "error-range-coder-trailing-bytes", "error-raw-overlong",
        "error-modulation-kind", "error-grid-too-small", "error-model-trailing-bytes", "error-reserved-flag",
        "error-output-range", "error-range-coder-first-byte", "error-model-version", "error-model-first-frame",

        // Format version 2: latent grids.
        "latent-grid", "latent-grid-level-0", "latent-grid-level-middle", "latent-grid-level-last-parent",
        "latent-grid-tau-1", "latent-grid-tau-divisor", "latent-grid-tau-full", "latent-grid-rank-1", "latent-grid-rank-above-1",
        "segments-mixed-model-versions",
        "error-grid-level", "error-grid-level-order", "error-grid-count", "error-grid-temporal-cells", "error-grid-latents-multiplier",
        "error-model-version-needs-file-version-2", "error-grid-rank-zero", "error-grid-rank-too-large", "error-grid-cells",

        // Format version 3: context-coded latents.
        "context-model", "coding-context", "context-hidden-2-31", "context-hidden-32", "context-escape-code", "context-input-clamped",
        "context-hidden-clamped-0", "context-hidden-clamped-2^15", "context-mean-clamped", "context-scale-clamped-0", "context-scale-clamped-79",
        "error-context-latents-coding", "error-context-coding-elsewhere", "error-context-parameter-range", "error-context-stream-truncated",
        "error-context-stream-trailing-bytes", "error-context-hidden-zero", "error-context-hidden-too-large", "error-context-escape-prefix",
        "error-model-version-needs-file-version-3", "error-context-symbol-value", "error-context-parameter-multiplier",

        // Format version 4: motion.
        "motion", "motion-block-8", "motion-block-16", "motion-coding-raw", "motion-coding-adaptive", "motion-chroma-420", "motion-chroma-422",
        "motion-later-segment", "motion-blocks-cross-picture-edge", "motion-fractional", "motion-vector-1024", "motion-difference-beyond-1024",
        "motion-edge", "motion-read-outside-picture", "motion-clamped-0", "motion-clamped-max",
        "error-motion-block-log2-too-small", "error-motion-block-log2-too-large", "error-motion-vector-range", "error-model-version-needs-file-version-4",
        "error-motion-vectors-multiplier", "error-motion-vectors-coding", "error-motion-vectors-shape", "error-motion-record-missing",

        // Format version 5: interpolated grids.
        "latent-grid-interpolated", "latent-grid-interpolated-ratio-2", "latent-grid-interpolated-ratio-3", "latent-grid-interpolated-time-shared",
        "latent-grid-interpolated-beside-own-grid",
        "error-grid-placement", "error-grid-placement-level", "error-version-5-without-interpolation", "error-model-version-needs-file-version-5",
        "error-version-5-motion-block-log2",

        // Format version 6: output filters.
        "output-filter", "output-filter-radius-1", "output-filter-radius-2", "output-filter-radius-3", "output-filter-coding-raw",
        "output-filter-coding-adaptive", "output-filter-after-motion", "output-filter-interpolated-grid", "output-filter-placement-0-only",
        "output-filter-bitdepth-above-10", "output-filter-tap-limit", "output-filter-offset-limit", "output-filter-edge", "output-filter-edge-both-sides",
        "output-filter-clamped-0", "output-filter-clamped-max",
        "error-filter-radius-zero", "error-filter-radius-too-large", "error-filter-coefficient-range", "error-filter-offset-range",
        "error-filter-multiplier", "error-filter-coding", "error-filter-record-missing", "error-model-version-needs-file-version-6",
        "error-filter-record-shape", "error-filter-record-order",

        // Format version 7: compact record headers.
        "compact-record-headers", "compact-record-headers-without-filter", "compact-multiplier-varint-1-bytes", "compact-multiplier-varint-2-bytes",
        "compact-multiplier-varint-3-bytes", "compact-multiplier-varint-4-bytes", "compact-multiplier-varint-5-bytes",
        "compact-byte-length-varint-2-bytes-or-more",
        "error-compact-varint-not-shortest", "error-compact-varint-too-long", "error-compact-varint-above-u32", "error-compact-multiplier-zero",
        "error-compact-byte-length", "error-model-version-needs-file-version-7", "error-compact-filter-radius", "error-compact-latents-coding",
    ];

    public static TheoryData<string> Required()
    {
        var data = new TheoryData<string>();
        foreach (string tag in RequiredTags)
        {
            data.Add(tag);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Required))]
    public void RequiredFeature_IsExercisedByAtLeastOneVector(string tag) =>
        Assert.Contains(Vectors.Manifest.Vectors, v => v.Features.Contains(tag));

    [Fact]
    public void EveryVector_FileMatchesManifestHashAndSizeAndIsSmall()
    {
        foreach (var v in Vectors.Manifest.Vectors)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(Vectors.Directory, v.File));
            Assert.Equal(v.FileSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(v.FileSize, bytes.Length);
            Assert.True(bytes.Length <= 100 * 1024, $"{v.File} is {bytes.Length} bytes; vectors stay under 100 KB");
        }
    }

    [Fact]
    public void EveryVector_IsEitherValidWithHashesOrInvalidWithError()
    {
        foreach (var v in Vectors.Manifest.Vectors)
        {
            Assert.True(v.IsValid ^ (v.Error is not null), v.Name);
            Assert.Contains(v.IsValid ? "valid" : "invalid", v.Features);
            Assert.Equal(v.Name + ".asmr", v.File);
            if (v.Output is { } output)
            {
                Assert.NotEmpty(output.FrameHashes);
            }
            else
            {
                Assert.Contains(v.Error!.Kind, new[] { "corrupt", "unsupported" });
                Assert.False(string.IsNullOrWhiteSpace(v.Error.MessageContains));
            }
        }
    }

    [Fact]
    public void VectorsFolder_HoldsNoVectorMissingFromManifest()
    {
        var listed = Vectors.Manifest.Vectors.Select(v => v.File).ToHashSet(StringComparer.Ordinal);
        var present = Directory.GetFiles(Vectors.Directory, "*.asmr").Select(Path.GetFileName).ToList();

        Assert.All(present, f => Assert.Contains(f!, listed));
    }
}
