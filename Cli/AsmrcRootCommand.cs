using System.CommandLine;
using System.CommandLine.Help;
using Asmr.Cli.Commands.Conform;
using Asmr.Cli.Commands.Decode;
using Asmr.Cli.Commands.Encode;
using Asmr.Cli.Commands.Info;
using Asmr.Cli.Commands.Merge;
using Asmr.Cli.Commands.Play;
using Asmr.Cli.Help;
using Asmr.Cli.Hosting;
using Asmr.Cli.Parsing;

namespace Asmr.Cli;

/// <summary>Builds the <c>asmrc</c> command tree and connects each verb's definition to its behaviour.</summary>
internal static class AsmrcRootCommand
{
    public const string Description =
        "asmrc: a neural video codec. Each segment of a video is fitted with an ASMR coordinate network; "
        + "the .asmr file stores the quantised networks.";

    /// <summary>
    /// Creates the command tree. Actions run with <paramref name="console"/>, and record the outputs they declare in
    /// <paramref name="outputPaths"/> (used by <see cref="ErrorReporter"/> to tell input from output errors).
    /// </summary>
    public static RootCommand Create(GlobalOptions globals, CliConsole console, List<string> outputPaths)
    {
        ArgumentNullException.ThrowIfNull(globals);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(outputPaths);
        var root = new RootCommand(Description);
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new ExitCodesHelpAction(help);
            }
            else if (option is VersionOption versionOption)
            {
                versionOption.Action = new VersionAction();
            }
        }

        CommandContext Context(ParseResult parseResult) => new(console, globals.Read(parseResult), outputPaths);

        var encode = new EncodeCommandDefinition();
        encode.SetAction((parseResult, ct) => EncodeCommand.ExecuteAsync(parseResult, encode, Context(parseResult), ct));
        var decode = new DecodeCommandDefinition();
        decode.SetAction((parseResult, ct) => DecodeCommand.ExecuteAsync(parseResult, decode, Context(parseResult), ct));
        var play = new PlayCommandDefinition();
        play.SetAction((parseResult, ct) => PlayCommand.ExecuteAsync(parseResult, play, Context(parseResult), ct));
        var info = new InfoCommandDefinition();
        info.SetAction((parseResult, ct) => InfoCommand.ExecuteAsync(parseResult, info, Context(parseResult), ct));
        var merge = new MergeCommandDefinition();
        merge.SetAction((parseResult, ct) => MergeCommand.ExecuteAsync(parseResult, merge, Context(parseResult), ct));
        var conform = new ConformCommandDefinition();
        conform.SetAction((parseResult, ct) => ConformCommand.ExecuteAsync(parseResult, conform, Context(parseResult), ct));

        root.Subcommands.Add(encode);
        root.Subcommands.Add(decode);
        root.Subcommands.Add(play);
        root.Subcommands.Add(info);
        root.Subcommands.Add(merge);
        root.Subcommands.Add(conform);
        RepeatedOptions.LetTheLastWin(root);
        return root;
    }
}
