namespace Asmr.Media.Playback;

/// <summary>Where the terminal player reads keys from (the console, or a script in tests).</summary>
public interface IKeySource
{
    /// <summary>Returns the next pending key without blocking, or <see cref="PlayerKey.None"/>.</summary>
    PlayerKey Poll();
}
