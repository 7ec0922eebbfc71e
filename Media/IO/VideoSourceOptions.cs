namespace Asmr.Media.IO;

/// <summary>Which frames a <see cref="IVideoSource"/> delivers, and how it finds its tools.</summary>
public sealed record VideoSourceOptions
{
    /// <summary>Default options: every frame from the first.</summary>
    public static VideoSourceOptions Default { get; } = new();

    /// <summary>Number of frames to skip at the start (exact frame count, not time), ≥ 0.</summary>
    public int Start { get; init; }

    /// <summary>The most frames to deliver, ≥ 1; <see langword="null"/> for all.</summary>
    public int? MaxFrames { get; init; }

    /// <summary>
    /// For ffmpeg sources whose container does not declare a frame count, count the frames up front
    /// (<c>ffprobe -count_frames</c>, which decodes the whole file once) so that <c>Header.FrameCount</c> is exact.
    /// </summary>
    public bool CountFrames { get; init; }

    /// <summary>Folder holding <c>ffmpeg</c> and <c>ffprobe</c>; <see langword="null"/> to search <c>PATH</c>.</summary>
    public string? ToolFolder { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Start"/> is negative or <see cref="MaxFrames"/> is below 1.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Start, nameof(Start));
        if (MaxFrames is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(MaxFrames));
        }
    }

    /// <summary>How many of <paramref name="available"/> frames remain after <see cref="Start"/> and <see cref="MaxFrames"/>.</summary>
    internal int Deliverable(long available)
    {
        long n = Math.Max(0, available - Start);
        return (int)Math.Min(n, MaxFrames ?? int.MaxValue);
    }
}
