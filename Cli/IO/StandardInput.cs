using Asmr.Cli.Hosting;

namespace Asmr.Cli.IO;

/// <summary>Reads an .asmr file given as <c>-</c> from stdin.</summary>
internal static class StandardInput
{
    /// <summary>
    /// Copies all of stdin into memory: the reader checks every CRC before it decodes, so it needs the whole file
    /// and seeks in it, which a pipe cannot do (.asmr files are small: their models are kilobytes to megabytes).
    /// </summary>
    public static MemoryStream ReadAll(CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var copy = new MemoryStream();
        using (var stdin = console.OpenStandardInput())
        {
            stdin.CopyToAsync(copy, cancellationToken).GetAwaiter().GetResult();
        }

        copy.Position = 0;
        return copy;
    }
}
