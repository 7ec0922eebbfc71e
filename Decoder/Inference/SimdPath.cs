namespace Asmr.Decoder.Inference;

/// <summary>
/// The instruction set the integer dot-product kernels use. Every path computes the same wrapping i32 sums, so the
/// choice changes speed only, never a decoded bit (spec §11.6).
/// </summary>
internal enum SimdPath
{
    /// <summary>One lane at a time, the spec's formulas written out.</summary>
    Scalar = 0,

    /// <summary>128-bit vectors built from portable <c>Vector128</c> operations only (no ISA-specific intrinsics).</summary>
    Portable128 = 1,

    /// <summary>128-bit <c>pmaddwd</c> (SSE2).</summary>
    Sse2 = 2,

    /// <summary>256-bit <c>vpmaddwd</c> + <c>vpaddd</c> (AVX2).</summary>
    Avx2 = 3,

    /// <summary>256-bit <c>vpdpwssd</c> (AVX-VNNI).</summary>
    AvxVnni = 4,

    /// <summary>512-bit <c>vpmaddwd</c> + <c>vpaddd</c> (AVX-512BW).</summary>
    Avx512 = 5,
}
