using Asmr.Cli.Hosting;

namespace Asmr.Cli.Progress;

/// <summary>
/// Chooses the progress display: none with --quiet, a live bar on a terminal, plain lines otherwise; and with
/// --progress, key=value lines besides (not silenced by --quiet: a script asked for them).
/// </summary>
internal static class ProgressReporterFactory
{
    public static IProgressReporter Create(GlobalSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        var display = CreateDisplay(settings, console);
        if (settings.Progress is not { } target)
        {
            return display;
        }

        var stream = target == IO.FileChecks.StandardStream
            ? new KeyValueProgressReporter(console.Out, ownsWriter: false)
            : new KeyValueProgressReporter(OpenFile(target), ownsWriter: true);
        return new TeeProgressReporter(display, stream);
    }

    /// <summary>
    /// Opens the --progress file, replacing it: it is a log (often a named pipe) rather than an output, as with
    /// ffmpeg's -progress.
    /// </summary>
    private static StreamWriter OpenFile(string path)
    {
        try
        {
            return new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new Errors.OutputException($"Cannot write the --progress file '{path}': {e.Message}", innerException: e);
        }
    }

    private static IProgressReporter CreateDisplay(GlobalSettings settings, CliConsole console)
    {
        if (settings.Quiet)
        {
            return NullProgressReporter.Instance;
        }

        return console.ErrorIsTerminal && ReferenceEquals(console, CliConsole.System)
            ? new SpectreProgressReporter(SpectreProgressReporter.ForStandardError())
            : new PlainProgressReporter(console.Error);
    }
}
