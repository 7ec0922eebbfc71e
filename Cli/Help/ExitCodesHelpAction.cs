using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Asmr.Cli.Help;

/// <summary>The standard help, followed by the exit-code table (for the root command and every verb).</summary>
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
        parseResult.InvocationConfiguration.Output.Write(ExitCodes.FormatTable());
        parseResult.InvocationConfiguration.Output.WriteLine();
        return result;
    }
}
