namespace Asmr.Cli.Tests.Hardening;

/// <summary>
/// stderr for an in-process command that fills a small file system (with one file of zeros) the first time a given
/// text is written, so the disk is full exactly while the command works and before it writes its output.
/// </summary>
internal sealed class DiskFillingWriter(string trigger, string fillerPath) : StringWriter
{
    public bool Filled { get; private set; }

    public override void Write(string? value)
    {
        base.Write(value);
        if (!Filled && value is not null && value.Contains(trigger, StringComparison.Ordinal))
        {
            Fill();
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        base.WriteLine();
    }

    private void Fill()
    {
        Filled = true;
        byte[] block = new byte[4096];
        using var filler = new FileStream(fillerPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the file system is full, as wanted. Keep it full with smaller writes to the last byte.
            for (int size = 2048; size >= 1; size /= 2)
            {
                try
                {
                    while (true)
                    {
                        filler.Write(block, 0, size);
                    }
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
