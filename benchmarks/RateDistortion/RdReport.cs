namespace Asmr.Benchmarks.RateDistortion;

/// <summary>A finished rate-distortion run: where, when, with what, and the results per clip.</summary>
internal sealed record RdReport
{
    /// <summary>The machine.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTime StartedUtc { get; init; }

    /// <summary>Wall-clock time of the whole run.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Tool versions.</summary>
    public required ToolVersions Tools { get; init; }

    /// <summary>The command line that started the run.</summary>
    public required string CommandLine { get; init; }

    /// <summary>The options of the run.</summary>
    public required RdOptions Options { get; init; }

    /// <summary>Results per clip.</summary>
    public required IReadOnlyList<ClipResult> Clips { get; init; }

    /// <summary>Things the reader must know (a missing encoder, a clip shorter than asked).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
