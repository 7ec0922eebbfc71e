using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Asmr.Cli.Help;

/// <summary>
/// The standard help, followed by the exit-code table (for the root command and every verb), or by a verb's own
/// exit codes when it has them (<see cref="IOwnExitCodes"/>, e.g. conform).
/// </summary>
internal sealed class ExitCodesHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _inner;

    public ExitCodesHelpAction(HelpAction inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        int result = _inner.Invoke(parseResult);
        string exitCodes = parseResult.CommandResult.Command is IOwnExitCodes own ? own.ExitCodesHelp : ExitCodes.FormatTable();
        parseResult.InvocationConfiguration.Output.Write(exitCodes);
        parseResult.InvocationConfiguration.Output.WriteLine();
        return result;
    }
}
