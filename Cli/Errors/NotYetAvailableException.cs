namespace Asmr.Cli.Errors;

/// <summary>
/// Thrown by a verb whose behaviour is not wired to the libraries in this build. Exit code 7.
/// PLACEHOLDER: goes away once encode, decode, play and conform are wired.
/// </summary>
internal sealed class NotYetAvailableException : AsmrcException
{
    public NotYetAvailableException(string verb)
        : base($"{verb}: not available in this build yet", hint: null, innerException: null)
    {
        Verb = verb;
    }

    /// <summary>The verb that is not available, e.g. <c>decode</c>.</summary>
    public string Verb { get; }

    public override int ExitCode => ExitCodes.InternalError;
}
