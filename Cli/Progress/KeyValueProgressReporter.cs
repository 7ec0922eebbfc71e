using System.Globalization;

namespace Asmr.Cli.Progress;

/// <summary>
/// Progress for programs (--progress), in the manner of ffmpeg's -progress: blocks of key=value lines, each ending
/// with <c>progress=continue</c>, written when a stage starts and ends and at most every <see cref="Interval"/> in
/// between; the last block ends with <c>progress=end</c>. The keys are listed in README.md.
/// </summary>
internal sealed class KeyValueProgressReporter : IProgressReporter
{
    /// <summary>The shortest time between two blocks while a stage runs (ffmpeg's default -stats_period).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(0.5);

    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly Lock _gate = new();
    private string? _stage;
    private double _total;
    private double _completed;
    private string? _status;
    private long _lastBlock;
    private bool _disposed;

    public KeyValueProgressReporter(TextWriter writer, bool ownsWriter, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _ownsWriter = ownsWriter;
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
    }

    public void BeginStage(string name, double total)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            EndCurrent(ended: true);
            (_stage, _total, _completed, _status) = (name, Math.Max(0, total), 0, null);
            WriteBlock("running", end: false);
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
            _status = string.IsNullOrEmpty(status) ? _status : status;
            if (_time.GetElapsedTime(_lastBlock) >= Interval)
            {
                WriteBlock("running", end: false);
            }
        }
    }

    public void EndStage()
    {
        lock (_gate)
        {
            EndCurrent(ended: true);
        }
    }

    /// <summary>Messages are for people; the stream carries only progress.</summary>
    public void WriteLine(string message)
    {
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            EndCurrent(ended: false);
            WriteBlock(null, end: true);
            if (_ownsWriter)
            {
                _writer.Dispose();
            }
        }
    }

    private void EndCurrent(bool ended)
    {
        if (_stage is null)
        {
            return;
        }

        if (ended)
        {
            _completed = Math.Max(_completed, _total);
        }

        WriteBlock(ended ? "done" : "stopped", end: false);
        _stage = null;
    }

    private void WriteBlock(string? state, bool end)
    {
        _lastBlock = _time.GetTimestamp();
        if (_stage is not null && state is not null)
        {
            _writer.WriteLine($"stage={_stage}");
            _writer.WriteLine($"stage_state={state}");
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stage_done={_completed:0}"));
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stage_total={_total:0}"));
            if (_status is not null)
            {
                _writer.WriteLine($"status={_status}");
            }
        }

        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"elapsed={_time.GetElapsedTime(_start).TotalSeconds:0.000}"));
        _writer.WriteLine(end ? "progress=end" : "progress=continue");
        _writer.Flush();
    }
}
