namespace Asmr.Container;

/// <summary>Choices for <see cref="AsmrWriter"/>.</summary>
public sealed class AsmrWriterOptions
{
    /// <summary>The defaults: overwrite, compress metadata, store models as they are.</summary>
    public static AsmrWriterOptions Default { get; } = new();

    /// <summary>
    /// Whether writing to a path may replace an existing file (default true). When false an existing destination
    /// raises <see cref="IOException"/> and is left untouched.
    /// </summary>
    public bool Overwrite { get; init; } = true;

    /// <summary>Store the meta section LZ4-compressed when that makes it smaller (default true).</summary>
    public bool CompressMetadata { get; init; } = true;

    /// <summary>
    /// Store MODL sections LZ4-compressed when that makes them smaller (default false: entropy-coded models do not
    /// compress, and trying costs time).
    /// </summary>
    public bool CompressModels { get; init; }

    /// <summary>Test seam: called after each chunk written with the total bytes written so far; may throw.</summary>
    internal Action<long>? Progress { get; init; }
}
