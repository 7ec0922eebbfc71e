using Asmr.Container;
using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>A valid vector: a sequence header, its segments' model recipes and the container options.</summary>
internal sealed record ValidVectorRecipe
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required SequenceHeader Sequence { get; init; }

    /// <summary>Recipes of the segments' synthetic models; ignored when <see cref="ExplicitModels"/> is set.</summary>
    public IReadOnlyList<SegmentRecipe> Segments { get; init; } = [];

    /// <summary>Hand-made models to use instead of synthetic ones (the worked example).</summary>
    public Func<IReadOnlyList<SegmentModel>>? ExplicitModels { get; init; }

    /// <summary>Store MODL sections LZ4-compressed when that is smaller.</summary>
    public bool CompressModels { get; init; }

    public Metadata? Metadata { get; init; }

    /// <summary>The largest fraction of decoded samples that may be clipped to 0 or 2^D − 1.</summary>
    public double MaxClippedFraction { get; init; } = 0.25;

    public IReadOnlyList<UnknownSection> UnknownSections { get; init; } = [];
}
