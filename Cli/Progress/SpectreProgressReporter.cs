using Spectre.Console;

namespace Asmr.Cli.Progress;

/// <summary>
/// A live Spectre.Console progress bar (description with status, bar, percentage, ETA, spinner) for an
/// interactive stderr. Spectre renders on its own thread; this class drives it from the command's thread.
/// </summary>
internal sealed class SpectreProgressReporter : IProgressReporter
{
    private readonly IAnsiConsole _console;
    private TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<ProgressContext> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _rendering;
    private readonly Lock _gate = new();
    private ProgressTask? _task;
    private string _stage = string.Empty;
    private bool _disposed;

    /// <param name="console">The console to draw on; <see cref="ForStandardError"/> gives the real stderr.</param>
    public SpectreProgressReporter(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
    }

    /// <summary>A Spectre console on this process's stderr (so stdout stays clean for data).</summary>
    public static IAnsiConsole ForStandardError() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public void BeginStage(string name, double total)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        EndStage();
        var context = Context();
        lock (_gate)
        {
            _stage = name;
            _task = context.AddTask(Markup.Escape(name), autoStart: true, maxValue: total > 0 ? total : 1);
            _task.IsIndeterminate = total <= 0;
        }
    }

    public void Report(double completed, string? status = null)
    {
        lock (_gate)
        {
            if (_task is null)
            {
                return;
            }

            _task.Value = Math.Min(completed, _task.MaxValue);
            if (status is not null)
            {
                _task.Description = Markup.Escape($"{_stage}  {status}");
            }
        }
    }

    public void EndStage()
    {
        lock (_gate)
        {
            if (_task is not null)
            {
                _task.Value = _task.MaxValue;
            }

            Complete(_task);
            _task = null;
        }
    }

    public void WriteLine(string message)
    {
        bool between;
        lock (_gate)
        {
            between = _task is null;
        }

        if (between)
        {
            // No stage is running (a summary after the last one): end the live display first, so its final redraw
            // lands above this line instead of below it.
            StopRendering();
        }

        // Written through the same console while a stage runs, Spectre keeps the line above the live bar.
        _console.Write(new Text(message + Environment.NewLine));
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
            Complete(_task);
        }

        StopRendering();
    }

    private void StopRendering()
    {
        Task? rendering;
        lock (_gate)
        {
            rendering = _rendering;
            if (rendering is null)
            {
                return;
            }

            _rendering = null;
            _finished.TrySetResult();
        }

        rendering.GetAwaiter().GetResult();
        lock (_gate)
        {
            // A later stage starts a new live display.
            _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private static void Complete(ProgressTask? task)
    {
        if (task is { IsFinished: false })
        {
            task.StopTask();
        }
    }

    /// <summary>Starts the live display on first use, so a command that fails before its first stage draws nothing.</summary>
    private Task StartRendering() =>
        _console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(context =>
            {
                _started.TrySetResult(context);
                return _finished.Task;
            });

    private ProgressContext Context()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _rendering ??= StartRendering();
        }

        // Spectre hands over the context as soon as the live display starts, so this does not block for long.
        return _started.Task.GetAwaiter().GetResult();
    }
}
