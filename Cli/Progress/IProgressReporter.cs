namespace Asmr.Cli.Progress;

/// <summary>
/// Where a command reports how far it has got. The CLI picks the implementation: a live bar on an interactive
/// stderr, periodic plain lines when stderr is redirected, nothing with --quiet. Libraries never see this type;
/// the command adapts their <see cref="IProgress{T}"/> callbacks to it.
/// </summary>
internal interface IProgressReporter : IDisposable
{
    /// <summary>Starts a stage (e.g. "fitting segment 2/5") of <paramref name="total"/> work units; ends the previous one.</summary>
    void BeginStage(string name, double total);

    /// <summary>Moves the current stage to <paramref name="completed"/> units, with an optional status such as "PSNR 31.2 dB".</summary>
    void Report(double completed, string? status = null);

    /// <summary>
    /// Ends the current stage as done (also one that finished early, such as training that reached a quality
    /// target). A stage left open when the reporter is disposed was stopped (an error or Ctrl-C) and says so.
    /// </summary>
    void EndStage();

    /// <summary>A line of information for the user (suppressed by --quiet).</summary>
    void WriteLine(string message);
}
