using Asmr.Cli.Progress;

namespace Asmr.Cli.Hosting;

/// <summary>What a running command gets besides its request: the console, the global settings, and a place to declare outputs.</summary>
internal sealed class CommandContext
{
    private readonly List<string> _outputPaths;

    public CommandContext(CliConsole console, GlobalSettings settings, List<string> outputPaths)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(outputPaths);
        Console = console;
        Settings = settings;
        _outputPaths = outputPaths;
    }

    public CliConsole Console { get; }

    public GlobalSettings Settings { get; }

    /// <summary>
    /// Declares a path the command writes, so that an access or missing-folder error naming it is reported as an
    /// output problem (exit code 4) rather than an input problem (2).
    /// </summary>
    public void DeclareOutput(string path) => _outputPaths.Add(path);

    /// <summary>The progress display for this run (none with --quiet).</summary>
    public IProgressReporter CreateProgress() => ProgressReporterFactory.Create(Settings, Console);

    /// <summary>Writes an informational line on stderr unless --quiet.</summary>
    public void Inform(string message)
    {
        if (!Settings.Quiet)
        {
            Console.Error.WriteLine(message);
        }
    }

    /// <summary>Writes a detail line on stderr only with --verbose.</summary>
    public void Detail(string message)
    {
        if (Settings.Verbose)
        {
            Console.Error.WriteLine(message);
        }
    }
}
