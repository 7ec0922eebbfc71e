namespace Asmr.Cli.Help;

/// <summary>A verb whose exit codes do not follow <see cref="ExitCodes"/>: its help shows this text instead of the table.</summary>
internal interface IOwnExitCodes
{
    /// <summary>The "Exit codes:" section of the verb's help, ending with a newline.</summary>
    string ExitCodesHelp { get; }
}
