using System.Globalization;
using System.Text;

namespace Asmr.Cli.Progress;

/// <summary>
/// Progress for a redirected stderr (logs, CI): one plain line when a stage starts, then at most one every
/// <see cref="Interval"/> or every 10 % (whichever comes first), and one when the stage ends.
/// </summary>
internal sealed class PlainProgressReporter : IProgressReporter
{
    /// <summary>The longest silence while a stage is running.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private string? _stage;
    private double _total;
    private double _completed;
    private string? _status;
    private long _stageStart;
    private long _lastLine;
    private int _lastTenth;

    public PlainProgressReporter(TextWriter writer, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _time = time ?? TimeProvider.System;
    }

    public void BeginStage(string name, double total)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            FinishStage(ended: true);
            _stage = name;
            _total = total > 0 ? total : 0;
            _completed = 0;
            _status = null;
            _stageStart = _lastLine = _time.GetTimestamp();
            _lastTenth = 0;
            _writer.WriteLine($"{name}: started");
        }
    }

    public void Report(double completed, string? status = null)
    {
        lock (_gate)
        {
            if (_stage is null)
            {
                return;
            }

            _completed = completed;
            _status = status ?? _status;
            long now = _time.GetTimestamp();
            int tenth = _total > 0 ? (int)Math.Floor(Math.Clamp(completed / _total, 0, 1) * 10) : 0;
            if (tenth > _lastTenth || _time.GetElapsedTime(_lastLine, now) >= Interval)
            {
                _lastTenth = Math.Max(_lastTenth, tenth);
                _lastLine = now;
                _writer.WriteLine(Line(final: false, ended: false));
            }
        }
    }

    public void EndStage()
    {
        lock (_gate)
        {
            FinishStage(ended: true);
        }
    }

    public void WriteLine(string message)
    {
        lock (_gate)
        {
            _writer.WriteLine(message);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            FinishStage(ended: false);
        }
    }

    private void FinishStage(bool ended)
    {
        if (_stage is null)
        {
            return;
        }

        _writer.WriteLine(Line(final: true, ended));
        _stage = null;
    }

    private string Line(bool final, bool ended)
    {
        var elapsed = _time.GetElapsedTime(_stageStart);
        var line = new StringBuilder(_stage);
        line.Append(": ");
        if (_total > 0)
        {
            double fraction = Math.Clamp(_completed / _total, 0, 1);
            line.Append(CultureInfo.InvariantCulture, $"{fraction * 100:0}% ({_completed:0}/{_total:0})");
            if (!final && ProgressFormat.Remaining(elapsed, fraction) is { } left)
            {
                line.Append(", ETA ").Append(ProgressFormat.Duration(left));
            }
        }
        else
        {
            line.Append(CultureInfo.InvariantCulture, $"{_completed:0}");
        }

        if (!string.IsNullOrEmpty(_status))
        {
            line.Append(", ").Append(_status);
        }

        if (final)
        {
            line.Append(!ended && _total > 0 && _completed < _total ? ", stopped after " : ", done in ").Append(ProgressFormat.Duration(elapsed));
        }

        return line.ToString();
    }
}
