using Asmr.Cli.Hosting;

namespace Asmr.Cli.Tests.Support;

/// <summary>Runs the real asmrc command tree in-process with redirected writers.</summary>
internal static class Asmrc
{
    public static async Task<CliResult> RunAsync(params string[] args) => await RunAsync(args, CancellationToken.None);

    public static async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await AsmrcCli.RunAsync(args, CliConsole.Redirected(output, error), cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
