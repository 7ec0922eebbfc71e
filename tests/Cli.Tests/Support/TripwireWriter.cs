using System.Text;

namespace Asmr.Cli.Tests.Support;

/// <summary>
/// A <see cref="StringWriter"/> that runs an action once, on the writing thread, as soon as the text written so far
/// contains a marker. It lets a test act at an exact point of a run (e.g. cancel when a stage line appears) without
/// polling from another thread, which a busy thread pool can delay until the run is over.
/// </summary>
internal sealed class TripwireWriter(string marker, Action tripped) : StringWriter
{
    private bool _tripped;

    public override void Write(char value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        base.Write(buffer, index, count);
        Check();
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        base.Write(buffer);
        Check();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(StringBuilder? value)
    {
        base.Write(value);
        Check();
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        base.WriteLine(buffer);
        Check();
    }

    private void Check()
    {
        if (!_tripped && GetStringBuilder().ToString().Contains(marker, StringComparison.Ordinal))
        {
            _tripped = true;
            tripped();
        }
    }
}
