namespace Asmr.Conformance.Generator;

/// <summary>Which entropy coding (spec §10.4, §10.5) the generator gives each tensor.</summary>
internal enum CodingStyle
{
    /// <summary>Every tensor raw (zig-zag LEB128).</summary>
    Raw,

    /// <summary>Every tensor with the adaptive range coder.</summary>
    Adaptive,

    /// <summary>Raw and adaptive in turn, starting with raw for the first tensor.</summary>
    Alternate,
}
