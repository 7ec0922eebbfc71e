namespace Asmr.Media.Playback;

/// <summary>Finds out what this process can play to: a terminal, a graphical display, ffplay.</summary>
public static class PlaybackEnvironment
{
    /// <summary>True when standard output is an interactive terminal that understands escape sequences.</summary>
    public static bool HasTerminal() =>
        !Console.IsOutputRedirected
        && !Console.IsInputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>True when an X11 or Wayland display is available.</summary>
    public static bool HasDisplay() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
}
