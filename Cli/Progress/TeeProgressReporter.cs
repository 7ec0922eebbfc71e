namespace Asmr.Cli.Progress;

/// <summary>Sends every report to two reporters: the display for people and the key=value stream for programs.</summary>
internal sealed class TeeProgressReporter(IProgressReporter first, IProgressReporter second) : IProgressReporter
{
    public void BeginStage(string name, double total)
    {
        first.BeginStage(name, total);
        second.BeginStage(name, total);
    }

    public void Report(double completed, string? status = null)
    {
        first.Report(completed, status);
        second.Report(completed, status);
    }

    public void EndStage()
    {
        first.EndStage();
        second.EndStage();
    }

    public void WriteLine(string message)
    {
        first.WriteLine(message);
        second.WriteLine(message);
    }

    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }
}
