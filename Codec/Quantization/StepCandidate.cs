namespace Asmr.Codec.Quantization;

/// <summary>One measured quantization step of one tensor: its μ, coded bytes and the loss increase it causes alone.</summary>
internal readonly record struct StepCandidate(uint Multiplier, int Bytes, double Distortion);
