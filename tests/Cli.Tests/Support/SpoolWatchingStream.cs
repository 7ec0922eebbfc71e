namespace Asmr.Cli.Tests.Support;

/// <summary>
/// Standard input for an in-process <c>encode -</c>: serves the bytes and, once they are all read (the temporary copy
/// of stdin then exists, still open), records the mode of each of this process's <c>asmrc-stdin-*</c> files.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class SpoolWatchingStream(byte[] bytes) : MemoryStream(bytes)
{
    private readonly List<UnixFileMode> _modes = [];

    public IReadOnlyList<UnixFileMode> SpoolModes => _modes;

    public override int Read(byte[] buffer, int offset, int count) => Watch(base.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Watch(base.Read(buffer));

    private int Watch(int read)
    {
        if (read == 0 && _modes.Count == 0)
        {
            foreach (string file in Directory.GetFiles(Path.GetTempPath(), $"asmrc-stdin-{Environment.ProcessId}-*"))
            {
                _modes.Add(File.GetUnixFileMode(file));
            }
        }

        return read;
    }
}
