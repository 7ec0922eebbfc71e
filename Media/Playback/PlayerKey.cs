namespace Asmr.Media.Playback;

/// <summary>The keys the terminal player reacts to.</summary>
public enum PlayerKey
{
    None,
    PauseToggle,
    SeekBack,
    SeekForward,
    Quit,
}
