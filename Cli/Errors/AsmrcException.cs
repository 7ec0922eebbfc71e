namespace Asmr.Cli.Errors;

/// <summary>
/// A failure the CLI itself detected and knows how to explain: it carries its exit code and an optional
/// <c>hint:</c> line. <see cref="ErrorReporter"/> prints it as one line, never with a stack trace.
/// </summary>
internal abstract class AsmrcException : Exception
{
    protected AsmrcException(string message, string? hint, Exception? innerException)
        : base(message, innerException)
    {
        Hint = hint;
    }

    /// <summary>The process exit code (one of <see cref="ExitCodes"/>).</summary>
    public abstract int ExitCode { get; }

    /// <summary>An optional second line telling the user what to do, printed as <c>hint: ...</c>.</summary>
    public string? Hint { get; }
}
