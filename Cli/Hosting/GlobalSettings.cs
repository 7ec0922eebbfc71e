namespace Asmr.Cli.Hosting;

/// <summary>The values of the global options.</summary>
/// <param name="Verbose">Details and stack traces.</param>
/// <param name="Quiet">No progress or information on stderr; errors only.</param>
/// <param name="Overwrite">-y: replace existing outputs.</param>
/// <param name="Threads">Worker threads; 0 = one per core (see <see cref="EffectiveThreads"/>).</param>
/// <param name="Progress">Where to write the machine-readable progress (a file, or <c>-</c> for stdout); null for none.</param>
internal sealed record GlobalSettings(bool Verbose, bool Quiet, bool Overwrite, int Threads, string? Progress = null)
{
    /// <summary>The defaults (no global option given).</summary>
    public static GlobalSettings Default { get; } = new(Verbose: false, Quiet: false, Overwrite: false, Threads: 0);

    /// <summary>
    /// The thread count to use: <see cref="Threads"/> up to the processor count (more threads than cores only make the
    /// fixed-size work slower), or the processor count when it is 0.
    /// </summary>
    public int EffectiveThreads => Threads > 0 ? Math.Min(Threads, Environment.ProcessorCount) : Environment.ProcessorCount;
}
