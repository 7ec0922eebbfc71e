using Asmr.Cli.Hosting;

namespace Asmr.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var signals = new SignalCancellation();
        return await AsmrcCli.RunAsync(args, CliConsole.System, signals.Token).ConfigureAwait(false);
    }
}
