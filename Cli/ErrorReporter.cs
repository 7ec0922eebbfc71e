using System.Reflection;
using Asmr.Cli.Errors;
using Asmr.Media.IO;

namespace Asmr.Cli;

/// <summary>
/// The one place where exceptions become exit codes and messages. A user mistake prints one line on stderr,
/// <c>asmrc: error: &lt;message&gt;</c>, and maybe a <c>hint:</c> line; a stack trace only with --verbose.
/// </summary>
internal sealed class ErrorReporter
{
    private readonly TextWriter _error;
    private readonly bool _verbose;
    private readonly IReadOnlyCollection<string> _outputPaths;

    /// <param name="error">Where to write (stderr).</param>
    /// <param name="verbose">Print the full exception, stack trace included, after the one-line message.</param>
    /// <param name="outputPaths">
    /// The paths the command writes. An <see cref="UnauthorizedAccessException"/> or <see cref="DirectoryNotFoundException"/>
    /// that names one of them is an output problem (4); otherwise it is taken to be about the input (2).
    /// </param>
    public ErrorReporter(TextWriter error, bool verbose, IReadOnlyCollection<string>? outputPaths = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        _error = error;
        _verbose = verbose;
        _outputPaths = outputPaths ?? [];
    }

    /// <summary>Writes the error for <paramref name="exception"/> and returns the exit code to use.</summary>
    public int Report(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        exception = Unwrap(exception);
        int code = ExitCodeFor(exception, _outputPaths);
        string message = TemporaryNames.ToUserNames(MessageFor(exception, code));
        string? hint = HintFor(exception, code);
        WriteError(_error, message, hint);
        if (_verbose && exception is not OperationCanceledException)
        {
            _error.WriteLine(exception.ToString());
        }

        return code;
    }

    /// <summary>Maps an exception to its exit code (see <see cref="ExitCodes"/>).</summary>
    public static int ExitCodeFor(Exception exception, IReadOnlyCollection<string>? outputPaths = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        exception = Unwrap(exception);
        outputPaths ??= [];
        return exception switch
        {
            OperationCanceledException => ExitCodes.Interrupted,
            AsmrcException known => known.ExitCode,
            MediaToolMissingException => ExitCodes.ToolMissing,
            InvalidDataException or EndOfStreamException => ExitCodes.InvalidAsmr,
            NotSupportedException => ExitCodes.Unsupported,
            FileNotFoundException => ExitCodes.InputError,
            DirectoryNotFoundException or UnauthorizedAccessException =>
                NamesAnyOf(exception, outputPaths) ? ExitCodes.OutputError : ExitCodes.InputError,
            IOException => ExitCodes.OutputError,
            _ => ExitCodes.InternalError,
        };
    }

    /// <summary>Writes <c>asmrc: error: message</c> and, if given, <c>hint: hint</c>; each is forced onto one line.</summary>
    public static void WriteError(TextWriter error, string message, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"asmrc: error: {OneLine(message)}");
        if (!string.IsNullOrWhiteSpace(hint))
        {
            error.WriteLine($"hint: {OneLine(hint)}");
        }
    }

    private static string MessageFor(Exception exception, int code) => code switch
    {
        ExitCodes.Interrupted => "interrupted",
        ExitCodes.InternalError when exception is not AsmrcException => $"{exception.GetType().Name}: {exception.Message}",
        _ => exception.Message,
    };

    private static string? HintFor(Exception exception, int code) => exception switch
    {
        AsmrcException known => known.Hint,
        _ => code switch
        {
            ExitCodes.ToolMissing => "install ffmpeg, which provides ffprobe too (Debian/Ubuntu: apt-get install -y ffmpeg), or add the folder that holds them to PATH",
            ExitCodes.InternalError => "this is a bug in asmrc; rerun with --verbose and report the output",
            _ => null,
        },
    };

    private static bool NamesAnyOf(Exception exception, IReadOnlyCollection<string> paths)
    {
        foreach (string path in paths)
        {
            if (path.Length == 0 || path == "-")
            {
                continue;
            }

            if (exception.Message.Contains(path, StringComparison.Ordinal)
                || exception.Message.Contains(Path.GetFullPath(path), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    break;
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    break;
                default:
                    return exception;
            }
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
