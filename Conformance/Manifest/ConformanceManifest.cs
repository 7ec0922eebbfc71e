namespace Asmr.Conformance.Manifest;

/// <summary>The contents of <c>manifest.json</c>: every vector of a conformance folder.</summary>
internal sealed record ConformanceManifest(IReadOnlyList<VectorEntry> Vectors)
{
    /// <summary>The file name of the manifest inside a vectors folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The value of the manifest's <c>format</c> key.</summary>
    public const string FormatName = "asmrc-conformance-manifest";

    /// <summary>The manifest layout version this code reads and writes.</summary>
    public const int Version = 1;
}
