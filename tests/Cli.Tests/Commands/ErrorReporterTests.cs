using Asmr.Cli.Errors;
using Asmr.Media.IO;

namespace Asmr.Cli.Tests.Commands;

public sealed class ErrorReporterTests
{
    public static TheoryData<Exception, int> Mappings => new()
    {
        { new InvalidDataException("bad magic"), ExitCodes.InvalidAsmr },
        { new EndOfStreamException("truncated"), ExitCodes.InvalidAsmr },
        { new NotSupportedException("needs reader 2"), ExitCodes.Unsupported },
        { new FileNotFoundException("no such file", "in.mp4"), ExitCodes.InputError },
        { new DirectoryNotFoundException("Could not find a part of the path '/nope/in.mp4'."), ExitCodes.InputError },
        { new UnauthorizedAccessException("Access to the path '/root/in.mp4' is denied."), ExitCodes.InputError },
        { new IOException("No space left on device"), ExitCodes.OutputError },
        { new OperationCanceledException(), ExitCodes.Interrupted },
        { new TaskCanceledException(), ExitCodes.Interrupted },
        { new MediaToolMissingException("ffmpeg was not found"), ExitCodes.ToolMissing },
        { new InvalidOperationException("boom"), ExitCodes.InternalError },
        { new FormatException("unexpected"), ExitCodes.InternalError },
        { new UsageException("bad crop"), ExitCodes.UsageError },
        { new InputException("no such file"), ExitCodes.InputError },
        { new OutputException("exists"), ExitCodes.OutputError },
        { new AggregateException(new InvalidDataException("inner")), ExitCodes.InvalidAsmr },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Each_exception_kind_maps_to_its_exit_code(Exception exception, int expected)
    {
        Assert.Equal(expected, ErrorReporter.ExitCodeFor(exception));
    }

    [Theory]
    [InlineData("Access to the path '/out/x.asmr' is denied.")]
    [InlineData("Could not find a part of the path '/out/x.asmr'.")]
    public void Access_errors_that_name_an_output_are_output_errors(string message)
    {
        Exception exception = message.StartsWith("Access", StringComparison.Ordinal)
            ? new UnauthorizedAccessException(message)
            : new DirectoryNotFoundException(message);
        Assert.Equal(ExitCodes.OutputError, ErrorReporter.ExitCodeFor(exception, ["/out/x.asmr"]));
        Assert.Equal(ExitCodes.InputError, ErrorReporter.ExitCodeFor(exception, ["/elsewhere/y.asmr"]));
    }

    [Fact]
    public void A_user_mistake_is_one_line_without_a_stack_trace()
    {
        var error = new StringWriter();
        int code = new ErrorReporter(error, verbose: false).Report(Thrown(new InvalidDataException("SEQH: width is 0\nat offset 0x20")));

        Assert.Equal(ExitCodes.InvalidAsmr, code);
        Assert.Equal("asmrc: error: SEQH: width is 0 at offset 0x20" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void An_internal_error_names_the_exception_and_hints_at_verbose()
    {
        var error = new StringWriter();
        int code = new ErrorReporter(error, verbose: false).Report(Thrown(new InvalidOperationException("boom")));

        Assert.Equal(ExitCodes.InternalError, code);
        string[] lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["asmrc: error: InvalidOperationException: boom", "hint: this is a bug in asmrc; rerun with --verbose and report the output"], lines);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        var error = new StringWriter();
        new ErrorReporter(error, verbose: true).Report(Thrown(new InvalidOperationException("boom")));

        Assert.Contains("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("asmrc: error: InvalidOperationException: boom", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tool_hints_how_to_install_it()
    {
        var error = new StringWriter();
        new ErrorReporter(error, verbose: false).Report(new MediaToolMissingException("ffmpeg was not found on PATH"));
        Assert.Contains("hint: install ffmpeg", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("No space left on device : '/data/o2.asmr.tmp3925a1b2c3d4e5f6'", "No space left on device : '/data/o2.asmr'")]
    [InlineData("Access to the path '/out/.clip.mp4.0123456789ab.tmp.mp4' is denied.", "Access to the path '/out/clip.mp4' is denied.")]
    [InlineData("No space left on device : '/pngs/.f_003.png.0123456789ab.tmp'", "No space left on device : '/pngs/f_003.png'")]
    [InlineData("Could not find '/a/b.tmp/c.asmr'", "Could not find '/a/b.tmp/c.asmr'")]
    public void Temporary_file_names_in_a_message_are_shown_as_the_output_the_user_named(string thrown, string shown)
    {
        var error = new StringWriter();
        int code = new ErrorReporter(error, verbose: false).Report(new IOException(thrown));

        Assert.Equal(ExitCodes.OutputError, code);
        Assert.Equal($"asmrc: error: {shown}" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void Interruption_is_reported_as_such()
    {
        var error = new StringWriter();
        int code = new ErrorReporter(error, verbose: true).Report(new OperationCanceledException());
        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Equal("asmrc: error: interrupted" + Environment.NewLine, error.ToString());
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
