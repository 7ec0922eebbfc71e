namespace Asmr.Cli.Errors;

/// <summary>The parts given to <c>asmrc merge</c> do not make one video: one is missing, repeated or foreign. Exit code 9.</summary>
internal sealed class PartsMismatchException : AsmrcException
{
    public PartsMismatchException(string message, string? hint = null, Exception? innerException = null)
        : base(message, hint, innerException)
    {
    }

    public override int ExitCode => ExitCodes.PartsMismatch;
}
