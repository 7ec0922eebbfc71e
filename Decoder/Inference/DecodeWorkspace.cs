namespace Asmr.Decoder.Inference;

/// <summary>One worker's scratch vectors, sized once per region; nothing here outlives a kernel call's meaning.</summary>
internal sealed class DecodeWorkspace
{
    public DecodeWorkspace(FixedPointNetwork network, int blockCells)
    {
        ArgumentNullException.ThrowIfNull(network);
        int hp = network.PaddedWidth;
        Theta = new uint[hp];
        Shared = new uint[hp];
        Activations = new short[hp];
        Accumulators = new int[hp];
        SinCos = new int[hp];
        OutputPairs = new int[network.Channels * hp];
        BlockStride = PairDot.RoundUp(blockCells);
        Values = new int[network.Channels * BlockStride];
        PairScratch = network.LastPairs.Table is null ? new int[network.Width * BlockStride] : [];
        Samples = new ushort[network.Channels * BlockStride];
        Cells = new long[network.Levels];
    }

    /// <summary>Samples converted from <see cref="Values"/>, same layout.</summary>
    public ushort[] Samples { get; }

    /// <summary>Cells evaluated per level since the last flush into <see cref="DecoderStatistics"/>.</summary>
    public long[] Cells { get; }

    /// <summary>θ of the cell being evaluated (u32 phases).</summary>
    public uint[] Theta { get; }

    /// <summary>The part of the next level's θ shared by the cell's children (for the last level: pre(p)).</summary>
    public uint[] Shared { get; }

    /// <summary>h = S(θ), Q14, zero beyond H (so odd H pads the last pair with 0).</summary>
    public short[] Activations { get; }

    public int[] Accumulators { get; }

    /// <summary>Packed (S, C) of pre(p), see <see cref="SineTable.SinCos"/>.</summary>
    public int[] SinCos { get; }

    /// <summary>(A, B) pairs per output channel, <see cref="FixedPointNetwork.PaddedWidth"/> apart.</summary>
    public int[] OutputPairs { get; }

    /// <summary>v per output channel for one block of last-level cells, <see cref="BlockStride"/> apart.</summary>
    public int[] Values { get; }

    public int BlockStride { get; }

    /// <summary>(C, S) pairs of one block when the last level's table is not precomputed.</summary>
    public int[] PairScratch { get; }
}
