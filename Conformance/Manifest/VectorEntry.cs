namespace Asmr.Conformance.Manifest;

/// <summary>One vector of the manifest: its file, what it exercises, and what decoding it must give.</summary>
internal sealed record VectorEntry
{
    /// <summary>The vector's name (its file name without <c>.asmr</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The file name, relative to the manifest's folder.</summary>
    public required string File { get; init; }

    /// <summary>SHA-256 of the file, lowercase hex: the runner refuses a vector whose bytes changed.</summary>
    public required string FileSha256 { get; init; }

    /// <summary>Bytes in the file (informative).</summary>
    public required long FileSize { get; init; }

    /// <summary>One sentence on what the vector is.</summary>
    public required string Description { get; init; }

    /// <summary>Feature tags (see Conformance/vectors/README.md), sorted.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>For a valid vector: the hashes its decoded output must have; null for an invalid one.</summary>
    public ExpectedOutput? Output { get; init; }

    /// <summary>For an invalid vector: the error reading it must raise; null for a valid one.</summary>
    public ExpectedError? Error { get; init; }

    /// <summary>True for a vector that must decode, false for one that must be rejected.</summary>
    public bool IsValid => Output is not null;
}
