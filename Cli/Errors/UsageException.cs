namespace Asmr.Cli.Errors;

/// <summary>An argument is wrong in a way the parser could not see (for example a crop outside the picture). Exit code 1.</summary>
internal sealed class UsageException : AsmrcException
{
    public UsageException(string message, string? hint = null, Exception? innerException = null)
        : base(message, hint, innerException)
    {
    }

    public override int ExitCode => ExitCodes.UsageError;
}
