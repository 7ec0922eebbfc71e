using System.CommandLine;
using System.CommandLine.Parsing;

namespace Asmr.Cli.Parsing;

/// <summary>
/// A repeated option takes its last value, as in ffmpeg (so a script can append an option to override one it was
/// given). System.CommandLine refuses a second value for a single-valued option, so each one is allowed several
/// values (one per occurrence: <see cref="Option.AllowMultipleArgumentsPerToken"/> stays false, so an option never
/// swallows the words after it) and its parser reads the last with <see cref="LastToken"/>.
/// </summary>
internal static class RepeatedOptions
{
    /// <summary>Lets the last occurrence win for every single-valued option of <paramref name="command"/> and its verbs.</summary>
    public static void LetTheLastWin(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in command.Options)
        {
            if (option.Arity.MinimumNumberOfValues == 1 && option.Arity.MaximumNumberOfValues == 1)
            {
                option.Arity = ArgumentArity.OneOrMore;
            }
        }

        foreach (var verb in command.Subcommands)
        {
            LetTheLastWin(verb);
        }
    }

    /// <summary>The value of the last occurrence of an option (empty when there is none).</summary>
    public static string LastToken(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
    }
}
