using Asmr.Cli.Hosting;

namespace Asmr.Cli.Tests.Support;

/// <summary>Runs the real asmrc command tree in-process with redirected writers.</summary>
internal static class Asmrc
{
    public static async Task<CliResult> RunAsync(params string[] args) => await RunAsync(args, CancellationToken.None);

    public static async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var error = new StringWriter();
        return await RunAsync(args, error, cancellationToken);
    }

    /// <summary>Runs with the given stderr writer (e.g. a <see cref="TripwireWriter"/> that acts on a line).</summary>
    public static async Task<CliResult> RunAsync(string[] args, StringWriter error, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        int code = await AsmrcCli.RunAsync(args, CliConsole.Redirected(output, error), cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
