namespace Asmr.Cli.Hosting;

/// <summary>
/// The process's standard streams as the commands see them, so tests can run the real commands in-process.
/// </summary>
/// <param name="Out">Text on stdout (info output, help).</param>
/// <param name="Error">Text on stderr (errors, progress).</param>
/// <param name="ErrorIsTerminal">stderr is an interactive terminal, so a live progress bar may be drawn on it.</param>
/// <param name="OutputIsTerminal">stdout is an interactive terminal (the terminal player needs it).</param>
/// <param name="OpenStandardInput">Opens stdin as bytes (for <c>encode -</c>).</param>
/// <param name="OpenStandardOutput">Opens stdout as bytes (for <c>decode IN -</c>).</param>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    bool ErrorIsTerminal,
    bool OutputIsTerminal,
    Func<Stream> OpenStandardInput,
    Func<Stream> OpenStandardOutput)
{
    /// <summary>Where a command keeps temporary files (the copy of y4m on stdin): the system's temporary folder.</summary>
    public string TemporaryFolder { get; init; } = Path.GetTempPath();

    /// <summary>The real console of this process.</summary>
    public static CliConsole System { get; } = new(
        Console.Out,
        Console.Error,
        ErrorIsTerminal: !Console.IsErrorRedirected,
        OutputIsTerminal: !Console.IsOutputRedirected,
        Console.OpenStandardInput,
        Console.OpenStandardOutput);

    /// <summary>A console with the given writers, no terminal, and empty/discarding byte streams (for tests).</summary>
    public static CliConsole Redirected(TextWriter output, TextWriter error) =>
        new(output, error, ErrorIsTerminal: false, OutputIsTerminal: false, () => Stream.Null, () => Stream.Null);
}
