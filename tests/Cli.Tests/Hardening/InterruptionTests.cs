using System.Runtime.InteropServices;

namespace Asmr.Cli.Tests.Hardening;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM while asmrc works: exit code 130, one "interrupted" line, no partial output and no
/// temporary file left in the output folder.
/// </summary>
public sealed class InterruptionTests
{
    [Theory]
    [InlineData(PosixSignal.SIGINT, "out.y4m")]
    [InlineData(PosixSignal.SIGTERM, "out.y4m")]
    [InlineData(PosixSignal.SIGINT, "f_%03d.png")]
    [InlineData(PosixSignal.SIGTERM, "f_%03d.png")]
    public async Task A_signal_during_decode_exits_130_and_leaves_nothing(PosixSignal signal, string output)
    {
        using var temp = new Support.TempDirectory();
        HardeningInputs.WriteSlowAsmr(temp.File("in.asmr"));
        string folder = Directory.CreateDirectory(temp.File("out")).FullName;

        // The signal waits until the first frame has reached the output folder (as a temporary file), so it always
        // lands after output has started and long before the 256-frame decode ends.
        var result = await ChildAsmrc.RunAsync(
            ["decode", temp.File("in.asmr"), Path.Combine(folder, output)],
            temp.Path,
            signal: signal,
            signalAfter: "decoding: started",
            signalWhen: () => Directory.EnumerateFileSystemEntries(folder).Any());

        result.AssertFailure(ExitCodes.Interrupted, "interrupted");
        Assert.Empty(HardeningInputs.Listing(folder));
    }

    [Theory]
    [InlineData(PosixSignal.SIGINT)]
    [InlineData(PosixSignal.SIGTERM)]
    public async Task A_signal_during_encode_exits_130_and_leaves_nothing(PosixSignal signal)
    {
        using var temp = new Support.TempDirectory();
        HardeningInputs.WriteY4m(temp.File("in.y4m"), 32, 32, frames: 4);
        string folder = Directory.CreateDirectory(temp.File("out")).FullName;

        var result = await ChildAsmrc.RunAsync(
            ["encode", temp.File("in.y4m"), Path.Combine(folder, "out.asmr"), "--preset", "fast"],
            temp.Path,
            signal: signal,
            signalAfter: "fitting: started");

        result.AssertFailure(ExitCodes.Interrupted, "interrupted");
        Assert.Empty(HardeningInputs.Listing(folder));
        Assert.Equal(["in.y4m", "out"], HardeningInputs.Listing(temp.Path));
    }

    [Fact]
    public async Task A_signal_during_an_encode_from_stdin_removes_the_spooled_copy()
    {
        using var temp = new Support.TempDirectory();
        HardeningInputs.WriteY4m(temp.File("in.y4m"), 32, 32, frames: 4);
        string tmp = Directory.CreateDirectory(temp.File("tmp")).FullName;
        string folder = Directory.CreateDirectory(temp.File("out")).FullName;

        var result = await ChildAsmrc.RunAsync(
            ["encode", "-", Path.Combine(folder, "out.asmr"), "--preset", "fast"],
            temp.Path,
            new Dictionary<string, string?> { ["TMPDIR"] = tmp },
            stdinPath: temp.File("in.y4m"),
            signal: PosixSignal.SIGINT,
            signalAfter: "fitting: started");

        result.AssertFailure(ExitCodes.Interrupted, "interrupted");
        Assert.Empty(HardeningInputs.Listing(folder));
        Assert.Empty(HardeningInputs.Listing(tmp));
    }
}
