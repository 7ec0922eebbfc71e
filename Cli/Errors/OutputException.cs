namespace Asmr.Cli.Errors;

/// <summary>The output cannot be written (exists without -y, folder missing, read-only, disk full). Exit code 4.</summary>
internal sealed class OutputException : AsmrcException
{
    public OutputException(string message, string? hint = null, Exception? innerException = null)
        : base(message, hint, innerException)
    {
    }

    public override int ExitCode => ExitCodes.OutputError;
}
