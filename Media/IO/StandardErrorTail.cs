using System.Collections.Concurrent;
using System.Diagnostics;

namespace Asmr.Media.IO;

/// <summary>
/// The last lines a running tool wrote on standard error, for error messages: all of it could run to megabytes
/// (ffmpeg warns once per damaged frame of a long input), so only a bounded tail is kept.
/// </summary>
internal sealed class StandardErrorTail
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly int _capacity;

    /// <summary>Starts reading <paramref name="process"/>'s redirected standard error line by line.</summary>
    public StandardErrorTail(Process process, int capacity)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _lines.Enqueue(e.Data);
                while (_lines.Count > _capacity && _lines.TryDequeue(out string? _))
                {
                }
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>The kept lines, oldest first.</summary>
    public override string ToString() => string.Join('\n', _lines);
}
