namespace Asmr.Cli.Progress;

/// <summary>Reports nothing (--quiet).</summary>
internal sealed class NullProgressReporter : IProgressReporter
{
    public static NullProgressReporter Instance { get; } = new();

    public void BeginStage(string name, double total)
    {
    }

    public void Report(double completed, string? status = null)
    {
    }

    public void EndStage()
    {
    }

    public void WriteLine(string message)
    {
    }

    public void Dispose()
    {
    }
}
