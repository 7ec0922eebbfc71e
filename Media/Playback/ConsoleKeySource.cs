namespace Asmr.Media.Playback;

/// <summary>Reads keys from the console: space pauses, ← and → seek, q or Esc quits.</summary>
public sealed class ConsoleKeySource : IKeySource
{
    public PlayerKey Poll()
    {
        while (Console.KeyAvailable)
        {
            var key = Console.ReadKey(intercept: true);
            PlayerKey mapped = key.Key switch
            {
                ConsoleKey.Spacebar => PlayerKey.PauseToggle,
                ConsoleKey.LeftArrow => PlayerKey.SeekBack,
                ConsoleKey.RightArrow => PlayerKey.SeekForward,
                ConsoleKey.Q or ConsoleKey.Escape => PlayerKey.Quit,
                _ => PlayerKey.None,
            };
            if (mapped != PlayerKey.None)
            {
                return mapped;
            }
        }

        return PlayerKey.None;
    }
}
