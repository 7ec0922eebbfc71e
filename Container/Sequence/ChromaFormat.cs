namespace Asmr.Container;

/// <summary>
/// How the two chroma planes are subsampled relative to luma (the SEQH <c>chroma_format</c> field, FORMAT.md §7.1).
/// The numeric values are the stored code points.
/// </summary>
public enum ChromaFormat : byte
{
    /// <summary>4:0:0: luma only, no chroma planes.</summary>
    Mono400 = 0,

    /// <summary>4:2:0: chroma halved horizontally and vertically.</summary>
    Yuv420 = 1,

    /// <summary>4:2:2: chroma halved horizontally.</summary>
    Yuv422 = 2,

    /// <summary>4:4:4: chroma at full resolution (also used for GBR with matrix_coefficients 0).</summary>
    Yuv444 = 3,
}
