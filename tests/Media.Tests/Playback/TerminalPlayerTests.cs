using Asmr.Container;
using Asmr.Media.Playback;

namespace Asmr.Media.Tests.Playback;

public sealed class TerminalPlayerTests
{
    [Fact]
    public void Play_ToTheEnd_ShowsOrDropsEveryFrameAndRestoresTheTerminal()
    {
        var frames = new SolidFrames(count: 10, fps: 100);
        var output = new StringWriter();

        var stats = new TerminalPlayer(frames, output, new ScriptedKeys(), () => (40, 12)).Play(loop: false, CancellationToken.None);

        Assert.False(stats.QuitByUser);
        Assert.True(stats.FramesShown >= 1);
        Assert.Equal(10, stats.FramesShown + stats.FramesDropped);
        string text = output.ToString();
        Assert.StartsWith("\e[?1049h", text, StringComparison.Ordinal);
        Assert.EndsWith("\e[?25h\e[?1049l", text, StringComparison.Ordinal);
        Assert.Contains("frame 1/10", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_QuitKey_StopsAtOnce()
    {
        var frames = new SolidFrames(count: 1000, fps: 25);
        var keys = new ScriptedKeys(PlayerKey.Quit);

        var stats = new TerminalPlayer(frames, new StringWriter(), keys, () => (40, 12)).Play(loop: true, CancellationToken.None);

        Assert.True(stats.QuitByUser);
        Assert.Equal(0, stats.FramesShown);
    }

    [Fact]
    public void Play_SeekForward_JumpsOneSecond()
    {
        var frames = new SolidFrames(count: 100, fps: 10);
        var keys = new ScriptedKeys(PlayerKey.PauseToggle, PlayerKey.SeekForward, PlayerKey.None, PlayerKey.Quit);

        new TerminalPlayer(frames, new StringWriter(), keys, () => (40, 12)).Play(loop: false, CancellationToken.None);

        Assert.Contains(10, frames.Requested);
    }

    [Fact]
    public void Play_Cancelled_ReturnsAndRestoresTheTerminal()
    {
        var frames = new SolidFrames(count: 100000, fps: 25);
        var output = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        new TerminalPlayer(frames, output, new ScriptedKeys(), () => (40, 12)).Play(loop: true, cts.Token);

        Assert.EndsWith("\e[?25h\e[?1049l", output.ToString(), StringComparison.Ordinal);
    }

    private sealed class SolidFrames(int count, int fps) : IFrameProvider
    {
        public List<int> Requested { get; } = [];

        public int FrameCount => count;

        public Rational FrameRate => new(fps, 1);

        public int Width => 4;

        public int Height => 4;

        public byte[] DecodeRgb(int index, CancellationToken cancellationToken)
        {
            Requested.Add(index);
            return Enumerable.Repeat((byte)(index % 256), 4 * 4 * 3).ToArray();
        }
    }

    private sealed class ScriptedKeys(params PlayerKey[] keys) : IKeySource
    {
        private int _next;

        public PlayerKey Poll() => _next < keys.Length ? keys[_next++] : PlayerKey.None;
    }
}
