using Asmr.Cli.Hosting;

namespace Asmr.Cli.Progress;

/// <summary>Chooses the progress display: none with --quiet, a live bar on a terminal, plain lines otherwise.</summary>
internal static class ProgressReporterFactory
{
    public static IProgressReporter Create(GlobalSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        if (settings.Quiet)
        {
            return NullProgressReporter.Instance;
        }

        return console.ErrorIsTerminal && ReferenceEquals(console, CliConsole.System)
            ? new SpectreProgressReporter(SpectreProgressReporter.ForStandardError())
            : new PlainProgressReporter(console.Error);
    }
}
