namespace Asmr.Cli.Errors;

/// <summary>A part file (or a whole video given as a part) fails its checks: damaged, truncated, not a part. Exit code 3.</summary>
internal sealed class DamagedPartException : AsmrcException
{
    public DamagedPartException(string message, string? hint = null, Exception? innerException = null)
        : base(message, hint, innerException)
    {
    }

    public override int ExitCode => ExitCodes.InvalidAsmr;
}
