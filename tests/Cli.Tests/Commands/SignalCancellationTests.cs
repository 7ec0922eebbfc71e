using System.Runtime.InteropServices;
using Asmr.Cli.Hosting;

namespace Asmr.Cli.Tests.Commands;

public sealed class SignalCancellationTests
{
    [Theory]
    [InlineData(PosixSignal.SIGINT)]
    [InlineData(PosixSignal.SIGTERM)]
    public void The_first_signal_cancels_the_token_and_keeps_the_process_alive(PosixSignal signal)
    {
        using var signals = new SignalCancellation();
        var context = new PosixSignalContext(signal);

        signals.HandleSignal(context);

        Assert.True(signals.Token.IsCancellationRequested);
        Assert.True(context.Cancel);
    }

    [Fact]
    public void A_second_signal_is_left_to_end_the_process()
    {
        using var signals = new SignalCancellation();
        signals.HandleSignal(new PosixSignalContext(PosixSignal.SIGINT));
        var second = new PosixSignalContext(PosixSignal.SIGINT);

        signals.HandleSignal(second);

        Assert.False(second.Cancel);
    }

    [Fact]
    public void Without_a_signal_the_token_stays_live()
    {
        using var signals = new SignalCancellation();
        Assert.False(signals.Token.IsCancellationRequested);
    }
}
