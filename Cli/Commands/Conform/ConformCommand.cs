using System.CommandLine;
using Asmr.Cli.Errors;
using Asmr.Cli.Hosting;
using Asmr.Cli.IO;
using Asmr.Cli.Progress;

namespace Asmr.Cli.Commands.Conform;

/// <summary>The behaviour of <c>asmrc conform</c>.</summary>
internal static class ConformCommand
{
    public static async Task<int> ExecuteAsync(ParseResult parseResult, ConformCommandDefinition definition, CommandContext context, CancellationToken cancellationToken)
    {
        var request = FromParseResult(parseResult, definition, context.Settings);
        if (request.Directory is not null)
        {
            FileChecks.RequireInputDirectory(request.Directory);
        }

        using var progress = context.CreateProgress();
        return await RunAsync(request, context.Console, progress, cancellationToken).ConfigureAwait(false);
    }

    public static ConformRequest FromParseResult(ParseResult parseResult, ConformCommandDefinition definition, GlobalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        return new ConformRequest(parseResult.GetValue(definition.Directory), settings.EffectiveThreads);
    }

    /// <summary>
    /// PLACEHOLDER (lead wires this): run the Conformance runner over the vectors, one line per vector on
    /// <see cref="CliConsole.Out"/> (name, pass/FAIL) and a summary; return <see cref="ExitCodes.Success"/> when all
    /// pass. Decide the failing exit code (3 fits: a vector decodes wrongly) and add it to the README.
    /// </summary>
    internal static Task<int> RunAsync(ConformRequest request, CliConsole console, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(progress);
        cancellationToken.ThrowIfCancellationRequested();
        throw new NotYetAvailableException("conform");
    }
}
