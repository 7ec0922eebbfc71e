using System.CommandLine;
using Asmr.Cli.Errors;
using Asmr.Cli.Hosting;
using Asmr.Cli.IO;
using Asmr.Cli.Progress;
using Asmr.Conformance.Running;

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
        return new ConformRequest(parseResult.GetValue(definition.Directory), settings.EffectiveThreads, parseResult.GetValue(definition.Scalar));
    }

    /// <summary>
    /// Checks every vector of the manifest (valid ones decode to the expected hashes, invalid ones fail with the
    /// expected error), prints one row per vector and a summary, and returns the number of failures (at most 125).
    /// </summary>
    internal static Task<int> RunAsync(ConformRequest request, CliConsole console, IProgressReporter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(progress);
        string directory = request.Directory
            ?? ConformanceRunner.FindDefaultDirectory()
            ?? throw new UsageException(
                "No conformance vectors found (looked for Conformance/vectors/manifest.json above the current folder).",
                hint: "pass the folder: asmrc conform path/to/Conformance/vectors");
        if (!File.Exists(Path.Combine(directory, "manifest.json")))
        {
            throw new InputException($"'{directory}' has no manifest.json.");
        }

        var settings = new ConformanceSettings { Threads = request.Threads, ForceScalar = request.ForceScalar };
        var summary = ConformanceRunner.Run(directory, settings, log: null, cancellationToken);
        ConformanceReport.WriteTable(summary, console.Out);
        console.Out.WriteLine(ConformanceReport.SummaryLine(summary));
        return Task.FromResult(summary.ExitCode);
    }
}
