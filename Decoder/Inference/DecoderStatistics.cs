namespace Asmr.Decoder.Inference;

/// <summary>Counts of cells a decoder evaluated, per level (the work-proportionality tests read these).</summary>
internal sealed class DecoderStatistics
{
    private readonly long[] _cells;

    public DecoderStatistics(int levels) => _cells = new long[levels];

    /// <summary>Cells of <paramref name="level"/>'s grid evaluated since construction or <see cref="Reset"/>.</summary>
    public long Cells(int level) => Interlocked.Read(ref _cells[level]);

    public void Add(int level, long count) => Interlocked.Add(ref _cells[level], count);

    public void Reset()
    {
        for (int l = 0; l < _cells.Length; l++)
        {
            Interlocked.Exchange(ref _cells[l], 0);
        }
    }
}
