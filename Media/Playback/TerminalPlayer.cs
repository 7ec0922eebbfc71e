using System.Diagnostics;
using System.Globalization;

namespace Asmr.Media.Playback;

/// <summary>
/// Plays decoded frames in a truecolor terminal at the stream's frame rate: frames are drawn with half blocks on
/// the alternate screen, a status line shows frame, playback rate and decode time, and frames are dropped when
/// decoding falls behind the clock. Keys: space pauses, ←/→ seek one second, q quits.
/// </summary>
public sealed class TerminalPlayer
{
    private readonly IFrameProvider _frames;
    private readonly TextWriter _terminal;
    private readonly IKeySource _keys;
    private readonly Func<(int Columns, int Rows)> _terminalSize;
    private readonly HalfBlockRenderer _renderer = new();

    public TerminalPlayer(IFrameProvider frames, TextWriter terminal, IKeySource keys, Func<(int Columns, int Rows)> terminalSize)
    {
        _frames = frames ?? throw new ArgumentNullException(nameof(frames));
        _terminal = terminal ?? throw new ArgumentNullException(nameof(terminal));
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _terminalSize = terminalSize ?? throw new ArgumentNullException(nameof(terminalSize));
    }

    /// <summary>Plays until the end (or forever with <paramref name="loop"/>), a quit key or cancellation.</summary>
    public PlaybackStatistics Play(bool loop, CancellationToken cancellationToken)
    {
        double fps = (double)_frames.FrameRate.Numerator / _frames.FrameRate.Denominator;
        int total = _frames.FrameCount;
        int secondOfFrames = Math.Max(1, (int)Math.Round(fps));
        int shown = 0, dropped = 0;
        double decodeMsSum = 0;
        bool quit = false;

        _terminal.Write("\e[?1049h\e[?25l\e[2J");
        try
        {
            var clock = Stopwatch.StartNew();
            double originSeconds = 0; // The clock time at which frame 0 is due.
            int position = 0;         // The frame shown (or to show) now.
            int lastShown = -1;
            bool paused = false;
            while (!cancellationToken.IsCancellationRequested)
            {
                bool redraw = false;
                switch (_keys.Poll())
                {
                    case PlayerKey.Quit:
                        quit = true;
                        break;
                    case PlayerKey.PauseToggle:
                        paused = !paused;
                        originSeconds = clock.Elapsed.TotalSeconds - (position / fps);
                        redraw = true;
                        break;
                    case PlayerKey.SeekBack:
                        position = Math.Max(0, position - secondOfFrames);
                        originSeconds = clock.Elapsed.TotalSeconds - (position / fps);
                        redraw = true;
                        break;
                    case PlayerKey.SeekForward:
                        position = Math.Min(total - 1, position + secondOfFrames);
                        originSeconds = clock.Elapsed.TotalSeconds - (position / fps);
                        redraw = true;
                        break;
                }

                if (quit)
                {
                    break;
                }

                if (!paused && !redraw)
                {
                    int due = (int)Math.Floor((clock.Elapsed.TotalSeconds - originSeconds) * fps);
                    if (due >= total)
                    {
                        if (!loop)
                        {
                            // Every frame after the last one shown was due and never drawn.
                            dropped += total - 1 - lastShown;
                            break;
                        }

                        originSeconds = clock.Elapsed.TotalSeconds;
                        due = 0;
                        lastShown = -1;
                    }

                    if (due > lastShown + 1 && lastShown >= 0)
                    {
                        dropped += due - lastShown - 1;
                    }

                    position = due;
                }

                if (position != lastShown || redraw)
                {
                    var decodeWatch = Stopwatch.StartNew();
                    byte[] rgb = _frames.DecodeRgb(position, cancellationToken);
                    double decodeMs = decodeWatch.Elapsed.TotalMilliseconds;
                    decodeMsSum += decodeMs;
                    shown++;
                    Draw(rgb, position, total, shown / Math.Max(1e-3, clock.Elapsed.TotalSeconds), decodeMs, paused);
                    lastShown = position;
                    continue;
                }

                // Nothing to draw yet: wait for the next frame's time, in short slices so keys stay responsive.
                double nextDue = originSeconds + ((position + 1) / fps);
                double wait = paused ? 0.05 : Math.Min(0.05, nextDue - clock.Elapsed.TotalSeconds);
                if (wait > 0)
                {
                    cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(wait));
                }
            }
        }
        finally
        {
            _terminal.Write("\e[0m\e[?25h\e[?1049l");
            _terminal.Flush();
        }

        return new PlaybackStatistics(shown, dropped, shown == 0 ? 0 : decodeMsSum / shown, quit);
    }

    private void Draw(byte[] rgb, int frame, int total, double playbackFps, double decodeMs, bool paused)
    {
        var (maxColumns, maxRows) = _terminalSize();
        var (columns, rows) = HalfBlockRenderer.Fit(_frames.Width, _frames.Height, maxColumns, Math.Max(1, maxRows - 1));
        string picture = _renderer.Render(rgb, _frames.Width, _frames.Height, columns, rows);
        string status = string.Create(CultureInfo.InvariantCulture,
            $"\e[{rows + 1};1H\e[0m\e[Kframe {frame + 1}/{total}  {playbackFps:0.0} fps  decode {decodeMs:0.0} ms{(paused ? "  [paused]" : string.Empty)}  space pause  ←/→ seek  q quit");

        // Synchronized update (where supported) avoids tearing; other terminals ignore the mode.
        _terminal.Write("\e[?2026h");
        _terminal.Write(picture);
        _terminal.Write(status);
        _terminal.Write("\e[?2026l");
        _terminal.Flush();
    }
}
