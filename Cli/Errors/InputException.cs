namespace Asmr.Cli.Errors;

/// <summary>The input is missing, unreadable or not something we can read. Exit code 2.</summary>
internal sealed class InputException : AsmrcException
{
    public InputException(string message, string? hint = null, Exception? innerException = null)
        : base(message, hint, innerException)
    {
    }

    public override int ExitCode => ExitCodes.InputError;
}
