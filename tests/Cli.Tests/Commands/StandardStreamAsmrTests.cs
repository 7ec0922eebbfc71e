using Asmr.Cli.Hosting;
using Asmr.Cli.Tests.Support;
using Asmr.Container;

namespace Asmr.Cli.Tests.Commands;

/// <summary><c>encode IN -</c> sends the .asmr to stdout; <c>decode -</c> and <c>info -</c> read it from stdin.</summary>
public sealed class StandardStreamAsmrTests
{
    [Fact]
    public async Task Encode_to_dash_writes_the_asmr_to_stdout_and_no_file()
    {
        using var temp = new TempDirectory();
        Ffmpeg.TestPattern(temp.File("in.y4m"), frames: 2);
        using var stdout = new MemoryStream();
        using var error = new StringWriter();
        var console = CliConsole.Redirected(TextWriter.Null, error) with { OpenStandardOutput = () => new KeepOpen(stdout) };

        int code = await AsmrcCli.RunAsync(["encode", temp.File("in.y4m"), "-", "--steps", "20", "--threads", "1"], console, CancellationToken.None);

        Assert.True(code == ExitCodes.Success, error.ToString());
        stdout.Position = 0;
        using var reader = AsmrReader.Open(stdout, leaveOpen: true);
        Assert.Equal((16, 16, 2), (reader.SequenceHeader.Width, reader.SequenceHeader.Height, reader.SequenceHeader.FrameCount));
        Assert.Contains($"stdout: {stdout.Length:N0} bytes", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["in.y4m"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Encode_to_dash_is_refused_when_stdout_is_a_terminal()
    {
        using var temp = new TempDirectory();
        Ffmpeg.TestPattern(temp.File("in.y4m"), frames: 2);
        using var error = new StringWriter();
        var console = CliConsole.Redirected(TextWriter.Null, error) with { OutputIsTerminal = true };

        int code = await AsmrcCli.RunAsync(["encode", temp.File("in.y4m"), "-", "--steps", "20"], console, CancellationToken.None);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.StartsWith("asmrc: error: Refusing to write an .asmr file to a terminal.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_from_dash_reads_the_asmr_from_stdin()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));
        byte[] asmr = File.ReadAllBytes(temp.File("in.asmr"));
        using var error = new StringWriter();
        var console = CliConsole.Redirected(TextWriter.Null, error) with { OpenStandardInput = () => new MemoryStream(asmr) };

        int code = await AsmrcCli.RunAsync(["decode", "-", temp.File("out.y4m"), "--quiet"], console, CancellationToken.None);
        var fromFile = await Asmrc.RunAsync("decode", temp.File("in.asmr"), temp.File("file.y4m"), "--quiet");

        Assert.True(code == ExitCodes.Success, error.ToString());
        Assert.Equal(ExitCodes.Success, fromFile.ExitCode);
        Assert.Equal(File.ReadAllBytes(temp.File("file.y4m")), File.ReadAllBytes(temp.File("out.y4m")));
    }

    [Fact]
    public async Task Info_of_dash_reads_the_asmr_from_stdin()
    {
        using var temp = new TempDirectory();
        SampleAsmr.Write(temp.File("in.asmr"));
        byte[] asmr = File.ReadAllBytes(temp.File("in.asmr"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.Redirected(output, error) with { OpenStandardInput = () => new MemoryStream(asmr) };

        int code = await AsmrcCli.RunAsync(["info", "-"], console, CancellationToken.None);

        Assert.True(code == ExitCodes.Success, error.ToString());
        Assert.Contains($"stdin ({asmr.Length:N0} bytes)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("16x16, 4 frames", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_of_dash_with_damaged_stdin_exits_3()
    {
        using var error = new StringWriter();
        var console = CliConsole.Redirected(TextWriter.Null, error) with { OpenStandardInput = () => new MemoryStream("not an asmr file"u8.ToArray()) };

        int code = await AsmrcCli.RunAsync(["info", "-"], console, CancellationToken.None);

        Assert.Equal(ExitCodes.InvalidAsmr, code);
    }

    /// <summary>A stream the command may dispose without losing what the test wants to read back.</summary>
    private sealed class KeepOpen(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
