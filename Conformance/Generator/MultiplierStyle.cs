namespace Asmr.Conformance.Generator;

/// <summary>How the generator picks each tensor's multiplier μ (the quantization step).</summary>
internal enum MultiplierStyle
{
    /// <summary>Powers of two of a size an encoder would choose: phase 2^12, hidden weights 2^4, output 2^8.</summary>
    Typical,

    /// <summary>μ = 1 everywhere: the integers carry the whole value (large q, multi-byte codes).</summary>
    One,

    /// <summary>Large, odd steps (about 2^20..2^32): few distinct q, phases that wrap modulo 2^32.</summary>
    Large,

    /// <summary>A seeded pick per tensor from small, odd, power-of-two and large steps.</summary>
    Mixed,
}
