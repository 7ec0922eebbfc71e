using System.CommandLine;
using Asmr.Cli.Parsing;

namespace Asmr.Cli.Hosting;

/// <summary>The options every verb accepts, before or after the verb (they are recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    /// <summary>The largest <c>--threads</c> value accepted.</summary>
    public const int MaxThreads = 1024;

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Print details, and stack traces on errors.",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet")
    {
        Description = "Print nothing on stderr except errors (no progress).",
        Recursive = true,
    };

    public Option<bool> Overwrite { get; } = new("--overwrite", "-y")
    {
        Description = "Overwrite output files without asking.",
        Recursive = true,
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Worker threads (0 = one per core; at most the core count).",
        HelpName = "N",
        DefaultValueFactory = _ => 0,
        CustomParser = NumberParsers.Int("--threads", 0, MaxThreads, " (0 = one per core)"),
        Recursive = true,
    };

    public Option<string?> Progress { get; } = new("--progress")
    {
        Description = "Write machine-readable progress (key=value lines, ending with progress=end) to FILE, or to stdout with -.",
        HelpName = "FILE",
        CustomParser = RepeatedOptions.LastToken,
        Recursive = true,
    };

    /// <summary>All of them, in help order.</summary>
    public IEnumerable<Option> All => [Verbose, Quiet, Overwrite, Threads, Progress];

    /// <summary>Reads the global settings from a parse result.</summary>
    public GlobalSettings Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new GlobalSettings(
            parseResult.GetValue(Verbose),
            parseResult.GetValue(Quiet),
            parseResult.GetValue(Overwrite),
            parseResult.GetValue(Threads),
            parseResult.GetValue(Progress));
    }
}
