namespace Asmr.Decoder.Tests.Inference;

/// <summary>How a random test model's integers are drawn.</summary>
internal enum ValueStyle
{
    /// <summary>Moderate output weights (most samples inside the clamp), int16 hidden weights incl. ±32767/−32768.</summary>
    Realistic,

    /// <summary>Hidden weights beyond int16 (the i32 path), output weights near ±2^31 (sat16 and i32 wrap-around).</summary>
    Extreme,
}
