namespace Asmr.Benchmarks.RateDistortion;

/// <summary>The versions of everything a run used; encoder versions come from the streams they wrote.</summary>
internal sealed record ToolVersions
{
    /// <summary><c>dotnet --version</c> (the SDK).</summary>
    public required string DotnetSdk { get; init; }

    /// <summary>The runtime this benchmark ran on.</summary>
    public required string Runtime { get; init; }

    /// <summary>The first line of <c>ffmpeg -version</c>.</summary>
    public required string Ffmpeg { get; init; }

    /// <summary><c>asmrc --version</c>.</summary>
    public required string Asmrc { get; init; }

    /// <summary>The repository's commit (<c>git describe --always --dirty</c>), or "unknown".</summary>
    public required string Commit { get; init; }

    /// <summary>libx264's version string from its SEI, once a stream was written.</summary>
    public string? X264 { get; set; }

    /// <summary>libx265's version string from its SEI, once a stream was written.</summary>
    public string? X265 { get; set; }
}
