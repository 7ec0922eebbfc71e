using System.Runtime.InteropServices;

namespace Asmr.Cli.Hosting;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancelled <see cref="Token"/>, so the command can stop and
/// the libraries can remove their temporary files. A second signal is not intercepted: the process then ends
/// the default way, at once.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public SignalCancellation()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, HandleSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, HandleSignal),
        ];
    }

    /// <summary>Cancelled when the first SIGINT or SIGTERM arrives.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    /// <summary>What happens when SIGINT or SIGTERM arrives (internal so tests can call it with a context of their own).</summary>
    internal void HandleSignal(PosixSignalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_source.IsCancellationRequested)
        {
            // Second signal: let the runtime terminate the process.
            context.Cancel = false;
            return;
        }

        context.Cancel = true;
        _source.Cancel();
    }
}
