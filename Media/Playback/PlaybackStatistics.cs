namespace Asmr.Media.Playback;

/// <summary>What a playback session did, for the status line and for tests.</summary>
public sealed record PlaybackStatistics(int FramesShown, int FramesDropped, double MeanDecodeMilliseconds, bool QuitByUser);
