using System.CommandLine;
using System.CommandLine.Invocation;
using Asmr.Cli.Hosting;

namespace Asmr.Cli;

/// <summary>
/// Runs <c>asmrc</c> with given arguments, console and cancellation token, and returns the exit code. Program.Main
/// calls it with the real console; tests call it in-process with string writers.
/// </summary>
internal static class AsmrcCli
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var globals = new GlobalOptions();
        var outputPaths = new List<string>();
        var root = AsmrcRootCommand.Create(globals, console, outputPaths);
        ParseResult parseResult;
        try
        {
            parseResult = root.Parse(args);
        }
        catch (Exception exception)
        {
            // A parser or custom-parser bug: still one line (and the trace with --verbose), never a crash.
            return new ErrorReporter(console.Error, args.Contains("--verbose"), outputPaths).Report(exception);
        }

        if (parseResult.Action is ParseErrorAction)
        {
            return ReportParseError(parseResult, console.Error);
        }

        var settings = globals.Read(parseResult);
        if (settings.Verbose && settings.Quiet && parseResult.Action is not SynchronousCommandLineAction)
        {
            ErrorReporter.WriteError(console.Error, "--verbose and --quiet cannot be used together.");
            return ExitCodes.UsageError;
        }

        if (settings.Threads > Environment.ProcessorCount && !settings.Quiet)
        {
            await console.Error.WriteLineAsync(
                $"note: --threads {settings.Threads} is more than this machine's {Environment.ProcessorCount} cores; using {settings.EffectiveThreads}.").ConfigureAwait(false);
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return new ErrorReporter(console.Error, settings.Verbose, outputPaths).Report(exception);
        }
        finally
        {
            await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static int ReportParseError(ParseResult parseResult, TextWriter error)
    {
        string message = parseResult.Errors.Count > 0 ? parseResult.Errors[0].Message : "Invalid arguments.";
        if (parseResult.CommandResult.Command is RootCommand root
            && parseResult.UnmatchedTokens.FirstOrDefault(token => !token.StartsWith('-')) is { } word)
        {
            message = $"'{word}' is not an asmrc verb; the verbs are {string.Join(", ", root.Subcommands.Select(verb => verb.Name))}.";
        }

        ErrorReporter.WriteError(error, message, $"see '{CommandPath(parseResult)} --help'");
        return ExitCodes.UsageError;
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "asmrc" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
